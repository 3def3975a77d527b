import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { OrderRow } from "../orders/transition";
import { cursorInt, decodeCursor, encodeCursor } from "../shared/cursor";
import type { Logger } from "../shared/log";
import { fenToYuan } from "../shared/money";
import { merchantNotifications } from "./schema";
import { wechatSubscribeMessages } from "./subscribe-schema";
import { sendSubscribeMessage, type WechatApiConfig } from "./wechat-subscribe";

export type OrderNoticeKind =
  | "order_created"
  | "order_paid"
  | "order_shipped"
  | "order_cancelled"
  | "order_refund"
  | "duplicate_payment_refund"
  /** A refund on an order that stays as it is (after-sales, 价保, trade-in, a cancelled paid order). */
  | "refund_requested"
  | "refund_succeeded"
  | "refund_failed";

/** What one refund notice is about: notices of different refunds of one order are kept apart by `ref`. */
export interface RefundNoticeDetail {
  ref: string;
  amountFen: number;
  reason: string;
}

interface NoticeText {
  shopper: { title: string; body: string };
  merchant: { title: string; body: string };
  /** The 5-character status phrase of the subscribe message (phrase fields are ≤ 5 characters). */
  phrase: string;
}

const yuan = (fen: number) => `¥${fenToYuan(fen)}`;

/** Pure: what each party is told about an order event. */
export function orderNoticeText(
  kind: OrderNoticeKind,
  o: OrderRow,
  itemsSummary: string,
  refund?: RefundNoticeDetail,
): NoticeText {
  const no = o.orderNo;
  const refundFen = refund?.amountFen ?? o.payableFen;
  switch (kind) {
    case "order_created":
      return {
        shopper: {
          title: "订单已提交",
          body: `订单 ${no} 已提交，应付 ${yuan(o.payableFen)}，请尽快完成支付`,
        },
        merchant: {
          title: "新订单",
          body: `订单 ${no}：${itemsSummary}，金额 ${yuan(o.payableFen)}，待支付`,
        },
        phrase: "待支付",
      };
    case "order_paid":
      return {
        shopper: { title: "支付成功", body: `订单 ${no} 已支付 ${yuan(o.payableFen)}，我们会尽快为您发货` },
        merchant: {
          title: "订单已支付，请发货",
          body: `订单 ${no}：${itemsSummary}，已收款 ${yuan(o.payableFen)}`,
        },
        phrase: "已支付",
      };
    case "order_shipped":
      return {
        shopper: {
          title: "订单已发货",
          body: `订单 ${no} 已由${o.carrier ?? "快递"}发出，运单号 ${o.trackingNo ?? "-"}`,
        },
        merchant: {
          title: "订单已发货",
          body: `订单 ${no} 已发货（${o.carrier ?? ""} ${o.trackingNo ?? ""}）`,
        },
        phrase: "已发货",
      };
    case "order_cancelled":
      return {
        shopper: {
          title: "订单已取消",
          body: `订单 ${no} 已取消${o.cancelReason ? `：${o.cancelReason}` : ""}`,
        },
        merchant: {
          title: "订单已取消",
          body: `订单 ${no} 已取消${o.cancelReason ? `：${o.cancelReason}` : ""}`,
        },
        phrase: "已取消",
      };
    case "duplicate_payment_refund":
      return {
        shopper: {
          title: "重复付款退款",
          body: `订单 ${no} 收到重复付款，多付的款项将原路退回，订单不受影响`,
        },
        merchant: { title: "重复付款，已自动退款", body: `订单 ${no} 收到重复付款，已发起退款` },
        phrase: "退款中",
      };
    case "order_refund":
      return {
        shopper: { title: "退款处理中", body: `订单 ${no} 已取消，您支付的款项将原路退回` },
        merchant: {
          title: "取消后收款，已自动退款",
          body: `订单 ${no} 取消后收到付款且库存不足，已发起退款`,
        },
        phrase: "退款中",
      };
    case "refund_requested":
      return {
        shopper: {
          title: "退款处理中",
          body: `订单 ${no}：${refund?.reason ?? "退款"}，${yuan(refundFen)} 将原路退回`,
        },
        merchant: {
          title: "已发起退款",
          body: `订单 ${no}：${refund?.reason ?? ""}，退款 ${yuan(refundFen)}`,
        },
        phrase: "退款中",
      };
    case "refund_succeeded":
      return {
        shopper: { title: "退款成功", body: `订单 ${no} 的退款 ${yuan(refundFen)} 已原路退回，请留意到账` },
        merchant: { title: "退款成功", body: `订单 ${no} 退款 ${yuan(refundFen)} 已完成` },
        phrase: "退款成功",
      };
    case "refund_failed":
      return {
        shopper: {
          title: "退款遇到问题",
          body: `订单 ${no} 的退款 ${yuan(refundFen)} 暂未成功，客服会尽快为您处理`,
        },
        merchant: {
          title: "退款失败，请处理",
          body: `订单 ${no} 退款 ${yuan(refundFen)} 被支付渠道退回，请核实后重新退款`,
        },
        phrase: "退款异常",
      };
  }
}

