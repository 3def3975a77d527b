// 拼团: the merchant's offers, what checkout and order placement need (the group price, a slot held in
// the group's Durable Object, the rows written in the order's batch), the ship check and the views.
import { z } from "@hono/zod-openapi";
import { and, desc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { shoppers } from "../auth/schema";
import { imageUrl } from "../catalog/model";
import { products, skus } from "../catalog/schema";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { OrderRow } from "../orders/transition";
import { AppError, badRequest, notFound } from "../shared/errors";
import { groupBuyObject } from "./group-buy-client";
import { checkGroupOrder, type GroupPrice, newGroupNo, SLOT_REFUSALS } from "./group-buy-rules";
import { groupBuyMembers, groupBuyOfferSkus, groupBuyOffers, groupBuys } from "./schema";

// ---------- merchant: offers ----------

export const groupBuyOfferInput = z
  .object({
    name: z.string().trim().min(1, "请填写活动名称").max(40, "活动名称最多 40 个字"),
    productId: z.number().int().positive(),
    skus: z
      .array(
        z.object({
          skuId: z.number().int().positive(),
          groupPriceFen: z.number().int().min(1, "拼团价须大于 0").max(100_000_000_00),
        }),
      )
      .min(1, "请至少选择一个规格")
      .max(50),
    groupSize: z.number().int().min(2, "成团人数至少 2 人").max(20, "成团人数最多 20 人"),
    timeLimitMinutes: z
      .number()
      .int()
      .min(10, "成团时限至少 10 分钟")
      .max(7 * 24 * 60, "成团时限最多 7 天"),
    perShopperLimit: z.number().int().min(1, "每人限购至少 1 件").max(10, "每人限购最多 10 件"),
    startsAt: z.number().int().nonnegative(),
    endsAt: z.number().int().positive(),
  })
  .refine((o) => o.endsAt > o.startsAt, { message: "结束时间须晚于开始时间", path: ["endsAt"] })
  .refine((o) => new Set(o.skus.map((s) => s.skuId)).size === o.skus.length, {
    message: "规格不能重复",
    path: ["skus"],
  });
export type GroupBuyOfferInput = z.infer<typeof groupBuyOfferInput>;

export async function createOffer(db: Db, input: GroupBuyOfferInput, now = Date.now()) {
  const rows = await db
    .select({ id: skus.id, productId: skus.productId, priceFen: skus.priceFen, active: skus.active })
    .from(skus)
    .where(
      inArray(
        skus.id,
        input.skus.map((s) => s.skuId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const s of input.skus) {
    const sku = byId.get(s.skuId);
    if (!sku || sku.productId !== input.productId) throw badRequest(`规格 ${s.skuId} 不属于该商品`);
    if (s.groupPriceFen >= sku.priceFen) throw badRequest(`规格 ${s.skuId} 的拼团价须低于售价`);
  }
  const [inserted] = await db.batch([
    db
      .insert(groupBuyOffers)
      .values({
        name: input.name,
        productId: input.productId,
        groupSize: input.groupSize,
        timeLimitMinutes: input.timeLimitMinutes,
        perShopperLimit: input.perShopperLimit,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        status: "active",
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groupBuyOffers.id }),
    db.insert(groupBuyOfferSkus).values(
      input.skus.map((s) => ({
        offerId: sql`(SELECT max(id) FROM group_buy_offers)` as unknown as number,
        skuId: s.skuId,
        groupPriceFen: s.groupPriceFen,
      })),
    ),
  ]);
  return (await offerView(db, inserted[0]!.id))!;
}

export async function stopOffer(db: Db, id: number, now = Date.now()) {
  const updated = await db
    .update(groupBuyOffers)
    .set({ status: "stopped", updatedAt: now })
    .where(eq(groupBuyOffers.id, id))
    .returning({ id: groupBuyOffers.id });
  if (!updated.length) throw notFound("拼团活动不存在");
  // Groups already open run to their own deadline: their members have paid.
  return (await offerView(db, id))!;
}

async function loadOffer(db: Db, id: number) {
  const [offer, prices] = await db.batch([
    db.select().from(groupBuyOffers).where(eq(groupBuyOffers.id, id)),
    db
      .select({ skuId: groupBuyOfferSkus.skuId, groupPriceFen: groupBuyOfferSkus.groupPriceFen })
      .from(groupBuyOfferSkus)
      .where(eq(groupBuyOfferSkus.offerId, id)),
  ]);
  return offer[0] ? { ...offer[0], skus: prices } : undefined;
}

export async function offerView(db: Db, id: number) {
  const o = await loadOffer(db, id);
  if (!o) return undefined;
  const [counts] = await db
    .select({
      groups: sql<number>`count(*)`,
      filled: sql<number>`coalesce(sum(${groupBuys.status} = 'filled'), 0)`,
    })
    .from(groupBuys)
    .where(eq(groupBuys.offerId, id));
  return {
    id: o.id,
    name: o.name,
    productId: o.productId,
    skus: o.skus,
    groupSize: o.groupSize,
    timeLimitMinutes: o.timeLimitMinutes,
    perShopperLimit: o.perShopperLimit,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    status: o.status,
    groupsOpened: Number(counts?.groups ?? 0),
    groupsFilled: Number(counts?.filled ?? 0),
    createdAt: o.createdAt,
  };
}

export async function listOffers(db: Db) {
  const ids = await db
    .select({ id: groupBuyOffers.id })
    .from(groupBuyOffers)
    .orderBy(desc(groupBuyOffers.id))
    .limit(200);
  const items = await Promise.all(ids.map((r) => offerView(db, r.id)));
  return { items: items.filter((x) => x !== undefined) };
}

// ---------- checkout and order placement ----------

export const groupBuyChoiceInput = z.object({
  offerId: z.number().int().positive(),
  /** Join this group; absent = open a new one. */
  groupNo: z
    .string()
    .regex(/^G[0-9A-Z]{10,20}$/, "拼团编号格式不正确")
    .optional(),
});
export type GroupBuyChoice = z.infer<typeof groupBuyChoiceInput>;

/** What checkout decided for a group-buy order: the price, and the group to open or join. */
export interface ResolvedGroupBuy {
  price: GroupPrice;
  quantity: number;
  offerId: number;
  /** Joining: the group; opening: null (the number is drawn when the order is placed). */
  groupNo: string | null;
  size: number;
  timeLimitMs: number;
}

/** Checks a group-buy order against its offer and group; throws 4xx with a Chinese message. */
export async function resolveGroupBuy(
  db: Db,
  shopperId: number,
  choice: GroupBuyChoice,
  lines: readonly { skuId: number; quantity: number }[] | undefined,
  now = Date.now(),
): Promise<ResolvedGroupBuy> {
  const offer = await loadOffer(db, choice.offerId);
  if (!offer) throw notFound("拼团活动不存在");
  const check = checkGroupOrder(
    { ...offer, skuPrices: new Map(offer.skus.map((s) => [s.skuId, s.groupPriceFen])) },
    lines,
    now,
  );
  if (!check.ok) throw new AppError(check.status, check.code, check.message);
  if (choice.groupNo) {
    const group = await db.select().from(groupBuys).where(eq(groupBuys.groupNo, choice.groupNo)).get();
    if (!group || group.offerId !== offer.id) throw notFound("拼团不存在");
    if (group.leaderId === shopperId)
      throw new AppError(409, "ALREADY_MEMBER", SLOT_REFUSALS.ALREADY_MEMBER!.message);
    if (group.status === "filled") throw new AppError(409, "FILLED", SLOT_REFUSALS.FILLED!.message);
    if (group.status !== "open" || group.expiresAt <= now)
      throw new AppError(
        409,
        group.status === "pending" ? "NOT_OPEN" : "EXPIRED",
        SLOT_REFUSALS[group.status === "pending" ? "NOT_OPEN" : "EXPIRED"]!.message,
      );
  }
  return {
    price: { offerId: offer.id, skuId: check.skuId, priceFen: check.priceFen },
    quantity: check.quantity,
    offerId: offer.id,
    groupNo: choice.groupNo ?? null,
    size: offer.groupSize,
    timeLimitMs: offer.timeLimitMinutes * 60_000,
  };
}

/** The slot an order holds in its group, decided before the order is written. */
export interface HeldSlot {
  groupNo: string;
  leader: boolean;
  offerId: number;
  size: number;
  expiresAt: number;
  quantity: number;
}

/** Order placement: hold a slot in the group's object (opening the group for a leader). Throws 4xx when refused. */
export async function holdGroupSlot(
  env: Env,
  g: ResolvedGroupBuy,
  order: Pick<OrderRow, "orderNo" | "shopperId" | "payDeadline" | "createdAt">,
): Promise<HeldSlot> {
  const leader = g.groupNo === null;
  const groupNo = g.groupNo ?? newGroupNo(order.createdAt);
  const override = Number(env.GROUP_BUY_TIME_LIMIT_SECONDS);
  const expiresAt = order.createdAt + (override > 0 ? override * 1000 : g.timeLimitMs);
  const reply = await groupBuyObject(env, groupNo).hold(
    leader ? { groupNo, size: g.size, expiresAt } : null,
    { orderNo: order.orderNo, shopperId: order.shopperId, leader, holdUntil: order.payDeadline },
  );
  if (!reply.ok) {
    const r = SLOT_REFUSALS[reply.code]!;
    throw new AppError(r.status, reply.code, r.message);
  }
  const view = leader ? null : await groupBuyObject(env, groupNo).view();
  return {
    groupNo,
    leader,
    offerId: g.offerId,
    size: g.size,
    expiresAt: view?.expiresAt ?? expiresAt,
    quantity: g.quantity,
  };
}

/** Compensation when the order could not be written: the slot is freed. */
export async function releaseGroupSlot(env: Env, slot: HeldSlot, orderNo: string) {
  await groupBuyObject(env, slot.groupNo).release(orderNo);
}

/** In the order's batch: the group row (a leader opens it, pending until paid) and the member row. */
export function groupBuyStatements(
  db: Db,
  orderId: unknown,
  slot: HeldSlot | undefined,
  order: Pick<OrderRow, "shopperId" | "createdAt">,
): BatchItem<"sqlite">[] {
  if (!slot) return [];
  const groupId = sql`(SELECT id FROM group_buys WHERE group_no = ${slot.groupNo})`;
  return [
    ...(slot.leader
      ? [
          db.insert(groupBuys).values({
            groupNo: slot.groupNo,
            offerId: slot.offerId,
            leaderId: order.shopperId,
            size: slot.size,
            status: "pending",
            expiresAt: slot.expiresAt,
            createdAt: order.createdAt,
            updatedAt: order.createdAt,
          }),
        ]
      : []),
    db.insert(groupBuyMembers).values({
      orderId: orderId as number,
      groupId: groupId as unknown as number,
      shopperId: order.shopperId,
      leader: slot.leader,
      quantity: slot.quantity,
      status: "held",
      createdAt: order.createdAt,
    }),
  ];
}

/** The merchant may ship a group-buy order only once its group has filled. */
export async function assertGroupFilled(db: Db, orderId: number) {
  const row = await db
    .select({ status: groupBuys.status, groupNo: groupBuys.groupNo })
    .from(groupBuyMembers)
    .innerJoin(groupBuys, eq(groupBuys.id, groupBuyMembers.groupId))
    .where(eq(groupBuyMembers.orderId, orderId))
    .get();
  if (row && row.status !== "filled")
    throw new AppError(409, "GROUP_NOT_FILLED", `拼团 ${row.groupNo} 尚未成团，成团后才能发货`);
}

// ---------- shopper views ----------

/** Stored image keys as the URL the catalog serves them at (absolute URLs pass through). */
const imageHref = (img: string | undefined) =>
  !img ? null : /^(https?:)?\//.test(img) ? img : imageUrl(img);

const maskName = (n: string) => (n.length <= 1 ? `${n}*` : `${n[0]}${"*".repeat(Math.min(n.length - 1, 3))}`);

/** The product page: the running offers with their group prices, and open groups to join. */
export async function productGroupBuys(db: Db, productId: number, now = Date.now()) {
  const offers = await db
    .select()
    .from(groupBuyOffers)
    .where(
      and(
        eq(groupBuyOffers.productId, productId),
        eq(groupBuyOffers.status, "active"),
        lte(groupBuyOffers.startsAt, now),
        gt(groupBuyOffers.endsAt, now),
      ),
    )
    .orderBy(desc(groupBuyOffers.id))
    .limit(5);
  const items = await Promise.all(
    offers.map(async (o) => {
      const [prices, groups] = await db.batch([
        db
          .select({ skuId: groupBuyOfferSkus.skuId, groupPriceFen: groupBuyOfferSkus.groupPriceFen })
          .from(groupBuyOfferSkus)
          .where(eq(groupBuyOfferSkus.offerId, o.id)),
        db
          .select({ g: groupBuys, leader: shoppers.nickname, avatarUrl: shoppers.avatarUrl })
          .from(groupBuys)
          .innerJoin(shoppers, eq(shoppers.id, groupBuys.leaderId))
          .where(and(eq(groupBuys.offerId, o.id), eq(groupBuys.status, "open"), gt(groupBuys.expiresAt, now)))
          .orderBy(groupBuys.expiresAt)
          .limit(10),
      ]);
      return {
        offerId: o.id,
        name: o.name,
        groupSize: o.groupSize,
        perShopperLimit: o.perShopperLimit,
        endsAt: o.endsAt,
        skus: prices,
        openGroups: groups.map(({ g, leader, avatarUrl }) => ({
          groupNo: g.groupNo,
          leaderName: maskName(leader),
          leaderAvatarUrl: avatarUrl,
          paidCount: g.paidCount,
          slotsLeft: Math.max(0, g.size - g.paidCount),
          expiresAt: g.expiresAt,
        })),
      };
    }),
  );
  return { items };
}

export const GROUP_STATUS_LABELS = {
  pending: "待团长支付",
  open: "拼团中",
  filled: "已成团",
  expired: "未成团，已退款",
  void: "已取消",
} as const;

/** A group's page: members, slots left (from the group's object: it counts held slots too), countdown. */
export async function groupDetail(db: Db, env: Env, groupNo: string, viewerId: number | undefined) {
  const g = await db.select().from(groupBuys).where(eq(groupBuys.groupNo, groupNo)).get();
  if (!g) throw notFound("拼团不存在");
  const [offer, members, live] = await Promise.all([
    loadOffer(db, g.offerId),
    db
      .select({ m: groupBuyMembers, nickname: shoppers.nickname, avatarUrl: shoppers.avatarUrl })
      .from(groupBuyMembers)
      .innerJoin(shoppers, eq(shoppers.id, groupBuyMembers.shopperId))
      .where(and(eq(groupBuyMembers.groupId, g.id), inArray(groupBuyMembers.status, ["held", "paid"])))
      .orderBy(groupBuyMembers.createdAt),
    groupBuyObject(env, groupNo).view(),
  ]);
  const product = await db
    .select({ id: products.id, name: products.name, images: products.images })
    .from(products)
    .where(eq(products.id, offer!.productId))
    .get();
  const mine = members.find((x) => x.m.shopperId === viewerId);
  const paid = members.filter((x) => x.m.status === "paid");
  return {
    groupNo: g.groupNo,
    offerId: g.offerId,
    offerName: offer!.name,
    product: { id: product!.id, name: product!.name, image: imageHref(product!.images[0]) },
    skus: offer!.skus,
    perShopperLimit: offer!.perShopperLimit,
    size: g.size,
    paidCount: g.paidCount,
    slotsLeft: live ? live.slotsLeft : Math.max(0, g.size - g.paidCount),
    status: g.status,
    statusLabel: GROUP_STATUS_LABELS[g.status],
    expiresAt: g.expiresAt,
    filledAt: g.filledAt,
    members: paid.map((x) => ({
      name: x.m.shopperId === viewerId ? x.nickname : maskName(x.nickname),
      avatarUrl: x.avatarUrl,
      leader: x.m.leader,
      paidAt: x.m.paidAt,
    })),
    myOrderId: mine?.m.orderId ?? null,
    joinable: g.status === "open" && g.expiresAt > Date.now() && !mine && (live?.slotsLeft ?? 1) > 0,
  };
}

/** The shopper's groups (latest first): where the mini program goes after paying, and "我的拼团". */
export async function myGroups(db: Db, shopperId: number) {
  const rows = await db
    .select({ m: groupBuyMembers, g: groupBuys })
    .from(groupBuyMembers)
    .innerJoin(groupBuys, eq(groupBuys.id, groupBuyMembers.groupId))
    .where(eq(groupBuyMembers.shopperId, shopperId))
    .orderBy(desc(groupBuyMembers.createdAt))
    .limit(50);
  return {
    items: rows.map(({ m, g }) => ({
      groupNo: g.groupNo,
      orderId: m.orderId,
      leader: m.leader,
      memberStatus: m.status,
      status: g.status,
      statusLabel: GROUP_STATUS_LABELS[g.status],
      size: g.size,
      paidCount: g.paidCount,
      expiresAt: g.expiresAt,
    })),
  };
}

/** Groups due for the sweep's backstop: past their deadline and not settled in the database. */
export async function overdueGroups(db: Db, now: number) {
  return db
    .select({ groupNo: groupBuys.groupNo })
    .from(groupBuys)
    .where(and(inArray(groupBuys.status, ["pending", "open"]), lte(groupBuys.expiresAt, now - 60_000)))
    .limit(20);
}
