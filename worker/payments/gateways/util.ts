import { GatewayError, type PaymentMethod, PaymentRejection, type RejectionReason } from "./types";

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Longest prefix (on code point boundaries) whose UTF-8 encoding fits in `maxBytes`. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

/** An inbound message failed verification. */
export function reject(reason: RejectionReason, message: string): never {
  throw new PaymentRejection(reason, message);
}

/**
 * Checks a refund's amounts before calling the gateway (integer fen, positive, not above the order total)
 * and returns its reason trimmed and cut to 80 characters.
 */
export function checkedRefundReason(
  method: PaymentMethod,
  input: { refundFen: number; totalFen: number; reason: string },
): string {
  if (!Number.isSafeInteger(input.refundFen) || input.refundFen <= 0)
    throw new GatewayError(method, "INVALID_INPUT", "退款金额须为正整数（分）");
  if (!Number.isSafeInteger(input.totalFen) || input.totalFen < input.refundFen) {
    throw new GatewayError(method, "INVALID_INPUT", "订单金额须为整数且不小于退款金额");
  }
  return Array.from(input.reason.trim()).slice(0, 80).join("");
}
