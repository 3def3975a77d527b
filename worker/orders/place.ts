// Placing an order as named saga steps with compensations (Medusa-style): price it on the server,
// hold the stock, write everything in one batch. Each step returns the context the next one needs;
// a failure undoes the finished steps newest first. An Idempotency-Key makes retries and concurrent
// duplicates return the same order and reserve nothing twice.
import { z } from "@hono/zod-openapi";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchResponse } from "drizzle-orm/batch";
import { addressSnapshot } from "../addresses/snapshot";
import { cartItems } from "../cart/schema";
import { type QuoteReads, quoteRead } from "../checkout/quote-reads";
import { runSaga, type SagaStep } from "../checkout/saga";
import { type CheckoutQuote, quoteFrom, quoteInput } from "../checkout/service";
import { payTimeoutMs } from "../checkout/settings";
import { batchRead, readTogether } from "../db/batch-reads";
import type { Db } from "../db/client";
import {
  groupBuyStatements,
  type HeldSlot,
  holdGroupSlot,
  releaseGroupSlot,
} from "../growth/group-buy-service";
import { releaseItems, reserveItems } from "../inventory/client";
import { couponSavingOf, isCouponAlreadyUsed, redeemStatements } from "../marketing/coupon-redemption";
import { isPointsInsufficient, spendStatement } from "../members/points-ledger";
import { pointsFor } from "../members/points-rules";
import { pointsDiscountOf } from "../members/points-step";
import { AppError } from "../shared/errors";
import { failpoint } from "../shared/failpoint";
import { tradeInStatements } from "../trade-in/service";
import type { OrderDeps } from "./deps";
import { eventStatements } from "./events";
import { itemsSummary } from "./items-summary";
import { newOrderNo } from "./order-no";
import { commitAndDeliver } from "./outbox";
import { orderItems, orderRequests, orders } from "./schema";
import { isUniqueViolation, type OrderRow } from "./transition";
import { orderDetailQueries } from "./views";

/** Held stock outlives the payment deadline a little, so our own cancel (which releases it) runs first. */
const RESERVATION_GRACE_MS = 10 * 60_000;

export const createOrderInput = quoteInput.extend({
  remark: z.string().trim().max(200).default(""),
});
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const IDEMPOTENCY_KEY = z
  .string()
  .regex(/^[0-9A-Za-z_\-:.]{8,64}$/, "Idempotency-Key 须为 8–64 位字母、数字或 _-:.");

/** The order under the key; `reply` when this request placed it and its detail was read along. */
export interface PlacedOrder {
  order: OrderRow;
  created: boolean;
  reply?: OrderReply;
}

const CLAIM_ATTEMPTS = 30;
const CLAIM_POLL_MS = 100;
/** A claim this old belongs to a request that died mid-way; it may be taken over. */
const CLAIM_STALE_MS = 60_000;

export async function createOrder(
  deps: OrderDeps,
  shopperId: number,
  input: CreateOrderInput,
  idempotencyKey: string,
): Promise<PlacedOrder> {
  const { db } = deps;
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const { existing, claim, read } = await checkAndClaim(db, shopperId, idempotencyKey, input);
    if (existing) {
      if (claim) await releaseClaim(db, shopperId, idempotencyKey);
      return { order: existing, created: false };
    }
    if (claim) return placeOrder(deps, { shopperId, input, idempotencyKey, orderNo: claim.orderNo, read });
    // A concurrent duplicate holds the key: wait for its order (or for its failure to free the key).
    await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
  }
  throw new AppError(409, "IDEMPOTENCY_IN_PROGRESS", "订单正在提交中，请稍后在我的订单中查看");
}

/**
 * One round trip: the order already placed under this key (if any), whether we now hold the key, and
 * everything pricing the order reads (checkout/quote-reads.ts), after the claim in the same batch.
 * A new claim records the order number the stock will be held under and the SKUs it may be held on
 * (the "立即购买" lines, or the cart's selected lines, computed in the statement itself). Taking over
 * a stale claim (its request died) keeps the number, so the retry's reserve finds the dead request's
 * hold instead of taking the units a second time.
 */
