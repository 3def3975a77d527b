import { createRoute, z } from "@hono/zod-openapi";
import { IDEMPOTENCY_KEY } from "../orders/place";
import { requireShopper, shopperOf, staffOf } from "../shared/auth";
import { badRequest } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { parseOrThrow } from "../shared/validation";
import {
  BirthdaySchema,
  MemberOverviewSchema,
  MemberSettingsSchema,
  PointsAdjustmentResultSchema,
  PointsHistorySchema,
} from "./api-schemas";
import {
  adjustmentInput,
  adjustPoints,
  birthdayInput,
  historyQuery,
  memberOverview,
  pointsHistory,
  setBirthday,
} from "./service";
import { getMemberSettings, memberSettingsInput, saveMemberSettings } from "./settings";

/** The shopper's membership: /api/members/* (tier, growth, points and their history, birthday). */
export const memberRoutes = createRouter();
const tags = ["members"];
memberRoutes.use("/members/*", requireShopper);

memberRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members/me",
    tags,
    security: bearer,
    summary: "会员中心：等级、成长值与升级进度、积分（可用 / 冻结 / 即将过期）、积分规则、生日",
    responses: jsonOk("会员概览", MemberOverviewSchema),
  }),
  async (c) => c.json(await memberOverview(c.get("db"), shopperOf(c).id)),
);

memberRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members/points",
    tags,
    security: bearer,
    summary: "积分明细（新的在前；cursor 分页）：获得（冻结中）、到账、抵扣、退回、收回、过期、商家调整",
    request: { query: historyQuery },
    responses: jsonOk("{ items, nextCursor }", PointsHistorySchema),
  }),
  async (c) => c.json(await pointsHistory(c.get("db"), shopperOf(c).id, c.req.valid("query"))),
);

memberRoutes.openapi(
  createRoute({
    method: "put",
    path: "/members/birthday",
    tags,
    security: bearer,
    summary: "设置生日（MM-DD，只能设置一次；生日当天按等级发放生日券）。409 BIRTHDAY_ALREADY_SET",
    request: jsonBody(birthdayInput),
    responses: jsonOk("{ birthday }", BirthdaySchema),
  }),
  async (c) => c.json(await setBirthday(c.get("db"), shopperOf(c).id, c.req.valid("json").birthday)),
);

/** The merchant's side: /api/admin/members/* (merchants only: the admin guard's default). */
export const memberAdminRoutes = createRouter();
const adminTags = ["admin: members"];

memberAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members/settings",
    tags: adminTags,
    security: bearer,
    summary: "积分规则与会员等级表",
    responses: jsonOk("设置", MemberSettingsSchema),
  }),
  async (c) => c.json(await getMemberSettings(c.get("db"))),
);

memberAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/members/settings",
    tags: adminTags,
    security: bearer,
    summary: "保存积分规则与会员等级表（最低等级门槛须为 0，门槛与等级编号递增）",
    request: jsonBody(memberSettingsInput),
    responses: jsonOk("保存后的设置", MemberSettingsSchema),
  }),
  async (c) => c.json(await saveMemberSettings(c.get("db"), staffOf(c).id, c.req.valid("json"))),
);

const shopperIdParam = z.object({
  shopperId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: "shopperId", in: "path" } }),
});

memberAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members/{shopperId}",
    tags: adminTags,
    security: bearer,
    summary: "某位顾客的会员概览（等级、成长值、积分）",
    request: { params: shopperIdParam },
    responses: jsonOk("会员概览", MemberOverviewSchema),
  }),
  async (c) => c.json(await memberOverview(c.get("db"), c.req.valid("param").shopperId)),
);

memberAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/members/{shopperId}/points",
    tags: adminTags,
    security: bearer,
    summary: "某位顾客的积分明细",
    request: { params: shopperIdParam, query: historyQuery },
    responses: jsonOk("{ items, nextCursor }", PointsHistorySchema),
  }),
  async (c) => c.json(await pointsHistory(c.get("db"), c.req.valid("param").shopperId, c.req.valid("query"))),
);

memberAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/members/{shopperId}/points-adjustments",
    tags: adminTags,
    security: bearer,
    summary:
      "手动调整积分（正数增加、负数扣减，须填原因；必须带 Idempotency-Key：重试不会重复调整）。409 POINTS_INSUFFICIENT：扣减超过可用积分",
    request: {
      params: shopperIdParam,
      headers: z.object({ "idempotency-key": z.string().optional() }),
      ...jsonBody(adjustmentInput),
    },
    responses: jsonOk("调整后的积分", PointsAdjustmentResultSchema),
  }),
  async (c) => {
    const key = c.req.header("idempotency-key");
    if (!key)
      throw badRequest("请带上 Idempotency-Key 请求头，避免重复调整", undefined, "IDEMPOTENCY_KEY_REQUIRED");
    parseOrThrow(IDEMPOTENCY_KEY, key);
    return c.json(
      await adjustPoints(
        c.get("db"),
        staffOf(c).id,
        c.req.valid("param").shopperId,
        c.req.valid("json"),
        key,
      ),
    );
  },
);
