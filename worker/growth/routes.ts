import { createRoute, z } from "@hono/zod-openapi";
import { maybeShopperId, requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk, optionalBearer } from "../shared/router";
import {
  BindResultSchema,
  GroupDetailSchema,
  MyGroupListSchema,
  ProductGroupBuysSchema,
  ReferralMeSchema,
  ShareInfoSchema,
} from "./api-schemas";
import { groupDetail, myGroups, productGroupBuys } from "./group-buy-service";
import { bindInput, bindReferrer, myReferrals } from "./referral-service";
import { posterScene, shareInfo, shareQuery, shareTarget } from "./share";
import { wxaCodeFor } from "./wxacode";

/** Shoppers: sharing (/api/share), referrals (/api/referrals) and group buys (/api/group-buys). */
export const growthRoutes = createRouter();

growthRoutes.use("/referrals/*", requireShopper);

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/referrals/me",
    tags: ["referrals"],
    security: bearer,
    summary: "我的邀请：邀请码、已邀请人数、奖励记录（好友首单完成并过 7 天退货期后发放积分）",
    responses: jsonOk("我的邀请", ReferralMeSchema),
  }),
  async (c) => c.json(await myReferrals(c.get("db"), shopperOf(c).id)),
);

growthRoutes.openapi(
  createRoute({
    method: "post",
    path: "/referrals/bind",
    tags: ["referrals"],
    security: bearer,
    summary:
      "通过分享链接或小程序码绑定邀请人：仅限注册后时限内、未下过单的新用户；不能邀请自己、不能互相邀请；只能绑定一次。400 INVALID_CODE / SELF_REFERRAL，404 邀请码不存在，409 ALREADY_BOUND / NOT_NEW_SHOPPER / BINDING_WINDOW_PASSED / REFERRAL_LOOP",
    request: jsonBody(bindInput),
    responses: jsonOk("{ bound, created }", BindResultSchema),
  }),
  async (c) => c.json(await bindReferrer(c.get("db"), shopperOf(c).id, c.req.valid("json"))),
);

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/share/info",
    tags: ["share"],
    security: optionalBearer,
    summary: "分享卡片与海报数据：标题、图片、价格、带邀请码的小程序路径、小程序码 scene 与图片地址",
    request: { query: shareQuery },
    responses: jsonOk("分享数据", ShareInfoSchema),
  }),
  async (c) => c.json(await shareInfo(c.get("db"), shareTarget(c.req.valid("query")), maybeShopperId(c))),
);

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/share/wxacode",
    tags: ["share"],
    security: optionalBearer,
    summary:
      "海报上的小程序码（微信 getwxacodeunlimit，scene 含登录用户的邀请码；按 scene 缓存于 R2）。503 未配置微信，502 微信返回错误",
    request: { query: shareQuery },
    responses: {
      200: {
        description: "PNG 图片",
        content: { "image/png": { schema: z.string().openapi({ format: "binary" }) } },
      },
    },
  }),
  async (c) => {
    const { scene, page } = await posterScene(
      c.get("db"),
      shareTarget(c.req.valid("query")),
      maybeShopperId(c),
    );
    const code = await wxaCodeFor(c.env, scene, page);
    return new Response(code.bytes, {
      headers: {
        "content-type": code.contentType,
        "cache-control": "private, max-age=86400",
        "x-cache": code.cached ? "hit" : "miss",
      },
    });
  },
);

const productIdParam = z.object({ productId: z.coerce.number().int().positive() });
const groupNoParam = z.object({ groupNo: z.string().regex(/^G[0-9A-Z]{10,20}$/, "拼团编号格式不正确") });

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/group-buys/products/{productId}",
    tags: ["group-buys"],
    security: optionalBearer,
    summary: "商品的拼团活动：各规格拼团价、成团人数、可参加的团（差几人、截止时间）",
    request: { params: productIdParam },
    responses: jsonOk("{ items }", ProductGroupBuysSchema),
  }),
  async (c) => c.json(await productGroupBuys(c.get("db"), c.req.valid("param").productId)),
);

growthRoutes.use("/group-buys/mine", requireShopper);

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/group-buys/mine",
    tags: ["group-buys"],
    security: bearer,
    summary: "我的拼团（最新 50 个）：团号、订单、状态",
    responses: jsonOk("{ items }", MyGroupListSchema),
  }),
  async (c) => c.json(await myGroups(c.get("db"), shopperOf(c).id)),
);

growthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/group-buys/{groupNo}",
    tags: ["group-buys"],
    security: optionalBearer,
    summary: "拼团详情：成员、剩余名额、截止时间、状态；参团即以 groupBuy: { offerId, groupNo } 下单",
    request: { params: groupNoParam },
    responses: jsonOk("拼团详情", GroupDetailSchema),
  }),
  async (c) => c.json(await groupDetail(c.get("db"), c.env, c.req.valid("param").groupNo, maybeShopperId(c))),
);
