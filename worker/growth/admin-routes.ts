import { createRoute, z } from "@hono/zod-openapi";
import { notFound } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  GroupBuyOfferListSchema,
  GroupBuyOfferSchema,
  ReferralRewardListSchema,
  ReferralSettingsSchema,
} from "./api-schemas";
import { createOffer, groupBuyOfferInput, listOffers, offerView, stopOffer } from "./group-buy-service";
import {
  getReferralSettings,
  listRewards,
  putReferralSettings,
  referralSettingsInput,
} from "./referral-service";

/** Merchant: 拼团 offers (/api/admin/group-buys) and referral settings (/api/admin/referrals). */
export const growthAdminRoutes = createRouter();

growthAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/group-buys",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "拼团活动列表（最新 200 个），含开团数与成团数",
    responses: jsonOk("{ items }", GroupBuyOfferListSchema),
  }),
  async (c) => c.json(await listOffers(c.get("db"))),
);

growthAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/group-buys",
    tags: ["admin: marketing"],
    security: bearer,
    summary:
      "新建拼团活动：商品的若干规格与拼团价（须低于售价）、成团人数 2–20、成团时限、每人限购件数、活动时间",
    request: jsonBody(groupBuyOfferInput),
    responses: jsonCreated("活动", GroupBuyOfferSchema),
  }),
  async (c) => c.json(await createOffer(c.get("db"), c.req.valid("json")), 201),
);

growthAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/group-buys/{id}",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "拼团活动详情",
    request: { params: idParam },
    responses: jsonOk("活动", GroupBuyOfferSchema),
  }),
  async (c) => {
    const offer = await offerView(c.get("db"), c.req.valid("param").id);
    if (!offer) throw notFound("拼团活动不存在");
    return c.json(offer);
  },
);

growthAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/group-buys/{id}/stop",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "停止拼团活动：不能再开团或参团；已开的团照常到期（成团发货，未成团自动退款）",
    request: { params: idParam },
    responses: jsonOk("活动", GroupBuyOfferSchema),
  }),
  async (c) => c.json(await stopOffer(c.get("db"), c.req.valid("param").id)),
);

growthAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/referrals/settings",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "老带新设置：奖励积分、每位邀请人每日/每月奖励上限、新用户绑定时限",
    responses: jsonOk("设置", ReferralSettingsSchema),
  }),
  async (c) => c.json(await getReferralSettings(c.get("db"))),
);

growthAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/referrals/settings",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "修改老带新设置",
    request: jsonBody(referralSettingsInput),
    responses: jsonOk("设置", ReferralSettingsSchema),
  }),
  async (c) => c.json(await putReferralSettings(c.get("db"), c.req.valid("json"))),
);

growthAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/referrals/rewards",
    tags: ["admin: marketing"],
    security: bearer,
    summary: "邀请奖励记录（最新 200 条）",
    request: {
      query: z.object({
        status: z.enum(["pending", "granting", "granted", "cancelled", "capped"]).optional(),
      }),
    },
    responses: jsonOk("{ items }", ReferralRewardListSchema),
  }),
  async (c) => c.json(await listRewards(c.get("db"), c.req.valid("query").status)),
);
