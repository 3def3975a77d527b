import { createRoute } from "@hono/zod-openapi";
import { imageHeaders } from "../catalog/images";
import type { Db } from "../db/client";
import { requireShopper, shopperOf } from "../shared/auth";
import { notFound, unauthorized } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import { WorkOrderListSchema, WorkOrderSchema, WorkOrderSlotsSchema } from "./api-schemas";
import { installationVisibleTo } from "./installer";
import { bookInput } from "./model";
import {
  bookSlot,
  cancelBooking,
  getShopperWorkOrder,
  listShopperWorkOrders,
  loadWorkOrder,
  rescheduleSlot,
  slotsForWorkOrder,
  workOrderView,
} from "./work-orders";

/**
 * The shopper's installation work orders: /api/installation/work-orders. Someone else's work order is a
 * 404, whatever the action.
 */
export const installationRoutes = createRouter();
const tags = ["installation"];
const params = { params: idParam };

const WORK_ORDER_VIEW =
  "{ id, orderNo, status, statusLabel, product, includes, extras, address, slot, installer, changeDeadline, changeDeadlineLabel, actions, doneAt, serialNos, photoUrl }";

installationRoutes.use("/installation/work-orders", requireShopper);
// The photo route decides itself: the merchant and the installer see it too.
installationRoutes.use("/installation/work-orders/*", (c, next) =>
  c.req.path.endsWith("/photo") ? next() : requireShopper(c, next),
);

installationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/work-orders",
    tags,
    security: bearer,
    summary: "我的安装工单（付款后，需安装的商品每行一张）",
    responses: jsonOk(`{ items: [${WORK_ORDER_VIEW}] }`, WorkOrderListSchema),
  }),
  async (c) => c.json(await listShopperWorkOrders(c.get("db"), shopperOf(c).id)),
);

installationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/work-orders/{id}",
    tags,
    security: bearer,
    summary: "安装工单详情",
    request: params,
    responses: jsonOk(WORK_ORDER_VIEW, WorkOrderSchema),
  }),
  async (c) => {
    const db = c.get("db");
    return c.json(
      await workOrderView(
        db,
        await getShopperWorkOrder(db, shopperOf(c).id, c.req.valid("param").id),
        "shopper",
      ),
    );
  },
);

installationRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/work-orders/{id}/slots",
    tags,
    security: bearer,
    summary: "可预约的安装时段（按地址匹配服务区域，未来 14 天，截止前，含剩余名额）",
    request: params,
    responses: jsonOk(
      "{ area: { id, name } | null, message, cutoffLabel, items: [{ id, date, weekday, label, startsAt, endsAt, remaining, current, bookable }] }",
      WorkOrderSlotsSchema,
    ),
  }),
  async (c) => c.json(await slotsForWorkOrder(c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);

const shopperActor = (c: Parameters<typeof shopperOf>[0]) => ({
  kind: "shopper" as const,
  id: shopperOf(c).id,
});

/** Books or reschedules the shopper's own work order into `slotId`; answers with the work order. */
async function changeSlot(
  db: Db,
  actor: ReturnType<typeof shopperActor>,
  workOrderId: number,
  slotId: number,
  change: typeof bookSlot | typeof rescheduleSlot,
) {
  const wo = await getShopperWorkOrder(db, actor.id, workOrderId);
  return workOrderView(db, await change(db, wo, slotId, actor), "shopper");
}

installationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/booking",
    tags,
    security: bearer,
    summary: "预约安装时段（名额不足 409「该时段已约满」）",
    request: { ...params, ...jsonBody(bookInput) },
    responses: jsonOk(WORK_ORDER_VIEW, WorkOrderSchema),
  }),
  async (c) =>
    c.json(
      await changeSlot(
        c.get("db"),
        shopperActor(c),
        c.req.valid("param").id,
        c.req.valid("json").slotId,
        bookSlot,
      ),
    ),
);

installationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/reschedule",
    tags,
    security: bearer,
    summary: "改约到另一时段（截止时间前；新时段已满则原预约不变）",
    request: { ...params, ...jsonBody(bookInput) },
    responses: jsonOk(WORK_ORDER_VIEW, WorkOrderSchema),
  }),
  async (c) =>
    c.json(
      await changeSlot(
        c.get("db"),
        shopperActor(c),
        c.req.valid("param").id,
        c.req.valid("json").slotId,
        rescheduleSlot,
      ),
    ),
);

installationRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/cancel-booking",
    tags,
    security: bearer,
    summary: "取消预约（截止时间前），工单回到待预约",
    request: params,
    responses: jsonOk(WORK_ORDER_VIEW, WorkOrderSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const actor = shopperActor(c);
    const wo = await getShopperWorkOrder(db, actor.id, c.req.valid("param").id);
    return c.json(await workOrderView(db, await cancelBooking(db, wo, actor), "shopper"));
  },
);

/** The completion photo: for the work order's shopper, the merchant, and the installer who can see it. */
installationRoutes.get("/installation/work-orders/:id/photo", async (c) => {
  const auth = c.get("auth");
  if (!auth) throw unauthorized();
  const id = Number(c.req.param("id"));
  const db = c.get("db");
  const wo = Number.isInteger(id) && id > 0 ? await loadWorkOrder(db, id) : undefined;
  const allowed =
    wo &&
    (auth.kind === "shopper"
      ? wo.shopperId === auth.id
      : auth.role === "merchant_admin" ||
        (auth.role === "installer" && (await installationVisibleTo(db, auth.id, wo.id))));
  if (!wo?.photoKey || !allowed) throw notFound("图片不存在");
  const obj = await c.env.IMAGES.get(wo.photoKey);
  if (!obj) throw notFound("图片不存在");
  const headers = imageHeaders(obj.httpMetadata?.contentType ?? "application/octet-stream", obj.httpEtag);
  headers.set("cache-control", "private, max-age=86400");
  return new Response(obj.body, { headers });
});
