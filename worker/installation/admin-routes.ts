import { createRoute } from "@hono/zod-openapi";
import { staffOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { idParam } from "../shared/validation";
import {
  GeneratedSlotsSchema,
  InstallationAreaListSchema,
  InstallationAreaSchema,
  InstallationServiceListSchema,
  InstallationServiceSchema,
  InstallationSlotListSchema,
  InstallationSlotSchema,
  InstallerAreasSchema,
  InstallerListSchema,
  InstallerSchema,
  WorkOrderListSchema,
  WorkOrderSchema,
} from "./api-schemas";
import {
  createArea,
  createInstaller,
  generateSlots,
  listAreas,
  listInstallers,
  listSlots,
  setInstallerAreas,
  setSlotCapacity,
  updateArea,
} from "./areas";
import { deleteService, listServices, putService } from "./category-services";
import {
  areaInput,
  areaPatch,
  assignInput,
  bookInput,
  cancelInput,
  capacityInput,
  categoryParam,
  generateSlotsInput,
  installerAreasInput,
  installerInput,
  serviceInput,
  slotRangeQuery,
  workOrderListQuery,
} from "./model";
import {
  assignInstaller,
  cancelWorkOrder,
  getWorkOrder,
  listWorkOrders,
  rescheduleSlot,
  workOrderView,
} from "./work-orders";

/**
 * Merchant setup of installation: services per category, service areas and their slots, installers,
 * and the work orders (merchant_admin only: the central admin guard, shared/admin-guard.ts).
 */
export const installationAdminRoutes = createRouter();
const tags = ["admin: installation"];
const params = { params: idParam };

// ---------- services per category ----------

installationAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/services",
    tags,
    security: bearer,
    summary: "各分类的安装服务（商品按自身分类、其次上级分类匹配）",
    responses: jsonOk(
      "{ items: [{ categoryId, categoryName, parentId, requiresInstallation, includes, bracketFeeFen, highAltitudeFeeFen, carryFeePerFloorFen, carryFreeFloors }] }",
      InstallationServiceListSchema,
    ),
  }),
  async (c) => c.json({ items: await listServices(c.get("db")) }),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/installation/services/{categoryId}",
    tags,
    security: bearer,
    summary: "设置分类的安装服务（是否需要安装、包含内容、支架/高空作业/无电梯上楼费用）",
    request: { params: categoryParam, ...jsonBody(serviceInput) },
    responses: jsonOk("安装服务", InstallationServiceSchema),
  }),
  async (c) => c.json(await putService(c.get("db"), c.req.valid("param").categoryId, c.req.valid("json"))),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/installation/services/{categoryId}",
    tags,
    security: bearer,
    summary: "删除分类的安装服务",
    request: { params: categoryParam },
    responses: jsonOk("{ ok: true }", OkResponse),
  }),
  async (c) => {
    await deleteService(c.get("db"), c.req.valid("param").categoryId);
    return c.json({ ok: true });
  },
);

// ---------- areas and slots ----------

installationAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/areas",
    tags,
    security: bearer,
    summary: "服务区域（覆盖的地区编码、每日时段、改约截止、安装师傅）",
    responses: jsonOk(
      "{ items: [{ id, name, regions, windows, cutoff, active, installers }] }",
      InstallationAreaListSchema,
    ),
  }),
  async (c) => c.json({ items: await listAreas(c.get("db")) }),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/areas",
    tags,
    security: bearer,
    summary: "新建服务区域",
    request: jsonBody(areaInput),
    responses: jsonCreated("服务区域", InstallationAreaSchema),
  }),
  async (c) => c.json(await createArea(c.get("db"), c.req.valid("json")), 201),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/installation/areas/{id}",
    tags,
    security: bearer,
    summary: "修改服务区域（只改请求中给出的字段）",
    request: { ...params, ...jsonBody(areaPatch) },
    responses: jsonOk("服务区域", InstallationAreaSchema),
  }),
  async (c) => c.json(await updateArea(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/areas/{id}/slots/generate",
    tags,
    security: bearer,
    summary: "按日期范围生成时段（已有的时段保持不变）",
    request: { ...params, ...jsonBody(generateSlotsInput) },
    responses: jsonOk("{ created, skipped }", GeneratedSlotsSchema),
  }),
  async (c) => c.json(await generateSlots(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/areas/{id}/slots",
    tags,
    security: bearer,
    summary: "区域的时段（默认从今天起 14 天）",
    request: { ...params, query: slotRangeQuery },
    responses: jsonOk(
      "{ items: [{ id, date, weekday, label, startsAt, endsAt, capacity, booked, remaining }] }",
      InstallationSlotListSchema,
    ),
  }),
  async (c) => c.json({ items: await listSlots(c.get("db"), c.req.valid("param").id, c.req.valid("query")) }),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/installation/slots/{id}",
    tags,
    security: bearer,
    summary: "修改时段容量（不能小于已预约数量：409）",
    request: { ...params, ...jsonBody(capacityInput) },
    responses: jsonOk("时段", InstallationSlotSchema),
  }),
  async (c) =>
    c.json(await setSlotCapacity(c.get("db"), c.req.valid("param").id, c.req.valid("json").capacity)),
);

// ---------- installers ----------

installationAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/installers",
    tags,
    security: bearer,
    summary: "安装师傅",
    responses: jsonOk("{ items: [{ id, username, name, disabled, areaIds }] }", InstallerListSchema),
  }),
  async (c) => c.json({ items: await listInstallers(c.get("db")) }),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/installers",
    tags,
    security: bearer,
    summary: "新建安装师傅账号（角色 installer）",
    request: jsonBody(installerInput),
    responses: jsonCreated("{ id, username, name, disabled, areaIds }", InstallerSchema),
  }),
  async (c) => c.json(await createInstaller(c.get("db"), c.req.valid("json")), 201),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/installation/installers/{id}/areas",
    tags,
    security: bearer,
    summary: "设置安装师傅负责的服务区域",
    request: { ...params, ...jsonBody(installerAreasInput) },
    responses: jsonOk("{ id, areaIds }", InstallerAreasSchema),
  }),
  async (c) =>
    c.json(await setInstallerAreas(c.get("db"), c.req.valid("param").id, c.req.valid("json").areaIds)),
);

// ---------- work orders ----------

installationAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installation/work-orders",
    tags,
    security: bearer,
    summary: "安装工单（按状态、预约日期、区域筛选）",
    request: { query: workOrderListQuery },
    responses: jsonOk("{ items: [工单] }", WorkOrderListSchema),
  }),
  async (c) => c.json(await listWorkOrders(c.get("db"), c.req.valid("query"))),
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/assign",
    tags,
    security: bearer,
    summary: "指派安装师傅（须负责该区域）",
    request: { ...params, ...jsonBody(assignInput) },
    responses: jsonOk("工单", WorkOrderSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const wo = await assignInstaller(db, c.req.valid("param").id, c.req.valid("json").installerId);
    return c.json(await workOrderView(db, wo, "merchant"));
  },
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/reschedule",
    tags,
    security: bearer,
    summary: "代顾客改约（不受截止时间限制）",
    request: { ...params, ...jsonBody(bookInput) },
    responses: jsonOk("工单", WorkOrderSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const wo = await getWorkOrder(db, c.req.valid("param").id);
    const actor = { kind: "merchant" as const, id: staffOf(c).id };
    return c.json(
      await workOrderView(db, await rescheduleSlot(db, wo, c.req.valid("json").slotId, actor), "merchant"),
    );
  },
);

installationAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installation/work-orders/{id}/cancel",
    tags,
    security: bearer,
    summary: "取消安装工单（已占用的时段名额退回）",
    request: { ...params, ...jsonBody(cancelInput) },
    responses: jsonOk("工单", WorkOrderSchema),
  }),
  async (c) => {
    const db = c.get("db");
    const actor = { kind: "merchant" as const, id: staffOf(c).id };
    const wo = await cancelWorkOrder(db, c.req.valid("param").id, actor, c.req.valid("json").reason);
    return c.json(await workOrderView(db, wo, "merchant"));
  },
);
