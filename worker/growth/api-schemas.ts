// Response schemas of the sharing, referral and group-buy routes (the OpenAPI document and the mini
// program's generated types).
import { z } from "@hono/zod-openapi";

const fen = z.number().int();
const ms = z.number().int();

export const ReferralMeSchema = z
  .object({
    code: z.string().openapi({ description: "我的邀请码（8 位）" }),
    rewardPoints: z.number().int().openapi({ description: "每邀请一位新用户首单完成并过退货期后获得的积分" }),
    invitedCount: z.number().int(),
    boundToReferrer: z.boolean().openapi({ description: "我自己是否已绑定邀请人" }),
    rewards: z.array(
      z.object({
        refereeName: z.string(),
        status: z.enum(["pending", "granting", "granted", "cancelled", "capped"]),
        statusLabel: z.string(),
        points: z.number().int(),
        dueAt: ms,
        grantedAt: ms.nullable(),
      }),
    ),
  })
  .openapi("ReferralMe");

export const BindResultSchema = z
  .object({
    bound: z.boolean(),
    created: z.boolean().openapi({ description: "false：此前已绑定同一邀请人" }),
  })
  .openapi("ReferralBindResult");

export const ShareInfoSchema = z
  .object({
    title: z.string(),
    imageUrl: z.string().nullable(),
    priceFen: fen.openapi({ description: "商品：最低售价；拼团：拼团价" }),
    path: z.string().openapi({ description: "小程序分享路径（带邀请码 ref）" }),
    scene: z.string().openapi({ description: "小程序码 scene（≤32 字符）" }),
    codeUrl: z.string().openapi({ description: "小程序码图片（GET，PNG）" }),
    referralCode: z.string().nullable(),
  })
  .openapi("ShareInfo");

const OfferSkuSchema = z.object({ skuId: z.number().int(), groupPriceFen: fen });

export const GroupBuyOfferSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    productId: z.number().int(),
    skus: z.array(OfferSkuSchema),
    groupSize: z.number().int(),
    timeLimitMinutes: z.number().int(),
    perShopperLimit: z.number().int(),
    startsAt: ms,
    endsAt: ms,
    status: z.enum(["active", "stopped"]),
    groupsOpened: z.number().int(),
    groupsFilled: z.number().int(),
    createdAt: ms,
  })
  .openapi("GroupBuyOffer");

export const GroupBuyOfferListSchema = z
  .object({ items: z.array(GroupBuyOfferSchema) })
  .openapi("GroupBuyOfferList");

export const ProductGroupBuysSchema = z
  .object({
    items: z.array(
      z.object({
        offerId: z.number().int(),
        name: z.string(),
        groupSize: z.number().int(),
        perShopperLimit: z.number().int(),
        endsAt: ms,
        skus: z.array(OfferSkuSchema),
        openGroups: z.array(
          z.object({
            groupNo: z.string(),
            leaderName: z.string(),
            leaderAvatarUrl: z.string().nullable(),
            paidCount: z.number().int(),
            slotsLeft: z.number().int(),
            expiresAt: ms,
          }),
        ),
      }),
    ),
  })
  .openapi("ProductGroupBuys");

export const GroupDetailSchema = z
  .object({
    groupNo: z.string(),
    offerId: z.number().int(),
    offerName: z.string(),
    product: z.object({ id: z.number().int(), name: z.string(), image: z.string().nullable() }),
    skus: z.array(OfferSkuSchema),
    perShopperLimit: z.number().int(),
    size: z.number().int(),
    paidCount: z.number().int(),
    slotsLeft: z.number().int(),
    status: z.enum(["pending", "open", "filled", "expired", "void"]),
    statusLabel: z.string(),
    expiresAt: ms,
    filledAt: ms.nullable(),
    members: z.array(
      z.object({
        name: z.string(),
        avatarUrl: z.string().nullable(),
        leader: z.boolean(),
        paidAt: ms.nullable(),
      }),
    ),
    myOrderId: z.number().int().nullable(),
    joinable: z.boolean(),
  })
  .openapi("GroupDetail");

export const ReferralSettingsSchema = z
  .object({
    rewardPoints: z.number().int(),
    dailyCap: z.number().int(),
    monthlyCap: z.number().int(),
    bindingWindowHours: z.number().int(),
  })
  .openapi("ReferralSettings");

export const ReferralRewardListSchema = z
  .object({
    items: z.array(
      z.object({
        refereeId: z.number().int(),
        referrerId: z.number().int(),
        orderId: z.number().int(),
        status: z.enum(["pending", "granting", "granted", "cancelled", "capped"]),
        statusLabel: z.string(),
        dueAt: ms,
        points: z.number().int(),
        templateId: z.number().int().nullable(),
        couponId: z.number().int().nullable(),
        grantedAt: ms.nullable(),
        note: z.string(),
        createdAt: ms,
      }),
    ),
  })
  .openapi("ReferralRewardList");

export const MyGroupListSchema = z
  .object({
    items: z.array(
      z.object({
        groupNo: z.string(),
        orderId: z.number().int(),
        leader: z.boolean(),
        memberStatus: z.enum(["held", "paid", "cancelled"]),
        status: z.enum(["pending", "open", "filled", "expired", "void"]),
        statusLabel: z.string(),
        size: z.number().int(),
        paidCount: z.number().int(),
        expiresAt: ms,
      }),
    ),
  })
  .openapi("MyGroupList");
