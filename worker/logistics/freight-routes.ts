import { createRoute } from "@hono/zod-openapi";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { idParam } from "../shared/validation";
import { FreightTemplateListSchema, FreightTemplateSchema } from "./freight-api-schemas";
import {
  createFreightTemplate,
  deleteFreightTemplate,
  deliveryRulesInput,
  freightTemplateInput,
  getDeliveryRules,
  getFreightTemplate,
  listFreightTemplates,
  productShippingInput,
  saveDeliveryRules,
  setProductShipping,
  updateFreightTemplate,
} from "./freight-service";

/** Merchant: 运费模板 and 配送时效 (/api/admin/logistics/…; merchant_admin by the central admin guard). */
export const freightAdminRoutes = createRouter();
const tags = ["admin: logistics"];

freightAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/freight-templates",
    tags,
    security: bearer,
    summary: "运费模板列表",
    responses: jsonOk("{ items }", FreightTemplateListSchema),
  }),
  async (c) => c.json({ items: await listFreightTemplates(c.get("db")) }),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "post",
    path: "/logistics/freight-templates",
    tags,
    security: bearer,
    summary:
      "新建运费模板：按件/重量（克）/体积（立方厘米）计费，默认规则 + 指定地区规则（首件+续件），指定地区条件包邮（件数和/或金额，all/any 明示），不配送地区",
    request: jsonBody(freightTemplateInput),
    responses: jsonCreated("模板", FreightTemplateSchema),
  }),
  async (c) => c.json(await createFreightTemplate(c.get("db"), c.req.valid("json")), 201),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/freight-templates/{id}",
    tags,
    security: bearer,
    summary: "运费模板详情",
    request: { params: idParam },
    responses: jsonOk("模板", FreightTemplateSchema),
  }),
  async (c) => c.json(await getFreightTemplate(c.get("db"), c.req.valid("param").id)),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/logistics/freight-templates/{id}",
    tags,
    security: bearer,
    summary: "修改运费模板（整体替换）",
    request: { params: idParam, ...jsonBody(freightTemplateInput) },
    responses: jsonOk("模板", FreightTemplateSchema),
  }),
  async (c) => c.json(await updateFreightTemplate(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/logistics/freight-templates/{id}",
    tags,
    security: bearer,
    summary: "删除运费模板（仍被商品使用时 409）",
    request: { params: idParam },
    responses: jsonOk("已删除", OkResponse),
  }),
  async (c) => {
    await deleteFreightTemplate(c.get("db"), c.req.valid("param").id);
    return c.json({ ok: true });
  },
);

freightAdminRoutes.openapi(
  createRoute({
    method: "get",
    path: "/logistics/delivery-rules",
    tags,
    security: bearer,
    summary: "配送时效：每日截单时间、各地区时效天数、不配送日期",
    responses: jsonOk("规则", deliveryRulesInput),
  }),
  async (c) => c.json(await getDeliveryRules(c.get("db"))),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/logistics/delivery-rules",
    tags,
    security: bearer,
    summary: "修改配送时效",
    request: jsonBody(deliveryRulesInput),
    responses: jsonOk("规则", deliveryRulesInput),
  }),
  async (c) => c.json(await saveDeliveryRules(c.get("db"), c.req.valid("json"))),
);

freightAdminRoutes.openapi(
  createRoute({
    method: "put",
    path: "/logistics/products/{id}/shipping",
    tags,
    security: bearer,
    summary: "设置商品运费方式：店铺默认 / 运费模板 / 包邮 / 固定运费",
    request: { params: idParam, ...jsonBody(productShippingInput) },
    responses: jsonOk("运费方式", productShippingInput),
  }),
  async (c) => c.json(await setProductShipping(c.get("db"), c.req.valid("param").id, c.req.valid("json"))),
);
