import { z } from "@hono/zod-openapi";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { cartItems } from "../cart/schema";
import { imageUrl } from "../catalog/model";
import { runSaga } from "../checkout/saga";
import { addressSnapshot, buildQuote, quoteInput } from "../checkout/service";
import { autoCompleteMs, getShopSettings, payTimeoutMs } from "../checkout/settings";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { releaseItems, reserveItems } from "../inventory/client";
import { deliverSubscribeMessages, orderNoticeStatements, subscribeConfig } from "../notifications/service";
import { payments, refunds } from "../payments/schema";
import { decodeJsonCursor, encodeJsonCursor } from "../shared/base64url";
import { AppError, badRequest, notFound } from "../shared/errors";
import type { Logger } from "../shared/log";
import { fenToYuan } from "../shared/money";
import { newOrderNo } from "./order-no";
import { orderEvents, orderItems, orderRequests, orders } from "./schema";
import {
  type ActorKind,
  availableActions,
  type OrderStatus,
  SHOPPER_TABS,
  type ShopperTab,
  STATUS_LABELS,
  shopperStatusLabel,
} from "./state-machine";
import {
  type Actor,
  isUniqueViolation,
  loadOrder,
  noteStatement,
  type OrderRow,
  transitionWithRetry,
} from "./transition";

/** What order operations need: the database, bindings/config, a logger, and a way to finish work after replying. */
export interface OrderDeps {
  db: Db;
  env: Env;
  log: Logger;
  waitUntil(p: Promise<unknown>): void;
}

/** Held stock outlives the payment deadline a little, so our own cancel (which releases it) runs first. */
const RESERVATION_GRACE_MS = 10 * 60_000;

export const createOrderInput = quoteInput.extend({
  remark: z.string().trim().max(200).default(""),
});
export const IDEMPOTENCY_KEY = z
  .string()
  .regex(/^[0-9A-Za-z_\-:.]{8,64}$/, "Idempotency-Key 须为 8–64 位字母、数字或 _-:.");

export function itemsSummary(items: { name: string; quantity: number }[]): string {
  const first = items[0];
  if (!first) return "";
  const count = items.reduce((n, i) => n + i.quantity, 0);
  return items.length === 1 ? `${first.name} ×${first.quantity}` : `${first.name} 等${count}件`;
}

async function byIdempotencyKey(db: Db, shopperId: number, key: string) {
  return db
    .select()
    .from(orders)
    .where(and(eq(orders.shopperId, shopperId), eq(orders.idempotencyKey, key)))
    .get();
}

/**
 * Places an order: quote (server prices) → reserve stock → one batch writing the order, its item
 * snapshots, its first timeline entry, the cart cleanup and the notices. A failed write releases the
 * reservation. The same Idempotency-Key returns the same order, also when two requests race.
 */
export async function createOrder(
  deps: OrderDeps,
  shopperId: number,
  input: z.infer<typeof createOrderInput>,
  idempotencyKey: string,
): Promise<{ order: OrderRow; created: boolean }> {
  const { db } = deps;
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const { existing, claimed } = await checkAndClaim(db, shopperId, idempotencyKey);
    if (existing) {
      if (claimed) await releaseClaim(db, shopperId, idempotencyKey);
      return { order: existing, created: false };
    }
    if (claimed) return placeOrder(deps, shopperId, input, idempotencyKey);
    // A concurrent duplicate holds the key: wait for its order (or for its failure to free the key).
    await new Promise((r) => setTimeout(r, CLAIM_POLL_MS));
  }
  throw new AppError(409, "IDEMPOTENCY_IN_PROGRESS", "订单正在提交中，请稍后在我的订单中查看");
}

const CLAIM_ATTEMPTS = 30;
const CLAIM_POLL_MS = 100;
/** A claim this old belongs to a request that died mid-way; it may be taken over. */
const CLAIM_STALE_MS = 60_000;

