// Shared with the worker so both sides agree on fen ↔ yuan.
import { fenToYuan, yuanToFen } from "../../../worker/shared/money";

/** The one place money is formatted: integer fen → "¥1299.00". */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return "";
  return `¥${fenToYuan(fen)}`;
}

/** Integer and decimal parts for the big/small price style: 129900 → ["1299", "00"]. */
export function priceParts(fen: number): [string, string] {
  const [int = "0", dec = "00"] = fenToYuan(fen).split(".");
  return [int, dec];
}

/** A yuan amount typed by the shopper (price filter) → fen; undefined when not a valid amount. */
export function parseYuan(input: string): number | undefined {
  return input.trim() === "" ? undefined : yuanToFen(input);
}

export { fenToYuan };