async function checkAndClaim(db: Db, shopperId: number, key: string, input: CreateOrderInput) {
  const now = Date.now();
  const skuIds = input.items
    ? sql`${JSON.stringify([...new Set(input.items.map((i) => i.skuId))])}`
    : sql`(SELECT json_group_array(sku_id) FROM cart_items WHERE shopper_id = ${shopperId} AND selected = 1)`;
  const { found, claimed, quote } = await readTogether(db, {
    found: batchRead(
      [
        db
          .select()
          .from(orders)
          .where(and(eq(orders.shopperId, shopperId), eq(orders.idempotencyKey, key))),
      ],
      ([rows]) => rows[0],
    ),
    claimed: batchRead(
      [
        db
          .insert(orderRequests)
          .values({
            shopperId,
            idempotencyKey: key,
            orderNo: newOrderNo(now),
            skuIds: skuIds as unknown as number[],
            createdAt: now,
          })
          .onConflictDoUpdate({
            target: [orderRequests.shopperId, orderRequests.idempotencyKey],
            set: {
              createdAt: now,
              orderNo: sql`coalesce(${orderRequests.orderNo}, excluded.order_no)`,
              // Both attempts' SKUs: the sweep must be able to release whatever either of them held.
              skuIds: sql`(SELECT json_group_array(DISTINCT value) FROM (
              SELECT value FROM json_each(coalesce(${orderRequests.skuIds}, '[]'))
              UNION SELECT value FROM json_each(excluded.sku_ids)))`,
            },
            setWhere: sql`${orderRequests.createdAt} < ${now - CLAIM_STALE_MS}`,
          })
          .returning({ orderNo: orderRequests.orderNo }),
      ],
      ([rows]) => rows[0],
    ),
    quote: quoteRead(db, shopperId, input, now),
  });
  return {
    existing: found,
    claim: claimed?.orderNo ? { orderNo: claimed.orderNo } : undefined,
    read: { at: now, quote },
  };
}

const releaseClaim = (db: Db, shopperId: number, key: string) =>
  db
    .delete(orderRequests)
    .where(and(eq(orderRequests.shopperId, shopperId), eq(orderRequests.idempotencyKey, key)));

/** What the steps hand on: the request, then the quote, then the order as it will be written. */
interface Placing {
  readonly shopperId: number;
  readonly input: CreateOrderInput;
  readonly idempotencyKey: string;
  /** From the claim: the same number on a retry after a crash. */
  readonly orderNo: string;
  /** What pricing reads, read with the claim at `at`. */
  readonly read: { readonly at: number; readonly quote: QuoteReads };
  quote?: CheckoutQuote;
  order?: OrderRow;
  /** 拼团: the slot held in the group's Durable Object. */
  groupSlot?: HeldSlot;
  /** The reply's reads (the order and its detail), run in the "created" delivery's record batch. */
  reply?: OrderReply;
}

/** The new order as its first delivery left it, with its detail reads' results. */
export interface OrderReply {
  order: OrderRow;
  detail: BatchResponse<ReturnType<typeof orderDetailQueries>>;
}

/** The order of this number, as SQL: its id is not known before the order batch runs. */
const orderIdOf = (orderNo: string) => sql`(SELECT id FROM orders WHERE order_no = ${orderNo})`;

const priced = (ctx: Placing) => ({ quote: ctx.quote!, order: ctx.order! });

