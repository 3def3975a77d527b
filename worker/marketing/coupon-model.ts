// Coupon inputs (zod, Chinese messages) and the views built from rows. No I/O.
import { z } from "@hono/zod-openapi";
import { fen } from "../shared/validation";
import { type CouponSnapshot, type CouponTerms, couponLabel, SCOPE_TEXT } from "./coupon-rules";
import {
  COUPON_CHANNELS,
  COUPON_KINDS,
  COUPON_SCOPES,
  type CouponChannel,
  type couponTemplates,
  type shopperCoupons,
} from "./schema";

export type CouponTemplateRow = typeof couponTemplates.$inferSelect;
export type ShopperCouponRow = typeof shopperCoupons.$inferSelect;

export const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export const CHANNEL_TEXT: Record<CouponChannel, string> = {
  centre: "领券中心",
  product_page: "商品详情页",
  merchant_grant: "商家发放",
  new_shopper: "新人礼包",
};
/** Channels a shopper claims through themselves; the others are issued to them. */
export const SELF_CLAIM_CHANNELS = ["centre", "product_page"] as const satisfies readonly CouponChannel[];

const ids = (what: string) =>
  z
    .array(z.number().int().positive(), { error: `${what}须为编号数组` })
    .max(500, `${what}最多 500 个`)
    .refine((xs) => new Set(xs).size === xs.length, `${what}有重复`);

const epochMs = z.number({ error: "时间须为 UTC 毫秒数" }).int().positive();

export const couponValidityInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("fixed"), validFrom: epochMs, validTo: epochMs }),
    z.object({
      kind: z.literal("relative"),
      days: z.number().int().min(1, "有效天数至少 1 天").max(365, "有效天数最多 365 天"),
    }),
  ],
  { error: "有效期须为 { kind: 'fixed', validFrom, validTo } 或 { kind: 'relative', days }" },
);

const quantityFields = {
  totalQuantity: z
    .number({ error: "请填写发放总量" })
    .int()
    .min(1, "发放总量至少 1 张")
    .max(10_000_000, "发放总量最多 1000 万张"),
  perShopperLimit: z.number().int().min(1, "每人限领至少 1 张").max(100, "每人限领最多 100 张"),
  channels: z
    .array(
      z.enum(COUPON_CHANNELS, { error: "发放渠道须为 centre、product_page、merchant_grant 或 new_shopper" }),
    )
    .min(1, "请至少选择一个发放渠道")
    .refine((xs) => new Set(xs).size === xs.length, "发放渠道有重复"),
};

const nameField = z.string().trim().min(1, "请填写优惠券名称").max(30, "优惠券名称最多 30 个字");
const descriptionField = z.string().trim().max(200, "使用说明最多 200 个字");

