import { createRoute, z } from "@hono/zod-openapi";
import { regionMissingMessage } from "../logistics/regions";
import { requireShopper, shopperOf } from "../shared/auth";
import { AppError } from "../shared/errors";
import { bearer, createRouter, jsonBody, jsonCreated, jsonOk, OkResponse } from "../shared/router";
import { describeIssues } from "../shared/validation";
import { AddressListSchema, AddressSchema } from "./api-schemas";
import {
  addressInput,
  createAddress,
  deleteAddress,
  invalidRegion,
  listAddresses,
  REGION_FIELDS,
  updateAddress,
} from "./service";

/** The shopper's address book: /api/addresses. */
export const addressRoutes = createRouter();
addressRoutes.use("/addresses", requireShopper);
addressRoutes.use("/addresses/*", requireShopper);

const tags = ["addresses"];
const idParams = { params: z.object({ id: z.coerce.number().int().positive() }) };

/**
 * The address form's messages name their field in words ("请填写正确的手机号码"), so the shopper is shown
 * the message alone, without the JSON key the shared hook prefixes. A missing region code (an old
 * client sending names) is INVALID_REGION naming the level, like a code that does not exist.
 */
function addressHook(result: { success: true } | { success: false; error: z.ZodError }): undefined {
  if (result.success) return undefined;
  const issues = describeIssues(result.error);
  const key = result.error.issues[0]?.path[0];
  if (typeof key === "string" && Object.hasOwn(REGION_FIELDS, key)) {
    const field = REGION_FIELDS[key as keyof typeof REGION_FIELDS];
    throw invalidRegion(regionMissingMessage(field), field);
  }
  throw new AppError(400, "VALIDATION_FAILED", issues[0]?.message ?? "请求参数有误", issues);
}

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
  addressHook,
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
  addressHook,
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
