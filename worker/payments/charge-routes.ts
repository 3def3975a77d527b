import { createRoute, z } from "@hono/zod-openapi";
import { orderDeps } from "../orders/deps";
import { requireShopper, shopperOf } from "../shared/auth";
import { storeOriginOf } from "../shared/cors";
import { bearer, createRouter, jsonBody, jsonOk } from "../shared/router";
import { ChargeSchema, StartChargePaymentSchema } from "./api-schemas";
import { CHARGE_NO_PATTERN, chargeView, shopperCharge, startChargePayment } from "./charges";
import { payerClientIpOf, startPaymentInput } from "./providers";

/** The shopper's charges (/api/charges): see one and pay it like an order. Someone else's is 404. */
export const chargeRoutes = createRouter();
chargeRoutes.use("/charges/*", requireShopper);

const tags = ["payments"];
const params = {
  params: z.object({
    chargeNo: z
      .string()
      .regex(CHARGE_NO_PATTERN, { message: "收费单号格式不正确" })
      .openapi({ param: { name: "chargeNo", in: "path" } }),
  }),
};

chargeRoutes.openapi(
  createRoute({
    method: "get",
    path: "/charges/{chargeNo}",
    tags,
    security: bearer,
    summary: "收费单（保外维修费、以旧换新差价）",
    request: params,
    responses: jsonOk("收费单", ChargeSchema),
  }),
  async (c) =>
    c.json(chargeView(await shopperCharge(c.get("db"), shopperOf(c).id, c.req.valid("param").chargeNo))),
);

chargeRoutes.openapi(
  createRoute({
    method: "post",
    path: "/charges/{chargeNo}/pay",
    tags,
    security: bearer,
    summary: "支付收费单（返回 wx.requestPayment 或支付宝参数，与订单支付相同）",
    request: { ...params, ...jsonBody(startPaymentInput) },
    responses: jsonOk("{ chargeNo, amountFen, payment }", StartChargePaymentSchema),
  }),
  async (c) => {
    const deps = orderDeps(c);
    const charge = await shopperCharge(deps.db, shopperOf(c).id, c.req.valid("param").chargeNo);
    const origin = storeOriginOf(c);
    const page = origin && `${origin}/#/pages/pay/charge?no=${charge.chargeNo}`;
    const payment = await startChargePayment(
      deps,
      charge,
      c.req.valid("json"),
      page ? { returnUrl: page, quitUrl: page, payerClientIp: payerClientIpOf(c) } : undefined,
    );
    return c.json({ chargeNo: charge.chargeNo, amountFen: charge.amountFen, payment });
  },
);
