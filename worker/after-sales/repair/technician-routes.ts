import { createRoute } from "@hono/zod-openapi";
import { requireStaff, staffOf } from "../../shared/auth";
import { bearer, createRouter, jsonBody, jsonOk } from "../../shared/router";
import { RepairWorkOrderDetailSchema, RepairWorkOrderPageSchema } from "./api-schemas";
import { appointmentInput, finishInput, repairListQuery, workOrderNoParam } from "./model";
import {
  finishRepair,
  markArrived,
  setAppointment,
  technicianRepair,
  technicianRepairs,
} from "./work-orders";

/** The technician's side in the installer app: /api/installer/repairs* (role installer; only work orders assigned to them, others → 404). */
export const technicianRepairRoutes = createRouter();
technicianRepairRoutes.use("/installer/repairs", requireStaff("installer"));
technicianRepairRoutes.use("/installer/repairs/*", requireStaff("installer"));
const tags = ["installer"];
const noParam = { params: workOrderNoParam };

technicianRepairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installer/repairs",
    tags,
    security: bearer,
    summary: "指派给我的维修工单",
    request: { query: repairListQuery },
    responses: jsonOk("{ items, nextCursor }", RepairWorkOrderPageSchema),
  }),
  async (c) => c.json(await technicianRepairs(c.get("db"), staffOf(c).id, c.req.valid("query"))),
);

technicianRepairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/installer/repairs/{no}",
    tags,
    security: bearer,
    summary: "维修工单详情（地址、电话、故障、保修判定）",
    request: noParam,
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => c.json(await technicianRepair(c.get("db"), staffOf(c).id, c.req.valid("param").no)),
);

technicianRepairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/repairs/{no}/appointment",
    tags,
    security: bearer,
    summary: "与顾客约定（或改约）上门时间，顾客收到通知",
    request: { ...noParam, ...jsonBody(appointmentInput) },
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => {
    const me = staffOf(c);
    return c.json(
      await setAppointment(c.get("db"), me, c.req.valid("param").no, c.req.valid("json").appointmentAt),
    );
  },
);

technicianRepairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/repairs/{no}/arrive",
    tags,
    security: bearer,
    summary: "已上门",
    request: noParam,
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => c.json(await markArrived(c.get("db"), staffOf(c).id, c.req.valid("param").no)),
);

technicianRepairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/installer/repairs/{no}/finish",
    tags,
    security: bearer,
    summary: "完工：登记配件、人工费与维修结果；保修期外生成维修费用单由顾客支付",
    request: { ...noParam, ...jsonBody(finishInput) },
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) =>
    c.json(await finishRepair(c.get("db"), staffOf(c).id, c.req.valid("param").no, c.req.valid("json"))),
);