/** A new template. Kind-specific fields are checked together (superRefine). */
export const couponTemplateInput = z
  .object({
    name: nameField,
    description: descriptionField.default(""),
    kind: z.enum(COUPON_KINDS, {
      error: "券类型须为 amount_off（满减）、no_threshold（无门槛）或 percent_off（折扣）",
    }),
    amountOffFen: fen.min(1, "减免金额须大于 0").optional(),
    thresholdFen: fen.optional(),
    payPercent: z
      .number()
      .int()
      .min(10, "折扣须在 1 折（10）到 9.9 折（99）之间")
      .max(99, "折扣须在 1 折（10）到 9.9 折（99）之间")
      .optional()
      .openapi({ description: "折扣券：支付比例，88 = 8.8折（优惠 12%）" }),
    capFen: fen.min(1, "最高优惠金额须大于 0").optional(),
    scope: z.enum(COUPON_SCOPES, { error: "使用范围须为 all、categories 或 products" }).default("all"),
    scopeIds: ids("可用分类/商品").default([]),
    excludedProductIds: ids("不可用商品").default([]),
    validity: couponValidityInput,
    ...quantityFields,
    perShopperLimit: quantityFields.perShopperLimit.default(1),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (v.kind !== "percent_off" && v.amountOffFen === undefined) issue("amountOffFen", "请填写减免金额");
    if (v.kind === "amount_off") {
      if (!v.thresholdFen) issue("thresholdFen", "满减券须设置使用门槛");
      else if (v.amountOffFen !== undefined && v.amountOffFen > v.thresholdFen)
        issue("amountOffFen", "减免金额不能高于使用门槛");
    }
    if (v.kind === "no_threshold" && v.thresholdFen) issue("thresholdFen", "无门槛券不能设置使用门槛");
    if (v.kind === "percent_off") {
      if (v.payPercent === undefined) issue("payPercent", "请填写折扣（如 88 表示 8.8折）");
      if (v.amountOffFen !== undefined) issue("amountOffFen", "折扣券不设减免金额");
    } else {
      if (v.payPercent !== undefined) issue("payPercent", "只有折扣券可设置折扣");
      if (v.capFen !== undefined) issue("capFen", "只有折扣券可设置最高优惠金额");
    }
    if (v.scope === "all" && v.scopeIds.length > 0) issue("scopeIds", "全场通用券不需要指定分类或商品");
    if (v.scope === "categories" && v.scopeIds.length === 0) issue("scopeIds", "请选择可用分类");
    if (v.scope === "products" && v.scopeIds.length === 0) issue("scopeIds", "请选择可用商品");
    if (v.scope === "products" && v.scopeIds.some((id) => v.excludedProductIds.includes(id)))
      issue("excludedProductIds", "同一商品不能既可用又不可用");
    if (v.validity.kind === "fixed") {
      if (v.validity.validTo <= v.validity.validFrom) issue("validity", "结束时间须晚于开始时间");
      else if (v.validity.validTo <= Date.now()) issue("validity", "结束时间已过");
    }
  });
export type CouponTemplateInput = z.infer<typeof couponTemplateInput>;

/** What may change after creation: never the rules, which every issued coupon relies on. */
export const couponTemplatePatch = z
  .strictObject(
    {
      name: nameField.optional(),
      description: descriptionField.optional(),
      totalQuantity: quantityFields.totalQuantity.optional(),
      perShopperLimit: quantityFields.perShopperLimit.optional(),
      channels: quantityFields.channels.optional(),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? "券的规则（类型、金额、范围、有效期）创建后不能修改，请新建优惠券"
          : undefined,
    },
  )
  .refine((v) => Object.keys(v).length > 0, "请至少修改一项");
export type CouponTemplatePatch = z.infer<typeof couponTemplatePatch>;

export const grantInput = z.object({
  shopperIds: z
    .array(z.number().int().positive(), { error: "shopperIds 须为顾客编号数组" })
    .min(1, "请选择要发放的顾客")
    .max(500, "一次最多发放 500 位顾客")
    .refine((xs) => new Set(xs).size === xs.length, "顾客有重复"),
});

export const templateListQuery = z.object({
  status: z.enum(["active", "stopped", "expired"]).optional(),
});

export const claimQuery = z.object({
  from: z
    .enum(SELF_CLAIM_CHANNELS, { error: "from 须为 centre 或 product_page" })
    .optional()
    .openapi({ description: "领取入口：centre 领券中心 / product_page 商品详情页；省略时两者皆可" }),
});

export const MY_COUPON_TABS = ["usable", "used", "expired"] as const;
export type MyCouponTab = (typeof MY_COUPON_TABS)[number];
export const mineQuery = z.object({
  tab: z.enum(MY_COUPON_TABS, { error: "tab 须为 usable、used 或 expired" }).default("usable"),
});

export const templateIdParam = z.object({
  templateId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "templateId", in: "path" } }),
});
export const productIdParam = z.object({
  productId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "productId", in: "path" } }),
});

// ---------- views ----------

export const termsOf = (t: CouponTemplateRow): CouponTerms => ({
  kind: t.kind,
  amountOffFen: t.amountOffFen,
  thresholdFen: t.thresholdFen,
  payPercent: t.payPercent,
  capFen: t.capFen,
  scope: t.scope,
  scopeIds: t.scopeIds,
  excludedProductIds: t.excludedProductIds,
});

export const snapshotOf = (c: ShopperCouponRow, t: CouponTemplateRow): CouponSnapshot => ({
  couponId: c.id,
  templateId: t.id,
  name: t.name,
  validFrom: c.validFrom,
  validTo: c.validTo,
  ...termsOf(t),
});

