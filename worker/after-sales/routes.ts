import { createRoute } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonOk } from "../shared/router";
import {
  ItemWarrantySchema,
  OutletCitiesSchema,
  OutletListSchema,
  SerialWarrantySchema,
  WarrantyPolicyListSchema,
} from "./api-schemas";
import { orderItemParams, outletQuery, serialParams } from "./model";
import {
  findOutlets,
  outletCities,
  warrantyBySerial,
  warrantyForOrderItem,
  warrantyPolicies,
} from "./service";

/** After-sales information: warranty policies, repair outlets (public) and an item's warranty (shopper). */
export const afterSalesRoutes = createRouter();
const tags = ["after-sales"];

afterSalesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/warranty-policies",
    tags,
    summary: "各品类保修政策",
    responses: jsonOk(
      "{ items: [{ slug, category, wholeUnitYears, mainParts, mainPartsYears, extensions, exclusions, description }] }",
      WarrantyPolicyListSchema,
    ),
  }),
  (c) => c.json({ items: warrantyPolicies() }),
);

afterSalesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/outlets",
    tags,
    summary: "维修网点（按城市、品类筛选；提供经纬度时按距离由近到远）",
    request: { query: outletQuery },
    responses: jsonOk(
      "{ items: [{ id, name, city, district, address, phone, hours, lat, lng, categories, distanceM? }] }",
      OutletListSchema,
    ),
  }),
  async (c) => c.json({ items: await findOutlets(c.get("db"), c.req.valid("query")) }),
);

afterSalesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/outlets/cities",
    tags,
    summary: "有维修网点的城市",
    responses: jsonOk("{ items: [{ city, count }] }", OutletCitiesSchema),
  }),
  async (c) => c.json({ items: await outletCities(c.get("db")) }),
);

afterSalesRoutes.use("/after-sales/warranty/*", requireShopper);
afterSalesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/warranty/order-items/{id}",
    tags,
    security: bearer,
    summary: "已购商品的保修状态（自签收日起计算）",
    request: { params: orderItemParams },
    responses: jsonOk(
      "{ orderItemId, orderNo, productName, policy, delivered, deliveredAt?, status? }",
      ItemWarrantySchema,
    ),
  }),
  async (c) =>
    c.json(await warrantyForOrderItem(c.get("db"), shopperOf(c).id, c.req.valid("param").id, Date.now())),
);

afterSalesRoutes.openapi(
  createRoute({
    method: "get",
    path: "/after-sales/warranty/by-serial/{serial}",
    tags,
    security: bearer,
    summary: "按序列号查询保修（安装完工时登记，自安装日起计算）",
    request: { params: serialParams },
    responses: jsonOk("{ serialNo, productName, specs, installedAt, policy, status }", SerialWarrantySchema),
  }),
  async (c) => c.json(await warrantyBySerial(c.get("db"), c.req.valid("param").serial, Date.now())),
);
