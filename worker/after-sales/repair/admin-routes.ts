import { createRoute } from "@hono/zod-openapi";
import { staffOf } from "../../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk } from "../../shared/router";
import { idParam } from "../../shared/validation";
import {
  AdminProductRegistrationListSchema,
  AdminProductRegistrationSchema,
  OpenedRepairSchema,
  RepairWorkOrderDetailSchema,
  RepairWorkOrderPageSchema,
  TechnicianListSchema,
} from "./api-schemas";
import {
  agentRepairInput,
  assignInput,
  cancelInput,
  registrationListQuery,
  rejectInput,
  repairListQuery,
  workOrderNoParam,
} from "./model";
import { listRegistrations, reviewRegistration } from "./registrations";
import {
  assignTechnician,
  openFromChat,
  staffCancelRepair,
  staffRepair,
  staffRepairs,
  technicians,
} from "./work-orders";

/**
 * /api/admin/after-sales/repairs*: merchants and agents (open from a chat, read, assign, cancel);
 * /api/admin/after-sales/registrations*: merchants review product registrations. Roles: shared/admin-guard.ts.
 */
export const repairAdminRoutes = createRouter();
const tags = ["admin-after-sales"];
const noParam = { params: workOrderNoParam };

repairAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs",
    tags,
    security: bearer,
    summary: "在客服会话中为该顾客开维修工单（本店订单商品或已审核的外购登记产品；客服限本人接待的会话）",
    request: jsonBody(agentRepairInput),
    responses: jsonCreated("{ workOrderNo, created, workOrder }", OpenedRepairSchema),
  }),
  async (c) => c.json(await openFromChat(c.get("deps"), staffOf(c), c.req.valid("json")), 201),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/repairs",
    tags,
    security: bearer,
    summary: "维修工单列表（按状态筛选）",
    request: { query: repairListQuery },
    responses: jsonOk("{ items, nextCursor }", RepairWorkOrderPageSchema),
  }),
  async (c) => c.json(await staffRepairs(c.get("db"), staffOf(c), c.req.valid("query"))),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/repairs/{no}",
    tags,
    security: bearer,
    summary: "维修工单详情（含进度）",
    request: noParam,
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => c.json(await staffRepair(c.get("db"), staffOf(c), c.req.valid("param").no)),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs/{no}/assign",
    tags,
    security: bearer,
    summary: "指派（或改派）维修师傅（角色为安装师傅的员工账号）",
    request: { ...noParam, ...jsonBody(assignInput) },
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) =>
    c.json(
      await assignTechnician(
        c.get("db"),
        staffOf(c),
        c.req.valid("param").no,
        c.req.valid("json").technicianId,
      ),
    ),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs/{no}/cancel",
    tags,
    security: bearer,
    summary: "取消维修工单（师傅上门前）",
    request: { ...noParam, ...jsonBody(cancelInput) },
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) =>
    c.json(
      await staffCancelRepair(c.get("db"), staffOf(c), c.req.valid("param").no, c.req.valid("json").reason),
    ),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/technicians",
    tags,
    security: bearer,
    summary: "可指派的维修师傅（在职的安装师傅账号）",
    responses: jsonOk("{ items: [{ id, name, username }] }", TechnicianListSchema),
  }),
  async (c) => c.json(await technicians(c.get("db"))),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/registrations",
    tags,
    security: bearer,
    summary: "外购产品登记（按状态筛选，待审核的发票照片与序列号）",
    request: { query: registrationListQuery },
    responses: jsonOk("{ items }", AdminProductRegistrationListSchema),
  }),
  async (c) => c.json(await listRegistrations(c.get("db"), c.req.valid("query"))),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/registrations/{id}/approve",
    tags,
    security: bearer,
    summary: "审核通过产品登记（保修自发票购买日期起算）",
    request: { params: idParam },
    responses: jsonOk("产品登记", AdminProductRegistrationSchema),
  }),
  async (c) =>
    c.json(await reviewRegistration(c.get("db"), staffOf(c).id, c.req.valid("param").id, { approve: true })),
);

repairAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/registrations/{id}/reject",
    tags,
    security: bearer,
    summary: "驳回产品登记（填写原因，顾客可见）",
    request: { params: idParam, ...jsonBody(rejectInput) },
    responses: jsonOk("产品登记", AdminProductRegistrationSchema),
  }),
  async (c) =>
    c.json(
      await reviewRegistration(c.get("db"), staffOf(c).id, c.req.valid("param").id, {
        approve: false,
        reason: c.req.valid("json").reason,
      }),
    ),
);