export interface SubscribeConfig {
  api: WechatApiConfig | undefined;
  /** Template id per notice kind (WECHAT_SUBSCRIBE_TEMPLATES, JSON). */
  templates: Partial<Record<OrderNoticeKind, string>>;
  state?: "developer" | "trial" | "formal";
}

export function subscribeConfig(env: Env): SubscribeConfig {
  let templates: SubscribeConfig["templates"] = {};
  try {
    templates = env.WECHAT_SUBSCRIBE_TEMPLATES ? JSON.parse(env.WECHAT_SUBSCRIBE_TEMPLATES) : {};
  } catch {
    templates = {};
  }
  const api =
    env.WECHAT_APP_ID && env.WECHAT_APP_SECRET
      ? { appId: env.WECHAT_APP_ID, appSecret: env.WECHAT_APP_SECRET, apiBase: env.WECHAT_API_BASE }
      : undefined;
  const state = env.WECHAT_MINIPROGRAM_STATE as SubscribeConfig["state"];
  return { api, templates, ...(state ? { state } : {}) };
}

/** One notice per order and kind, or per refund for refund notices. */
export const orderNoticeKey = (orderNo: string, kind: OrderNoticeKind, refund?: RefundNoticeDetail) =>
  `order:${orderNo}:${kind}${refund ? `:${refund.ref}` : ""}`;

/**
 * Statements for the transition's batch: one in-app notice per audience and one subscribe message
 * row for the shopper, all keyed by `order:<no>:<kind>` so a retried event never notifies twice.
 */
export function orderNoticeStatements(
  db: Db,
  cfg: SubscribeConfig,
  kind: OrderNoticeKind,
  order: OrderRow,
  itemsSummary: string,
  refund?: RefundNoticeDetail,
): BatchItem<"sqlite">[] {
  const text = orderNoticeText(kind, order, itemsSummary, refund);
  const key = orderNoticeKey(order.orderNo, kind, refund);
  const now = Date.now();
  const common = { kind, refType: "order", refId: order.orderNo, createdAt: now };
  const templateId = cfg.templates[kind];
  const data = {
    character_string1: { value: order.orderNo },
    thing2: { value: itemsSummary.slice(0, 20) },
    amount3: { value: `${fenToYuan(refund?.amountFen ?? order.payableFen)}元` },
    phrase4: { value: text.phrase },
  };
  return [
    db
      .insert(merchantNotifications)
      .values({
        ...common,
        audience: "shopper",
        shopperId: order.shopperId,
        ...text.shopper,
        dedupeKey: `${key}:shopper`,
      })
      .onConflictDoNothing(),
    db
      .insert(merchantNotifications)
      .values({
        ...common,
        audience: "merchant",
        shopperId: null,
        ...text.merchant,
        dedupeKey: `${key}:merchant`,
      })
      .onConflictDoNothing(),
    db.run(sql`INSERT INTO wechat_subscribe_messages
        (dedupe_key, shopper_id, openid, template_key, template_id, page, data, status, created_at)
      SELECT ${key}, id, openid, ${kind}, ${templateId ?? null}, ${`pages/orders/detail?no=${order.orderNo}`},
        ${JSON.stringify(data)}, ${cfg.api && templateId ? "pending" : "recorded"}, ${now}
      FROM shoppers WHERE id = ${order.shopperId}
      ON CONFLICT(dedupe_key) DO NOTHING`),
  ];
}

/** Sends pending subscribe messages (after their batch committed; the sweeper retries leftovers). */
export async function deliverSubscribeMessages(
  db: Db,
  cfg: SubscribeConfig,
  log: Logger,
  opts: { dedupeKeys?: string[]; olderThan?: number } = {},
): Promise<number> {
  if (!cfg.api) return 0;
  const where = [eq(wechatSubscribeMessages.status, "pending")];
  if (opts.dedupeKeys) where.push(inArray(wechatSubscribeMessages.dedupeKey, opts.dedupeKeys));
  if (opts.olderThan !== undefined) where.push(lt(wechatSubscribeMessages.createdAt, opts.olderThan));
  const rows = await db
    .select()
    .from(wechatSubscribeMessages)
    .where(and(...where))
    .limit(50);
  let sent = 0;
  for (const m of rows) {
    // Claim it first so two deliverers (request + sweeper) never both send it.
    const claimed = await db
      .update(wechatSubscribeMessages)
      .set({ status: "sending" })
      .where(and(eq(wechatSubscribeMessages.id, m.id), eq(wechatSubscribeMessages.status, "pending")))
      .returning({ id: wechatSubscribeMessages.id });
    if (!claimed.length) continue;
    try {
      const r = await sendSubscribeMessage(cfg.api, {
        touser: m.openid,
        template_id: m.templateId!,
        page: m.page,
        data: m.data,
        ...(cfg.state ? { miniprogram_state: cfg.state } : {}),
      });
      await db
        .update(wechatSubscribeMessages)
        .set(
          r.ok
            ? { status: "sent", sentAt: Date.now() }
            : { status: "failed", errcode: r.errcode, errmsg: r.errmsg.slice(0, 200) },
        )
        .where(eq(wechatSubscribeMessages.id, m.id));
      if (r.ok) sent++;
    } catch (err) {
      log.warn("subscribe message send failed", { id: m.id, err: String(err) });
      await db
        .update(wechatSubscribeMessages)
        .set({ status: "pending", errmsg: String(err).slice(0, 200) })
        .where(eq(wechatSubscribeMessages.id, m.id));
    }
  }
  return sent;
}

