import { createRoute } from "@hono/zod-openapi";
import { MAX_IMAGE_BYTES } from "../catalog/images";
import { orderDeps } from "../orders/deps";
import { requireStaff, staffOf } from "../shared/auth";
import { AppError, badRequest } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { idParam } from "../shared/validation";
import { TradeInSchema } from "../trade-in/api-schemas";
import { collectAtWorkOrder, workOrderTradeIn } from "../trade-in/installer";
import { collectionInput } from "../trade-in/model";
import { InstallerDaySchema, WorkOrderSchema } from "./api-schemas";
import { installerDay, markDone, markOnTheWay } from "./installer";
import { dayQuery } from "./model";

/** The installer's app: /api/installer/* (staff role installer only). */
export const installerRoutes = createRouter();
installerRoutes.use("/installer/*", requireStaff("installer"));
const tags = ["installer"];
const params = { params: idParam };

installerRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installer/work-orders",
    tags,
    security: bearer,
    summary: "我某天的安装工单（我负责区域内、未指派或指派给我的；含地址、电话、商品、时段）",
    request: { query: dayQuery },
    responses: jsonOk("{ date, items: [工单] }", InstallerDaySchema),
  }),
  async (c) => c.json(await installerDay(c.get("db"), staffOf(c).id, c.req.valid("query").date)),
);

installerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/work-orders/{id}/on-the-way",
    tags,
    security: bearer,
    summary: "出发（工单归我）",
    request: params,
    responses: jsonOk("工单", WorkOrderSchema),
  }),
  async (c) => c.json(await markOnTheWay(c.get("db"), staffOf(c).id, c.req.valid("param").id)),
);

installerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/work-orders/{id}/done",
    tags,
    security: bearer,
    summary:
      "完工：multipart/form-data，photo 为安装照片（JPG/PNG/GIF/WebP，≤5MB），serialNo 为序列号（多台用逗号分隔，6–40 位字母数字或短横线）；登记保修",
    request: params,
    responses: jsonOk("工单", WorkOrderSchema),
  }),
  async (c) => {
    const len = Number(c.req.header("content-length") ?? 0);
    if (len > MAX_IMAGE_BYTES + 64 * 1024) throw new AppError(413, "FILE_TOO_LARGE", "图片不能超过 5MB");
    if (!(c.req.header("content-type") ?? "").startsWith("multipart/form-data"))
      throw badRequest("请以 multipart/form-data 提交安装照片（photo）和序列号（serialNo）");
    const form = await c.req.formData().catch(() => undefined);
    const photo: unknown = form?.get("photo");
    const serialNo: unknown = form?.get("serialNo");
    if (!(photo instanceof Blob))
      throw badRequest("请上传安装完成的照片（表单字段 photo）", undefined, "PHOTO_REQUIRED");
    const done = await markDone(c.get("db"), c.env.IMAGES, staffOf(c).id, c.req.valid("param").id, {
      serialNos: typeof serialNo === "string" ? serialNo : "",
      photo: new Uint8Array(await photo.arrayBuffer()),
    });
    return c.json(done);
  },
);

// 以旧换新: the old unit of the work order's line (trade-in/installer.ts).
installerRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installer/work-orders/{id}/trade-in",
    tags,
    security: bearer,
    summary: "该工单商品的以旧换新：顾客申报的旧机（品类、年限、成色、抵扣）及回收状态；没有则 404",
    request: params,
    responses: jsonOk("以旧换新记录", TradeInSchema),
  }),
  async (c) => c.json(await workOrderTradeIn(c.get("db"), staffOf(c).id, c.req.valid("param").id)),
);

installerRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/work-orders/{id}/trade-in",
    tags,
    security: bearer,
    summary:
      "登记旧机回收：collected（可按现场成色/估价调整，高于抵扣退差价、低于抵扣生成补缴单）或 not_collected（顾客不交旧机：补缴全部抵扣）",
    request: { ...params, ...jsonBody(collectionInput) },
    responses: jsonOk("以旧换新记录", TradeInSchema),
  }),
  async (c) =>
    c.json(
      await collectAtWorkOrder(orderDeps(c), staffOf(c).id, c.req.valid("param").id, c.req.valid("json")),
    ),
);