/** One round trip: the order already placed under this key (if any), and whether we now hold the key. */
async function checkAndClaim(db: Db, shopperId: number, key: string) {
  const now = Date.now();
  const [found, inserted] = await db.batch([
    db
      .select()
      .from(orders)
      .where(and(eq(orders.shopperId, shopperId), eq(orders.idempotencyKey, key))),
    db
      .insert(orderRequests)
      .values({ shopperId, idempotencyKey: key, createdAt: now })
      .onConflictDoUpdate({
        target: [orderRequests.shopperId, orderRequests.idempotencyKey],
        set: { createdAt: now },
        setWhere: sql`${orderRequests.createdAt} < ${now - CLAIM_STALE_MS}`,
      })
      .returning({ createdAt: orderRequests.createdAt }),
  ]);
  return { existing: found[0], claimed: inserted.length === 1 };
}

const releaseClaim = (db: Db, shopperId: number, key: string) =>
  db
    .delete(orderRequests)
    .where(and(eq(orderRequests.shopperId, shopperId), eq(orderRequests.idempotencyKey, key)));

async function placeOrder(
  deps: OrderDeps,
  shopperId: number,
  input: z.infer<typeof createOrderInput>,
  idempotencyKey: string,
): Promise<{ order: OrderRow; created: boolean }> {
  const { db, env } = deps;
  const q = await buildQuote(db, shopperId, input).catch(async (err) => {
    await releaseClaim(db, shopperId, idempotencyKey);
    throw err;
  });
  if (q.blocking.length) {
    await releaseClaim(db, shopperId, idempotencyKey);
    throw new AppError(409, "NOT_ORDERABLE", q.blocking[0]!, q.blocking);
  }
  const now = Date.now();
  const orderNo = newOrderNo(now);
  const payDeadline = now + payTimeoutMs(env, q.settings);
  const address = addressSnapshot(q.address!);
  const summary = itemsSummary(q.lines);
  const row: OrderRow = {
    id: 0,
    orderNo,
    shopperId,
    status: "pending_payment",
    version: 1,
    itemsTotalFen: q.quote.itemsTotalFen,
    shippingFen: q.quote.shippingFen,
    discountFen: q.quote.discountFen,
    payableFen: q.quote.payableFen,
    adjustments: q.quote.adjustments,
    address,
    receiverName: address.receiverName,
    receiverPhone: address.phone,
    shopperRemark: input.remark,
    merchantRemark: "",
    idempotencyKey,
    stockState: "reserved",
    payDeadline,
    paymentMethod: null,
    transactionId: null,
    paidAt: null,
    carrier: null,
    trackingNo: null,
    shippedAt: null,
    autoCompleteAt: null,
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    createdAt: now,
    updatedAt: now,
  };
  const stockLines = q.lines.map((l) => ({ skuId: l.skuId, qty: l.quantity }));
  const orderIdSql = sql`(SELECT id FROM orders WHERE order_no = ${orderNo})`;

  try {
    await runSaga(
      [
        {
          name: "claim idempotency key",
          run: async () => {},
          compensate: async () => {
            await releaseClaim(db, shopperId, idempotencyKey);
          },
        },
        {
          name: "reserve stock",
          run: async () => {
            const r = await reserveItems(env, orderNo, stockLines, payDeadline - now + RESERVATION_GRACE_MS);
            if (!r.ok) {
              const line = q.lines.find((l) => l.skuId === r.skuId);
              const what = line ? `${line.name}${Object.values(line.specs).join(" ")}` : "部分商品";
              throw new AppError(409, "OUT_OF_STOCK", `${what}库存不足`, {
                skuId: r.skuId,
                available: "available" in r ? r.available : undefined,
              });
            }
          },
          compensate: async () => {
            await releaseItems(
              env,
              orderNo,
              stockLines.map((l) => l.skuId),
              "order_write_failed",
            );
          },
        },
        {
          name: "write order",
          run: async () => {
            const { id: _id, ...values } = row;
            const [insertedOrder] = await db.batch([
              db.insert(orders).values(values).returning({ id: orders.id }),
              db.insert(orderItems).values(
                q.quote.lines.map((l) => ({
                  orderId: orderIdSql as unknown as number,
                  skuId: l.skuId,
                  productId: l.productId,
                  name: l.name,
                  specs: l.specs,
                  image: l.image,
                  unitPriceFen: l.unitPriceFen,
                  quantity: l.quantity,
                  lineTotalFen: l.lineTotalFen,
                })),
              ),
              db.insert(orderEvents).values({
                orderId: orderIdSql as unknown as number,
                seq: 1,
                kind: "created",
                fromStatus: null,
                toStatus: "pending_payment",
                actorKind: "shopper",
                actorId: shopperId,
                reason: "订单已提交",
                data: { payableFen: row.payableFen },
                createdAt: now,
              }),
              ...(q.fromCart
                ? [
                    db.delete(cartItems).where(
                      and(
                        eq(cartItems.shopperId, shopperId),
                        inArray(
                          cartItems.skuId,
                          q.lines.map((l) => l.skuId),
                        ),
                      ),
                    ),
                  ]
                : []),
              ...orderNoticeStatements(db, subscribeConfig(env), "order_created", row, summary),
              releaseClaim(db, shopperId, idempotencyKey),
            ]);
            row.id = insertedOrder[0]!.id;
          },
        },
      ],
      undefined,
      (e) => deps.log.error("checkout compensation failed", { orderNo, step: e.step, err: String(e.error) }),
    );
  } catch (err) {
    if (isUniqueViolation(err, "idempotency_key")) {
      // Only possible after a stale claim was taken over; our reservation was released above.
      const winner = await byIdempotencyKey(db, shopperId, idempotencyKey);
      if (winner) return { order: winner, created: false };
    }
    throw err;
  }
  const created = row;
  deps.waitUntil(afterCommit(deps, created, "order_created", { timer: { kind: "cancel", at: payDeadline } }));
  return { order: created, created: true };
}