// ---------- message center ----------

export type Audience =
  | { audience: "shopper"; shopperId: number }
  | { audience: "merchant" }
  | { audience: "staff"; staffId: number };

function audienceCond(a: Audience) {
  if (a.audience === "shopper")
    return and(
      eq(merchantNotifications.audience, "shopper"),
      eq(merchantNotifications.shopperId, a.shopperId),
    );
  if (a.audience === "staff")
    return and(eq(merchantNotifications.audience, "staff"), eq(merchantNotifications.staffId, a.staffId));
  return eq(merchantNotifications.audience, "merchant");
}

export async function listNotices(
  db: Db,
  a: Audience,
  opts: { cursor?: string; limit: number; unreadOnly?: boolean },
) {
  const conds = [audienceCond(a)];
  if (opts.unreadOnly) conds.push(isNull(merchantNotifications.readAt));
  if (opts.cursor) {
    conds.push(lt(merchantNotifications.id, decodeCursor(opts.cursor, cursorInt)));
  }
  // One round trip: the page and the unread count in one batch.
  const [rows, counted] = await db.batch([
    db
      .select()
      .from(merchantNotifications)
      .where(and(...conds))
      .orderBy(desc(merchantNotifications.id))
      .limit(opts.limit + 1),
    db
      .select({ unread: sql<number>`count(*)` })
      .from(merchantNotifications)
      .where(and(audienceCond(a), isNull(merchantNotifications.readAt))),
  ]);
  const page = rows.slice(0, opts.limit);
  const unread = counted[0]?.unread ?? 0;
  return {
    items: page.map(({ dedupeKey: _d, shopperId: _s, staffId: _t, ...n }) => n),
    unread,
    nextCursor: rows.length > opts.limit ? encodeCursor(page[page.length - 1]!.id) : null,
  };
}

/** Marks the given notices (or all) read; notices of another audience are silently not touched. */
export async function markRead(db: Db, a: Audience, ids: number[] | "all") {
  const cond = ids === "all" ? audienceCond(a) : and(audienceCond(a), inArray(merchantNotifications.id, ids));
  const rows = await db
    .update(merchantNotifications)
    .set({ readAt: Date.now() })
    .where(and(cond, isNull(merchantNotifications.readAt)))
    .returning({ id: merchantNotifications.id });
  return { updated: rows.length };
}

// ---------- shopper notices of other domains ----------

/** Shopper notices about something other than an order (in-app only): the kind names the event. */
export type ShopperNoticeKind =
  | "repair_scheduled"
  | "repair_done"
  | "invoice_issued"
  | "invoice_rejected"
  /** 问大家: someone answered the shopper's question (ref 'question'; written by questions/answer-notices.ts). */
  | "question_answered";

export interface ShopperNotice {
  kind: ShopperNoticeKind;
  shopperId: number;
  title: string;
  body: string;
  /** What it is about, e.g. ('repair', 'RW…'). */
  refType: string;
  refId: string;
  /** Exactly one notice per key, however often the change is retried. */
  dedupeKey: string;
}

/** The notice's insert, for the change's own batch (so it exists exactly when the change does). */
export function shopperNoticeStatement(db: Db, n: ShopperNotice): BatchItem<"sqlite"> {
  const { shopperId, ...rest } = n;
  return db
    .insert(merchantNotifications)
    .values({ ...rest, audience: "shopper", shopperId, createdAt: Date.now() })
    .onConflictDoNothing();
}

/** Merchant alerts that belong to no order change (a payment that does not match its order…). */
export interface MerchantAlert {
  kind: "payment_mismatch";
  title: string;
  body: string;
  refType: string;
  refId: string;
  dedupeKey: string;
}

export function merchantAlertStatement(db: Db, a: MerchantAlert): BatchItem<"sqlite"> {
  return db
    .insert(merchantNotifications)
    .values({ ...a, audience: "merchant", shopperId: null, createdAt: Date.now() })
    .onConflictDoNothing();
}
