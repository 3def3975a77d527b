// Charges: money a shopper owes after the order (an out-of-warranty repair, a trade-in valued down on
// site). Paid through the same gateways and notification endpoints as orders; the charge number is the
// out_trade_no ("SC" + digits, so it never collides with an order number, which is digits only).
// Other domains create them idempotently by (kind, ref) and read their status.
import type { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import type { OrderDeps } from "../orders/deps";
import { newOrderNo } from "../orders/order-no";
import { AppError, notFound } from "../shared/errors";
import type { ClientPayParams, PaymentMethod } from "./gateways/types";
import { truncateUtf8 } from "./gateways/util";
import { askGateway, type StorePages, type startPaymentInput } from "./providers";
import { type ChargeKind, charges } from "./schema";

export type { ChargeKind } from "./schema";
export type ChargeRow = typeof charges.$inferSelect;

export const CHARGE_NO_PATTERN = /^SC\d{24}$/;
export const isChargeNo = (outTradeNo: string) => CHARGE_NO_PATTERN.test(outTradeNo);

/** How long a started charge payment stays payable at the gateway. */
const CHARGE_PAY_WINDOW_MS = 2 * 3600_000;

export interface NewCharge {
  shopperId: number;
  orderId: number | null;
  kind: ChargeKind;
  sourceRef: string;
  amountFen: number;
  description: string;
}

/** Idempotent by (kind, sourceRef): asking again returns the charge already made, unchanged. */
export async function createCharge(db: Db, input: NewCharge): Promise<ChargeRow> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw new AppError(422, "INVALID_CHARGE_AMOUNT", "收费金额必须大于 0");
  const now = Date.now();
  await db
    .insert(charges)
    .values({
      ...input,
      chargeNo: `SC${newOrderNo(now)}`,
      status: "unpaid",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [charges.kind, charges.sourceRef] });
  return (await chargeOf(db, input.kind, input.sourceRef))!;
}

export async function chargeOf(db: Db, kind: ChargeKind, sourceRef: string) {
  return db
    .select()
    .from(charges)
    .where(and(eq(charges.kind, kind), eq(charges.sourceRef, sourceRef)))
    .get();
}

/** Withdraws an unpaid charge (the work was not done after all); a paid one stays paid. */
export async function cancelCharge(db: Db, kind: ChargeKind, sourceRef: string) {
  await db
    .update(charges)
    .set({ status: "cancelled", updatedAt: Date.now() })
    .where(and(eq(charges.kind, kind), eq(charges.sourceRef, sourceRef), eq(charges.status, "unpaid")));
}

/** The shopper's own charge; anyone else's is not found. */
export async function shopperCharge(db: Db, shopperId: number, chargeNo: string): Promise<ChargeRow> {
  const row = await db.select().from(charges).where(eq(charges.chargeNo, chargeNo)).get();
  if (!row || row.shopperId !== shopperId) throw notFound("收费单不存在");
  return row;
}

export async function startChargePayment(
  deps: OrderDeps,
  charge: ChargeRow,
  input: z.infer<typeof startPaymentInput>,
  /** Alipay H5 sends the browser back to the store's charge page after paying or quitting. */
  browser?: StorePages,
): Promise<ClientPayParams> {
  if (charge.status === "paid") throw new AppError(409, "CHARGE_ALREADY_PAID", "该费用已支付");
  if (charge.status === "cancelled") throw new AppError(409, "CHARGE_CANCELLED", "该费用已取消，无需支付");
  const params = await askGateway(deps, charge.shopperId, input, {
    outTradeNo: charge.chargeNo,
    amountFen: charge.amountFen,
    description: truncateUtf8(`家电商城-${charge.description}`, 127),
    expiresAtMs: Date.now() + CHARGE_PAY_WINDOW_MS,
    ...browser,
  });
  await deps.db
    .update(charges)
    .set({ method: input.method, updatedAt: Date.now() })
    .where(eq(charges.id, charge.id));
  return params;
}

export type ChargePaymentOutcome =
  | { kind: "applied" | "duplicate"; charge: ChargeRow }
  /** Paid a second time (the other method) or after it was cancelled: the merchant refunds by hand. */
  | { kind: "needs_attention"; charge: ChargeRow }
  | { kind: "rejected"; reason: "UNKNOWN_CHARGE" | "AMOUNT_MISMATCH" };

/** A verified payment for a charge, applied once: unpaid → paid by a compare-and-set on the status. */
export async function applyChargePayment(
  db: Db,
  fact: {
    method: PaymentMethod;
    outTradeNo: string;
    transactionId: string;
    amountFen: number;
    paidAtMs: number;
  },
): Promise<ChargePaymentOutcome> {
  const [paid] = await db
    .update(charges)
    .set({
      status: "paid",
      method: fact.method,
      transactionId: fact.transactionId,
      paidAt: fact.paidAtMs,
      updatedAt: Date.now(),
    })
    .where(
      and(
        eq(charges.chargeNo, fact.outTradeNo),
        eq(charges.status, "unpaid"),
        eq(charges.amountFen, fact.amountFen),
      ),
    )
    .returning();
  if (paid) return { kind: "applied", charge: paid };
  const row = await db.select().from(charges).where(eq(charges.chargeNo, fact.outTradeNo)).get();
  if (!row) return { kind: "rejected", reason: "UNKNOWN_CHARGE" };
  if (row.amountFen !== fact.amountFen) return { kind: "rejected", reason: "AMOUNT_MISMATCH" };
  if (row.status === "paid" && row.transactionId === fact.transactionId)
    return { kind: "duplicate", charge: row };
  return { kind: "needs_attention", charge: row };
}

export const CHARGE_STATUS_LABELS: Record<ChargeRow["status"], string> = {
  unpaid: "待支付",
  paid: "已支付",
  cancelled: "已取消",
};

export const chargeView = (c: ChargeRow) => ({
  chargeNo: c.chargeNo,
  kind: c.kind,
  sourceRef: c.sourceRef,
  amountFen: c.amountFen,
  description: c.description,
  status: c.status,
  statusLabel: CHARGE_STATUS_LABELS[c.status],
  method: c.method,
  paidAt: c.paidAt,
  createdAt: c.createdAt,
});