/** Best-effort follow-ups (the sweeper redoes any that fail): arm the order's timer, send subscribe messages. */
export async function afterCommit(
  deps: OrderDeps,
  order: OrderRow,
  noticeKind: string | null,
  opts: { timer?: { kind: "cancel" | "complete"; at: number } } = {},
) {
  const { env, log } = deps;
  try {
    if (opts.timer) {
      const stub = env.ORDER_TIMER.get(env.ORDER_TIMER.idFromName(`order:${order.orderNo}`));
      await stub.arm(order.id, opts.timer.kind, opts.timer.at);
    }
  } catch (err) {
    log.warn("order timer not armed; the sweeper will handle it", {
      orderNo: order.orderNo,
      err: String(err),
    });
  }
  if (noticeKind)
    await deliverSubscribeMessages(deps.db, subscribeConfig(env), log, {
      dedupeKeys: [`order:${order.orderNo}:${noticeKind}`],
    }).catch((err) => log.warn("subscribe delivery failed", { err: String(err) }));
}

// ---------- reads ----------

/** A shopper's own order; anyone else's is "not found" (never 403: that would confirm it exists). */
async function shopperOrder(db: Db, shopperId: number, match: SQL): Promise<OrderRow> {
  const o = await db
    .select()
    .from(orders)
    .where(and(match, eq(orders.shopperId, shopperId)))
    .get();
  if (!o) throw notFound("订单不存在");
  return o;
}

export function getShopperOrder(db: Db, shopperId: number, id: number): Promise<OrderRow> {
  return shopperOrder(db, shopperId, eq(orders.id, id));
}

export function getShopperOrderByNo(db: Db, shopperId: number, orderNo: string): Promise<OrderRow> {
  return shopperOrder(db, shopperId, eq(orders.orderNo, orderNo));
}

export async function getOrderForStaff(db: Db, id: number): Promise<OrderRow> {
  const o = await loadOrder(db, id);
  if (!o) throw notFound("订单不存在");
  return o;
}

function itemView(i: typeof orderItems.$inferSelect) {
  return {
    id: i.id,
    skuId: i.skuId,
    productId: i.productId,
    name: i.name,
    specs: i.specs,
    imageUrl: i.image ? imageUrl(i.image) : null,
    unitPriceFen: i.unitPriceFen,
    quantity: i.quantity,
    lineTotalFen: i.lineTotalFen,
  };
}

function summaryView(o: OrderRow, viewer: "shopper" | "merchant") {
  return {
    id: o.id,
    orderNo: o.orderNo,
    status: o.status,
    statusText: viewer === "shopper" ? shopperStatusLabel(o.status) : STATUS_LABELS[o.status],
    itemsTotalFen: o.itemsTotalFen,
    shippingFen: o.shippingFen,
    discountFen: o.discountFen,
    payableFen: o.payableFen,
    payDeadline: o.status === "pending_payment" ? o.payDeadline : null,
    createdAt: o.createdAt,
  };
}

