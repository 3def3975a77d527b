// The valuation table as pure functions: what an old appliance is worth, which new lines accept it,
// and how much the deduction may be. No I/O.
import type { Condition, TradeInDeclaration, ValuationBand, ValuationEntry } from "./model";

const FIELD: Record<Condition, keyof Omit<ValuationBand, "maxAgeYears">> = {
  good: "goodFen",
  fair: "fairFen",
  broken: "brokenFen",
};

/** The first band the age fits in; older than every band → the last (oldest) band. */
export function valuationOf(entry: Pick<ValuationEntry, "bands">, ageYears: number, condition: Condition) {
  const band = entry.bands.find((b) => ageYears <= b.maxAgeYears) ?? entry.bands[entry.bands.length - 1];
  return band ? band[FIELD[condition]] : 0;
}

/** The most one old unit may take off one new unit that costs `unitNetFen` (floor of the cap share). */
export const capFen = (capPercent: number, unitNetFen: number) =>
  Math.max(0, Math.floor((Math.max(0, unitNetFen) * capPercent) / 100));

export const deductionOf = (valuationFen: number, capPercent: number, unitNetFen: number) =>
  Math.min(valuationFen, capFen(capPercent, unitNetFen));

/** A line accepts an old kind when the product's category or its parent is one the kind names. */
export const accepts = (
  entry: Pick<ValuationEntry, "categoryIds" | "active">,
  categoryIds: readonly number[],
) => entry.active && categoryIds.some((c) => entry.categoryIds.includes(c));

export interface TradeInLine {
  skuId: number;
  name: string;
  categoryIds?: number[] | undefined;
}

/** A declaration the table accepts: what the step needs to price it. */
export interface ResolvedTradeIn extends TradeInDeclaration {
  name: string;
  valuationFen: number;
  capPercent: number;
}

/**
 * Checks each declaration against the lines and the table: the line must be in the order and accept
 * the old kind. Problems are Chinese, one per refused declaration (the quote shows them and placing
 * the order refuses them).
 */
export function resolveDeclarations(
  declarations: readonly TradeInDeclaration[],
  lines: readonly TradeInLine[],
  table: ReadonlyMap<string, ValuationEntry>,
): { accepted: ResolvedTradeIn[]; problems: string[] } {
  const accepted: ResolvedTradeIn[] = [];
  const problems: string[] = [];
  for (const d of declarations) {
    const line = lines.find((l) => l.skuId === d.skuId);
    const entry = table.get(d.categorySlug);
    if (!line) problems.push("以旧换新：所选新机不在本单中");
    else if (!entry?.active) problems.push(`以旧换新：暂不回收该品类的旧机（${d.categorySlug}）`);
    else if (!accepts(entry, line.categoryIds ?? []))
      problems.push(`以旧换新：${line.name}不支持抵换旧${entry.name}`);
    else
      accepted.push({
        ...d,
        name: entry.name,
        valuationFen: valuationOf(entry, d.ageYears, d.condition),
        capPercent: entry.capPercent,
      });
  }
  return { accepted, problems };
}

/** The old kinds a line may trade in (for the checkout's picker). */
export const optionsFor = (line: TradeInLine, table: ReadonlyMap<string, ValuationEntry>) =>
  [...table.values()]
    .filter((e) => accepts(e, line.categoryIds ?? []))
    .map((e) => ({ slug: e.slug, name: e.name }));

export type Settlement =
  | { kind: "none"; amountFen: 0 }
  /** The old unit was worth more than deducted: the shopper gets the difference back. */
  | { kind: "refund"; amountFen: number }
  /** Worth less, or not handed over: the shopper pays the difference (or the whole deduction). */
  | { kind: "charge"; amountFen: number };

/**
 * The difference between what the order deducted and what the old unit turned out to be worth.
 * `finalFen` null = not collected: the whole deduction is charged back.
 */
export function settlementOf(deductedFen: number, finalFen: number | null): Settlement {
  const diff = (finalFen ?? 0) - deductedFen;
  if (diff > 0) return { kind: "refund", amountFen: diff };
  if (diff < 0) return { kind: "charge", amountFen: -diff };
  return { kind: "none", amountFen: 0 };
}