/** 2026.06.01 (Beijing date). */
const beijingDay = (ms: number) =>
  new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", ".");

export function validityText(t: Pick<CouponTemplateRow, "validity" | "validFrom" | "validTo" | "validDays">) {
  return t.validity === "relative"
    ? `领取后${t.validDays}天内有效`
    : `${beijingDay(t.validFrom ?? 0)}–${beijingDay((t.validTo ?? 1) - 1)}`;
}

/** What every view of a template shows the shopper. */
function displayFields(t: CouponTemplateRow) {
  return {
    name: t.name,
    description: t.description,
    label: couponLabel(termsOf(t)),
    kind: t.kind,
    amountOffFen: t.amountOffFen,
    thresholdFen: t.thresholdFen,
    payPercent: t.payPercent,
    capFen: t.capFen,
    scope: t.scope,
    scopeText: SCOPE_TEXT[t.scope],
  };
}

const TEMPLATE_STATUS_TEXT = { active: "发放中", stopped: "已停止发放", expired: "已失效" } as const;

export function adminTemplateView(t: CouponTemplateRow, counts: { issued: number; used: number }) {
  return {
    id: t.id,
    ...displayFields(t),
    scopeIds: t.scopeIds,
    excludedProductIds: t.excludedProductIds,
    validity: t.validity,
    validFrom: t.validFrom,
    validTo: t.validTo,
    validDays: t.validDays,
    validityText: validityText(t),
    totalQuantity: t.totalQuantity,
    perShopperLimit: t.perShopperLimit,
    channels: t.channels,
    status: t.status,
    statusText: TEMPLATE_STATUS_TEXT[t.status],
    issued: counts.issued,
    used: counts.used,
    remaining: Math.max(0, t.totalQuantity - counts.issued),
    stoppedAt: t.stoppedAt,
    expiredAt: t.expiredAt,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export type ClaimState = "claimable" | "claimed" | "sold_out";
const CLAIM_STATE_TEXT: Record<ClaimState, string> = {
  claimable: "立即领取",
  claimed: "已领",
  sold_out: "已抢光",
};

/** A template in the coupon centre or on a product page, with the shopper's 已领 / 已抢光 state. */
export function claimableView(t: CouponTemplateRow, issued: number, mine: number) {
  // Having it matters more to the shopper than nobody else being able to get one.
  const state: ClaimState =
    mine >= t.perShopperLimit ? "claimed" : issued >= t.totalQuantity ? "sold_out" : "claimable";
  return {
    templateId: t.id,
    ...displayFields(t),
    validityText: validityText(t),
    perShopperLimit: t.perShopperLimit,
    claimedByMe: mine,
    remainingPercent: Math.max(0, Math.floor(((t.totalQuantity - issued) * 100) / t.totalQuantity)),
    state,
    stateText: CLAIM_STATE_TEXT[state],
  };
}

export type MyCouponStatus = "usable" | "not_started" | "used" | "expired";
const MY_STATUS_TEXT: Record<MyCouponStatus, string> = {
  usable: "可使用",
  not_started: "未到使用时间",
  used: "已使用",
  expired: "已过期",
};

/** Expired is computed here, from valid_to, never stored. */
export function myCouponStatus(
  c: Pick<ShopperCouponRow, "status" | "validFrom" | "validTo">,
  now: number,
): MyCouponStatus {
  if (c.status === "used") return "used";
  if (now >= c.validTo) return "expired";
  return now < c.validFrom ? "not_started" : "usable";
}

export function myCouponView(c: ShopperCouponRow, t: CouponTemplateRow, now: number) {
  const status = myCouponStatus(c, now);
  return {
    id: c.id,
    templateId: t.id,
    ...displayFields(t),
    validFrom: c.validFrom,
    validTo: c.validTo,
    status,
    statusText: MY_STATUS_TEXT[status],
    source: c.source,
    sourceText: CHANNEL_TEXT[c.source],
    claimedAt: c.claimedAt,
    usedAt: status === "used" ? c.usedAt : null,
    orderId: status === "used" ? c.orderId : null,
  };
}