function placeOrderSteps(deps: OrderDeps): SagaStep<Placing>[] {
  const { db, env } = deps;
  return [
    {
      name: "hold the idempotency key",
      run: async (ctx) => ctx,
      compensate: async (ctx) => {
        await releaseClaim(db, ctx.shopperId, ctx.idempotencyKey);
      },
    },
    {
      name: "price on the server",
      run: async (ctx) => {
        const quote = await quoteFrom(db, ctx.shopperId, ctx.input, ctx.read.at, ctx.read.quote);
        if (quote.blocking.length)
          throw new AppError(409, "NOT_ORDERABLE", quote.blocking[0]!, quote.blocking);
        return { ...ctx, quote, order: draftOrder(deps, ctx, quote) };
      },
    },
    {
      // Before the stock: a full group refuses at once; a later failure frees the slot again.
      name: "hold a 拼团 slot",
      run: async (ctx) => {
        const { quote, order } = priced(ctx);
        return quote.groupBuy ? { ...ctx, groupSlot: await holdGroupSlot(env, quote.groupBuy, order) } : ctx;
      },
      compensate: async (ctx) => {
        if (ctx.groupSlot) await releaseGroupSlot(env, ctx.groupSlot, priced(ctx).order.orderNo);
      },
    },
    {
      name: "reserve stock",
      run: async (ctx) => {
        const { quote, order } = priced(ctx);
        const ttl = order.payDeadline - order.createdAt + RESERVATION_GRACE_MS;
        const r = await reserveItems(env, order.orderNo, stockLines(quote), ttl);
        if (!r.ok && r.code !== "OUT_OF_STOCK") {
          // A retry after a crash whose lines changed meanwhile, or whose hold has lapsed: give back
          // whatever the dead attempt holds under this number; the next submit starts afresh.
          await releaseItems(
            env,
            order.orderNo,
            stockLines(quote).map((l) => l.skuId),
            "order_retry_conflict",
          );
          throw new AppError(409, "ORDER_RETRY_CONFLICT", "订单信息已变化，请重新提交订单");
        }
        if (!r.ok) {
          const line = quote.lines.find((l) => l.skuId === r.skuId);
          const what = line ? `${line.name}${Object.values(line.specs).join(" ")}` : "部分商品";
          throw new AppError(409, "OUT_OF_STOCK", `${what}库存不足`, {
            skuId: r.skuId,
            available: "available" in r ? r.available : undefined,
          });
        }
        return ctx;
      },
      compensate: async (ctx) => {
        const { quote, order } = priced(ctx);
        await releaseItems(
          env,
          order.orderNo,
          stockLines(quote).map((l) => l.skuId),
          "order_write_failed",
        );
      },
    },
    {
      name: "write the order",
      run: async (ctx) => {
        await failpoint(env, "checkout_after_reserve");
        const { quote, order } = priced(ctx);
        // The "created" delivery's claim and the reply's reads ride in the order batch; the delivery's
        // record (the timer's receipt) is written after the reply.
        const orderId = orderIdOf(order.orderNo);
        const { results, reads } = await commitAndDeliver(
          deps,
          orderId,
          ["created"],
          orderWrite(deps, ctx, quote, order),
          {
            reads: [
              db.select().from(orders).where(eq(orders.orderNo, order.orderNo)),
              ...orderDetailQueries(db, orderId),
            ],
            see: "change",
          },
        );
        const [inserted] = results as [{ id: number }[]];
        const [orderRows, ...detail] = (reads ?? []) as [OrderRow[], ...OrderReply["detail"]];
        const reply = orderRows?.[0] ? { order: orderRows[0], detail } : undefined;
        return { ...ctx, order: { ...order, id: inserted[0]!.id }, reply };
      },
    },
  ];
}

const stockLines = (q: CheckoutQuote) => q.lines.map((l) => ({ skuId: l.skuId, qty: l.quantity }));