const ACTOR_LABELS: Record<ActorKind, string> = {
  shopper: "买家",
  merchant: "商家",
  system: "系统",
  gateway: "支付平台",
};

/** Full detail with items and the timeline. Merchants also see ids, remarks and payment records. */
export async function orderDetail(db: Db, o: OrderRow, viewer: "shopper" | "merchant") {
  // One batch: one round trip to the database instead of four.
  const [items, events, pays, refundRows] = await db.batch([
    db.select().from(orderItems).where(eq(orderItems.orderId, o.id)).orderBy(asc(orderItems.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, o.id)).orderBy(asc(orderEvents.id)),
    db.select().from(payments).where(eq(payments.orderId, o.id)),
    db.select().from(refunds).where(eq(refunds.orderId, o.id)),
  ]);
  const actor: ActorKind = viewer === "shopper" ? "shopper" : "merchant";
  return {
    ...summaryView(o, viewer),
    items: items.map(itemView),
    adjustments: o.adjustments,
    address: o.address,
    shopperRemark: o.shopperRemark,
    ...(viewer === "merchant" ? { merchantRemark: o.merchantRemark, shopperId: o.shopperId } : {}),
    paymentMethod: o.paymentMethod,
    paidAt: o.paidAt,
    carrier: o.carrier,
    trackingNo: o.trackingNo,
    shippedAt: o.shippedAt,
    autoCompleteAt: o.status === "shipped" ? o.autoCompleteAt : null,
    completedAt: o.completedAt,
    cancelledAt: o.cancelledAt,
    cancelReason: o.cancelReason,
    actions: [
      ...availableActions(o.status, actor),
      ...(viewer === "shopper" && o.status === "pending_payment" ? ["pay"] : []),
    ],
    timeline: events
      // Remarks are the merchant's internal notes.
      .filter((e) => viewer === "merchant" || e.kind !== "remark")
      .map((e) => ({
        kind: e.kind,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        toStatusText: e.toStatus ? STATUS_LABELS[e.toStatus] : null,
        actor: e.actorKind,
        actorText: ACTOR_LABELS[e.actorKind],
        ...(viewer === "merchant" ? { actorId: e.actorId, data: e.data } : {}),
        reason: e.reason,
        at: e.createdAt,
      })),
    refunds: refundRows.map((r) => ({
      amountFen: r.amountFen,
      status: r.status,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
    ...(viewer === "merchant"
      ? {
          transactionId: o.transactionId,
          stockState: o.stockState,
          payments: pays.map((p) => ({
            method: p.method,
            channel: p.channel,
            status: p.status,
            amountFen: p.amountFen,
            transactionId: p.transactionId,
            createdAt: p.createdAt,
          })),
        }
      : {}),
  };
}

type Cursor = { t: number; id: number };
const isCursor = (c: unknown): c is Cursor =>
  typeof c === "object" &&
  c !== null &&
  typeof (c as Cursor).t === "number" &&
  typeof (c as Cursor).id === "number";

function cursorCond(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeJsonCursor(cursor);
  if (!isCursor(c)) throw badRequest("分页参数无效，请刷新后重试", undefined, "INVALID_CURSOR");
  return sql`(${orders.createdAt}, ${orders.id}) < (${c.t}, ${c.id})`;
}

async function pageWithItems(db: Db, where: SQL | undefined, limit: number, viewer: "shopper" | "merchant") {
  const rows = await db
    .select()
    .from(orders)
    .where(where)
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const items = page.length
    ? await db
        .select()
        .from(orderItems)
        .where(
          inArray(
            orderItems.orderId,
            page.map((o) => o.id),
          ),
        )
        .orderBy(asc(orderItems.id))
    : [];
  const last = page[page.length - 1];
  return {
    items: page.map((o) => {
      const mine = items.filter((i) => i.orderId === o.id);
      return {
        ...summaryView(o, viewer),
        ...(viewer === "merchant"
          ? { receiverName: o.receiverName, receiverPhone: o.receiverPhone, merchantRemark: o.merchantRemark }
          : {}),
        itemCount: mine.reduce((n, i) => n + i.quantity, 0),
        items: mine.map(itemView),
      };
    }),
    nextCursor: rows.length > limit && last ? encodeJsonCursor({ t: last.createdAt, id: last.id }) : null,
  };
}

export const shopperListQuery = z.object({
  tab: z.enum(Object.keys(SHOPPER_TABS) as [ShopperTab, ...ShopperTab[]]).default("all"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export async function listShopperOrders(db: Db, shopperId: number, q: z.infer<typeof shopperListQuery>) {
  const statuses = SHOPPER_TABS[q.tab] as readonly OrderStatus[];
  const where = and(
    eq(orders.shopperId, shopperId),
    q.tab === "all" ? undefined : inArray(orders.status, [...statuses]),
    cursorCond(q.cursor),
  );
  return pageWithItems(db, where, q.limit, "shopper");
}

export const merchantListQuery = z.object({
  status: z.enum(["pending_payment", "paid", "shipped", "completed", "cancelled", "any"]).default("any"),
  /** Order number, receiver phone, receiver name or product name. */
  q: z.string().trim().max(64).optional(),
  from: z.coerce.number().int().nonnegative().optional(),
  to: z.coerce.number().int().nonnegative().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type MerchantListQuery = z.infer<typeof merchantListQuery>;

function merchantWhere(q: Omit<MerchantListQuery, "cursor" | "limit">): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.status !== "any") conds.push(eq(orders.status, q.status));
  if (q.from !== undefined) conds.push(sql`${orders.createdAt} >= ${q.from}`);
  if (q.to !== undefined) conds.push(sql`${orders.createdAt} < ${q.to}`);
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(
      sql`(${orders.orderNo} = ${q.q} OR ${orders.receiverPhone} = ${q.q} OR ${orders.receiverName} LIKE ${like} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = ${orders.id} AND oi.name LIKE ${like} ESCAPE '\\'))`,
    );
  }
  return and(...conds);
}

export async function listMerchantOrders(db: Db, q: MerchantListQuery) {
  return pageWithItems(db, and(merchantWhere(q), cursorCond(q.cursor)), q.limit, "merchant");
}

export const EXPORT_MAX_ROWS = 5000;

const bj = (ms: number | null) =>
  ms ? new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ") : "";
const PAY_METHOD_LABELS: Record<string, string> = { wechat: "微信支付", alipay: "支付宝" };

/** Rows for the merchant's CSV export (header first); times in Beijing time, money in yuan. */
export async function exportRows(db: Db, q: Omit<MerchantListQuery, "cursor" | "limit">) {
  const list = await db
    .select()
    .from(orders)
    .where(merchantWhere(q))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(EXPORT_MAX_ROWS);
  const items = list.length
    ? await db
        .select()
        .from(orderItems)
        .where(
          inArray(
            orderItems.orderId,
            list.map((o) => o.id),
          ),
        )
    : [];
  const header = [
    "订单号",
    "下单时间",
    "状态",
    "收货人",
    "电话",
    "收货地址",
    "商品",
    "件数",
    "商品金额",
    "运费",
    "优惠",
    "应付金额",
    "支付方式",
    "支付时间",
    "快递公司",
    "运单号",
    "买家备注",
    "商家备注",
  ];
  return [
    header,
    ...list.map((o) => {
      const mine = items.filter((i) => i.orderId === o.id);
      const a = o.address;
      return [
        o.orderNo,
        bj(o.createdAt),
        STATUS_LABELS[o.status],
        o.receiverName,
        o.receiverPhone,
        `${a.province}${a.city}${a.district}${a.detail}`,
        mine
          .map(
            (i) =>
              `${i.name}${Object.values(i.specs).length ? `(${Object.values(i.specs).join("/")})` : ""}×${i.quantity}`,
          )
          .join("；"),
        mine.reduce((n, i) => n + i.quantity, 0),
        fenToYuan(o.itemsTotalFen),
        fenToYuan(o.shippingFen),
        fenToYuan(o.discountFen),
        fenToYuan(o.payableFen),
        o.paymentMethod && o.paidAt ? (PAY_METHOD_LABELS[o.paymentMethod] ?? o.paymentMethod) : "",
        bj(o.paidAt),
        o.carrier ?? "",
        o.trackingNo ?? "",
        o.shopperRemark,
        o.merchantRemark,
      ];
    }),
  ];
}

// ---------- merchant and shopper actions (cancel lives in lifecycle.ts: it talks to the gateways) ----------

export const shipInput = z.object({
  carrier: z.string().trim().min(1, "请填写快递公司").max(32),
  trackingNo: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,40}$/, "运单号格式不正确"),
});

export async function shipOrder(
  deps: OrderDeps,
  order: OrderRow,
  actor: Actor,
  input: z.infer<typeof shipInput>,
) {
  const { db, env } = deps;
  const settings = await getShopSettings(db);
  const summary = await summaryOf(db, order.id);
  return transitionWithRetry<OrderRow>(
    db,
    order,
    (o) => {
      // A retried identical request is not an error.
      if (o.status === "shipped" && o.carrier === input.carrier && o.trackingNo === input.trackingNo)
        return { done: o };
      const now = Date.now();
      return {
        action: "ship",
        actor,
        reason: `${input.carrier} ${input.trackingNo}`,
        set: { ...input, shippedAt: now, autoCompleteAt: now + autoCompleteMs(env, settings) },
        extra: (db2, next) =>
          orderNoticeStatements(db2, subscribeConfig(env), "order_shipped", next, summary),
      };
    },
    (o) => {
      deps.waitUntil(
        afterCommit(deps, o, "order_shipped", { timer: { kind: "complete", at: o.autoCompleteAt! } }),
      );
      return o;
    },
  );
}

export async function confirmReceipt(deps: OrderDeps, order: OrderRow, actor: Actor) {
  return transitionWithRetry<OrderRow>(
    deps.db,
    order,
    (o) =>
      o.status === "completed"
        ? { done: o }
        : { action: "confirm_receipt", actor, reason: "买家确认收货", set: { completedAt: Date.now() } },
    (o) => o,
  );
}

export const remarkInput = z.object({ remark: z.string().trim().max(500) });

export async function setMerchantRemark(db: Db, order: OrderRow, actor: Actor, remark: string) {
  await db.batch([
    db.update(orders).set({ merchantRemark: remark, updatedAt: Date.now() }).where(eq(orders.id, order.id)),
    noteStatement(db, order.id, "remark", actor, remark || "清空备注"),
  ]);
  return { ...order, merchantRemark: remark };
}

export async function summaryOf(db: Db, orderId: number): Promise<string> {
  const items = await db
    .select({ name: orderItems.name, quantity: orderItems.quantity })
    .from(orderItems)
    .where(eq(orderItems.orderId, orderId))
    .orderBy(asc(orderItems.id));
  return itemsSummary(items);
}

/**
 * A shopper's recent orders in the shape the FAQ bot's order answers use (faq-bot/types.ts OrderContext):
 * status code, the shopper-facing 中文 status, "A ×1，B ×2", carrier and tracking number.
 */
export async function recentOrderContexts(db: Db, shopperId: number, limit = 10) {
  const list = await db
    .select()
    .from(orders)
    .where(eq(orders.shopperId, shopperId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
  if (!list.length) return [];
  const items = await db
    .select({ orderId: orderItems.orderId, name: orderItems.name, quantity: orderItems.quantity })
    .from(orderItems)
    .where(
      inArray(
        orderItems.orderId,
        list.map((o) => o.id),
      ),
    )
    .orderBy(asc(orderItems.id));
  return list.map((o) => ({
    orderNo: o.orderNo,
    status: o.status,
    statusText: shopperStatusLabel(o.status),
    itemsSummary: items
      .filter((i) => i.orderId === o.id)
      .map((i) => `${i.name} ×${i.quantity}`)
      .join("，"),
    ...(o.carrier ? { carrier: o.carrier } : {}),
    ...(o.trackingNo ? { trackingNo: o.trackingNo } : {}),
    createdAt: o.createdAt,
  }));
}

/** Badge counts for the 我的订单 tabs (待付款 / 待发货 / 待收货). */
export async function shopperTabCounts(db: Db, shopperId: number) {
  const rows = await db
    .select({ status: orders.status, n: sql<number>`count(*)` })
    .from(orders)
    .where(
      and(eq(orders.shopperId, shopperId), inArray(orders.status, ["pending_payment", "paid", "shipped"])),
    )
    .groupBy(orders.status);
  const n = (s: OrderStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { unpaid: n("pending_payment"), to_ship: n("paid"), to_receive: n("shipped") };
}
