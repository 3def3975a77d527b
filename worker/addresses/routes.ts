import { createRoute, z } from "@hono/zod-openapi";
import { requireShopper, shopperOf } from "../shared/auth";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { AddressListSchema, AddressSchema } from "./api-schemas";
import { addressInput, createAddress, deleteAddress, listAddresses, updateAddress } from "./service";

/** The shopper's address book: /api/addresses. */
export const addressRoutes = createRouter();
addressRoutes.use("/addresses", requireShopper);
addressRoutes.use("/addresses/*", requireShopper);

const tags = ["addresses"];
const idParams = { params: z.object({ id: z.coerce.number().int().positive() }) };

addressRoutes.openapi(
  createRoute({
    method: "get",
    path: "/addresses",
    tags,
    security: bearer,
    summary: "收货地址列表",
    responses: jsonOk("{ items }", AddressListSchema),
  }),
  async (c) => c.json({ items: await listAddresses(c.get("db"), shopperOf(c).id) }),
);

addressRoutes.openapi(
  createRoute({
    method: "post",
    path: "/addresses",
    tags,
    security: bearer,
    summary: "新增收货地址（省/市/区 + 详细地址）",
    request: jsonBody(addressInput),
    responses: jsonCreated("地址", AddressSchema),
  }),
  async (c) => c.json(await createAddress(c.get("db"), shopperOf(c).id, c.req.valid("json")), 201),
);

addressRoutes.openapi(
  createRoute({
    method: "put",
    path: "/addresses/{id}",
    tags,
    security: bearer,
    summary: "修改收货地址",
    request: { ...idParams, ...jsonBody(addressInput) },
    responses: jsonOk("地址", AddressSchema),
  }),
  async (c) =>
    c.json(await updateAddress(c.get("db"), shopperOf(c).id, c.req.valid("param").id, c.req.valid("json"))),
);

addressRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/addresses/{id}",
    tags,
    security: bearer,
    summary: "删除收货地址",
    request: idParams,
    responses: jsonOk("{ ok }", OkResponse),
  }),
  async (c) => {
    await deleteAddress(c.get("db"), shopperOf(c).id, c.req.valid("param").id);
    return c.json({ ok: true });
  },
);