function draftOrder(deps: OrderDeps, ctx: Placing, q: CheckoutQuote): OrderRow {
  const now = Date.now();
  const address = addressSnapshot(q.address!);
  return {
    id: 0,
    orderNo: ctx.orderNo,
    shopperId: ctx.shopperId,
    status: "pending_payment",
    version: 1,
    itemsTotalFen: q.quote.itemsTotalFen,
    shippingFen: q.quote.shippingFen,
    discountFen: q.quote.discountFen,
    payableFen: q.quote.payableFen,
    itemsSummary: itemsSummary(q.lines),
    adjustments: q.quote.adjustments,
    address,
    deliveryPromise: q.promise,
    receiverName: address.receiverName,
    receiverPhone: address.phone,
    shopperRemark: ctx.input.remark,
    merchantRemark: "",
    idempotencyKey: ctx.idempotencyKey,
    stockState: "reserved",
    payDeadline: now + payTimeoutMs(deps.env, q.settings),
    paymentMethod: null,
    transactionId: null,
    paidAt: null,
    carrier: null,
    trackingNo: null,
    shippedAt: null,
    deliveredAt: null,
    autoCompleteAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** One atomic batch: the order, its item snapshots with what each line paid, the "created" event, cart cleanup, the key. */
function orderWrite(deps: OrderDeps, ctx: Placing, q: CheckoutQuote, order: OrderRow) {
  const { db } = deps;
  const orderIdSql = orderIdOf(order.orderNo);
  const { id: _id, ...values } = order;
  return [
    db.insert(orders).values(values).returning({ id: orders.id }),
    db.insert(orderItems).values(
      q.quote.lines.map((l, i) => ({
        orderId: orderIdSql as unknown as number,
        skuId: l.skuId,
        productId: l.productId,
        name: l.name,
        specs: l.specs,
        image: l.image,
        unitPriceFen: l.unitPriceFen,
        quantity: l.quantity,
        lineTotalFen: l.lineTotalFen,
        allocations: q.quote.linePayments[i]!.allocations,
        payableFen: q.quote.linePayments[i]!.payableFen,
      })),
    ),
    // The coupon is spent in the same batch: a second order racing with it fails the whole batch.
    ...(q.couponId === null
      ? []
      : redeemStatements(db, {
          couponId: q.couponId,
          shopperId: ctx.shopperId,
          orderId: orderIdSql,
          savingFen: couponSavingOf(q.quote.adjustments),
          now: order.createdAt,
        })),
    // 积分抵扣 in the same batch: fails it whole when the balance no longer covers the points.
    ...(pointsDiscountOf(q.quote.adjustments) > 0 && q.member
      ? [
          spendStatement(db, {
            shopperId: ctx.shopperId,
            orderId: orderIdSql,
            orderNo: order.orderNo,
            points: pointsFor(pointsDiscountOf(q.quote.adjustments), {
              redeemPointsPerYuan: q.member.points.redeemPointsPerYuan,
            }),
            minBalance: 0,
            now: order.createdAt,
          }),
        ]
      : []),
    // 以旧换新: the declared old appliances, keyed by order line (trade-in/service.ts).
    ...tradeInStatements(db, orderIdSql, ctx.shopperId, q.tradeIns, order.createdAt),
    // 拼团: the group row (opened by its leader) and this order's member row.
    ...groupBuyStatements(db, orderIdSql, ctx.groupSlot, order),
    ...eventStatements(deps, orderIdSql, order, {
      kind: "created",
      seq: 1,
      fromStatus: null,
      toStatus: "pending_payment",
      actor: { kind: "shopper", id: ctx.shopperId },
      reason: "订单已提交",
      data: { payableFen: order.payableFen },
    }),
    ...(q.fromCart
      ? [
          db.delete(cartItems).where(
            and(
              eq(cartItems.shopperId, ctx.shopperId),
              inArray(
                cartItems.skuId,
                q.lines.map((l) => l.skuId),
              ),
            ),
          ),
        ]
      : []),
    releaseClaim(db, ctx.shopperId, ctx.idempotencyKey),
  ] as const;
}

async function placeOrder(
  deps: OrderDeps,
  request: Pick<Placing, "shopperId" | "input" | "idempotencyKey" | "orderNo" | "read">,
): Promise<PlacedOrder> {
  let placed: Placing;
  try {
    placed = await runSaga(placeOrderSteps(deps), request, (e) =>
      deps.log.error("checkout compensation failed", { step: e.step, err: String(e.error) }),
    );
  } catch (err) {
    // The saga has released the stock already; nothing of the order was written.
    if (isCouponAlreadyUsed(err))
      throw new AppError(409, "COUPON_UNAVAILABLE", "优惠券已被使用或已失效，请重新选择");
    if (isPointsInsufficient(err))
      throw new AppError(409, "POINTS_INSUFFICIENT", "积分余额已变化，不足以抵扣，请重新确认订单");
    if (isUniqueViolation(err, "idempotency_key")) {
      // Only possible after a stale claim was taken over; our reservation was released above.
      const winner = await deps.db
        .select()
        .from(orders)
        .where(
          and(eq(orders.shopperId, request.shopperId), eq(orders.idempotencyKey, request.idempotencyKey)),
        )
        .get();
      if (winner) return { order: winner, created: false };
    }
    throw err;
  }
  return { order: placed.reply?.order ?? placed.order!, created: true, reply: placed.reply };
}
