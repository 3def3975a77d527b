import { createRoute } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../../shared/router";
import { idParam } from "../../shared/validation";
import {
  OpenedRepairSchema,
  ProductRegistrationListSchema,
  ProductRegistrationSchema,
  RepairWorkOrderDetailSchema,
  RepairWorkOrderPageSchema,
} from "./api-schemas";
import {
  cancelInput,
  registrationInput,
  repairListQuery,
  shopperRepairInput,
  workOrderNoParam,
} from "./model";
import { deleteRegistration, myRegistration, myRegistrations, registerProduct } from "./registrations";
import { confirmRepair, myRepair, myRepairs, openForRegistration, shopperCancelRepair } from "./work-orders";

/** The shopper's repair work orders and product registrations (someone else's → 404). */
export const repairRoutes = createRouter();
repairRoutes.use("/after-sales/registrations", requireShopper);
repairRoutes.use("/after-sales/registrations/*", requireShopper);
repairRoutes.use("/after-sales/repairs", requireShopper);
repairRoutes.use("/after-sales/repairs/*", requireShopper);
const tags = ["after-sales"];
const noParam = { params: workOrderNoParam };

repairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/registrations",
    tags,
    security: bearer,
    summary: "登记外购产品（序列号、购买日期、发票照片），商家审核通过后按购买日期计算保修并可报修",
    request: jsonBody(registrationInput),
    responses: jsonCreated("产品登记（待审核）", ProductRegistrationSchema),
  }),
  async (c) => c.json(await registerProduct(c.get("db"), c.env, shopperOf(c).id, c.req.valid("json")), 201),
);

repairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/registrations",
    tags,
    security: bearer,
    summary: "我登记的产品",
    responses: jsonOk("{ items }", ProductRegistrationListSchema),
  }),
  async (c) => c.json(await myRegistrations(c.get("db"), shopperOf(c).id)),
);

repairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/registrations/{id}",
    tags,
    security: bearer,
    summary: "产品登记详情（含审核结果与保修）",
    request: { params: idParam },
    responses: jsonOk("产品登记", ProductRegistrationSchema),
  }),
  async (c) => c.json(await myRegistration(c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);

repairRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/after-sales/registrations/{id}",
    tags,
    security: bearer,
    summary: "撤回待审核或已驳回的产品登记",
    request: { params: idParam },
    responses: jsonOk("{ ok: true }", OkResponse),
  }),
  async (c) => c.json(await deleteRegistration(c.get("db"), shopperOf(c).id, c.req.valid("param").id)),
);

repairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs",
    tags,
    security: bearer,
    summary: "为已审核通过的外购登记产品申请上门维修（本店购买的商品请通过售后申请报修）",
    request: jsonBody(shopperRepairInput),
    responses: jsonCreated("{ workOrderNo, created, workOrder }", OpenedRepairSchema),
  }),
  async (c) => c.json(await openForRegistration(c.get("deps"), shopperOf(c).id, c.req.valid("json")), 201),
);

repairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/repairs",
    tags,
    security: bearer,
    summary: "我的维修工单",
    request: { query: repairListQuery },
    responses: jsonOk("{ items, nextCursor }", RepairWorkOrderPageSchema),
  }),
  async (c) => c.json(await myRepairs(c.get("db"), shopperOf(c).id, c.req.valid("query"))),
);

repairRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/repairs/{no}",
    tags,
    security: bearer,
    summary: "维修工单详情（保修判定、师傅、预约时间、配件与费用、待支付费用单、进度）",
    request: noParam,
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => c.json(await myRepair(c.get("db"), shopperOf(c).id, c.req.valid("param").no)),
);

repairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs/{no}/confirm",
    tags,
    security: bearer,
    summary: "确认维修完工（有维修费用时须先支付费用单）",
    request: noParam,
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) => c.json(await confirmRepair(c.get("deps"), shopperOf(c).id, c.req.valid("param").no)),
);

repairRoutes.openapi(
  createRoute({
    method: "post",
    path: "/after-sales/repairs/{no}/cancel",
    tags,
    security: bearer,
    summary: "取消维修（师傅上门前）",
    request: { ...noParam, ...jsonBody(cancelInput) },
    responses: jsonOk("维修工单", RepairWorkOrderDetailSchema),
  }),
  async (c) =>
    c.json(
      await shopperCancelRepair(
        c.get("db"),
        shopperOf(c).id,
        c.req.valid("param").no,
        c.req.valid("json").reason,
      ),
    ),
);
