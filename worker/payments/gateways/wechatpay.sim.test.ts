// Our real WeChat Pay client against the local simulator over real HTTP (dev/payment-simulator).
import { verify } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SimFixture, startSimFixture } from "../../../dev/payment-simulator/fixture";
import { testIdentities } from "../../../dev/payment-simulator/keys";
import type { Delivery } from "../../../dev/payment-simulator/notifier";
import { GatewayError, type PaymentEvent } from "./types";
import type { WechatPay } from "./wechatpay";

const ids = testIdentities();
let fx: SimFixture;
let wechat: WechatPay;
let seq = 0;

beforeAll(async () => {
  fx = await startSimFixture({ autoSettleRefunds: false });
  wechat = fx.providers.wechat!;
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.receiver.received.length = 0;
});

/** Creates an order "we" know and its WeChat prepay; returns the out_trade_no. */
async function prepaidOrder(amountFen = 399_900) {
  const outTradeNo = `WX${Date.now()}${++seq}`;
  fx.orders.set(`wechat:${outTradeNo}`, amountFen);
  const params = await wechat.startPayment({
    outTradeNo,
    amountFen,
    description: "海尔 冰箱 BCD-470 470升",
    expiresAtMs: Date.now() + 15 * 60_000,
    payerOpenId: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    channel: "miniprogram",
  });
  return { outTradeNo, params };
}

async function pay(outTradeNo: string) {
  const r = await fx.control<{ delivery: Delivery }>("/_sim/pay", { method: "wechat", outTradeNo });
  expect(r.status).toBe(200);
  return r.json.delivery;
}

async function replay(outTradeNo: string, variant: string, outRefundNo?: string) {
  const r = await fx.control<{ status: number; acknowledged: boolean }>("/_sim/notify/replay", {
    method: "wechat",
    outTradeNo,
    variant,
    outRefundNo,
  });
  expect(r.status).toBe(200);
  return r.json;
}

describe("WeChat Pay JSAPI against the simulator", () => {
  it("prepay returns a prepay_id and a paySign that verifies with the merchant key", async () => {
    const { outTradeNo, params } = await prepaidOrder();
    expect(params.method).toBe("wechat");
    if (params.method !== "wechat" || params.channel === "h5") return;
    expect(params.prepayId).toMatch(/^wx\d{14}/);
    const p = params.payParams;
    expect(p.package).toBe(`prepay_id=${params.prepayId}`);
    expect(p.appId).toBe(ids.wechat.appId);
    const message = `${ids.wechat.appId}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`;
    expect(
      verify(
        "sha256",
        Buffer.from(message),
        ids.wechat.merchantPublicKeyPem,
        Buffer.from(p.paySign, "base64"),
      ),
    ).toBe(true);
    const trade = await fx.control<{ amountFen: number; state: string }>(`/_sim/trades/wechat/${outTradeNo}`);
    expect(trade.json).toMatchObject({ amountFen: 399_900, state: "pending" });
  });

  it("pay → signed, encrypted notification is verified and decrypted by our code, and acknowledged", async () => {
    const { outTradeNo } = await prepaidOrder(12_345);
    const delivery = await pay(outTradeNo);
    expect(delivery.acknowledged).toBe(true);
    expect(delivery.attempts).toHaveLength(1);
    expect(delivery.attempts[0]!.status).toBe(204);
    expect(fx.receiver.received).toHaveLength(1);
    const got = fx.receiver.received[0]!;
    expect(got.ok).toBe(true);
    const event = (got as { event: PaymentEvent }).event;
    expect(event).toMatchObject({
      kind: "paid",
      method: "wechat",
      outTradeNo,
      amountFen: 12_345,
      appId: ids.wechat.appId,
      merchantId: ids.wechat.mchId,
    });
    const simTrade = await fx.control<{ transactionId: string; paidAtMs: number }>(
      `/_sim/trades/wechat/${outTradeNo}`,
    );
    expect(event.kind === "paid" && event.transactionId).toBe(simTrade.json.transactionId);
    // success_time has second precision
    expect(event.kind === "paid" && event.paidAtMs).toBe(Math.floor(simTrade.json.paidAtMs / 1000) * 1000);
  });

  it("a byte-identical duplicate is still authentic (idempotency is the order domain's job)", async () => {
    const { outTradeNo } = await prepaidOrder();
    await pay(outTradeNo);
    const dup = await replay(outTradeNo, "duplicate");
    expect(dup.acknowledged).toBe(true);
    expect(fx.receiver.received.map((r) => r.ok)).toEqual([true, true]);
  });

  it("accepts notifications signed with the platform certificate as well as the public key", async () => {
    const { outTradeNo } = await prepaidOrder();
    await pay(outTradeNo);
    expect((await replay(outTradeNo, "platform_cert")).acknowledged).toBe(true);
    expect((await replay(outTradeNo, "public_key")).acknowledged).toBe(true);
  });

  it.each([
    ["tampered_body", "BAD_SIGNATURE"],
    ["bad_signature", "BAD_SIGNATURE"],
    ["stale", "STALE_TIMESTAMP"],
    ["future", "STALE_TIMESTAMP"],
    ["unknown_serial", "UNKNOWN_SERIAL"],
    ["probe", "SIGNATURE_PROBE"],
    ["wrong_api_key", "DECRYPT_FAILED"],
    ["wrong_appid", "APP_ID_MISMATCH"],
    ["wrong_mchid", "MERCHANT_MISMATCH"],
    ["wrong_amount", "BAD_AMOUNT"],
  ])("rejects a %s notification with %s and a non-2xx reply", async (variant, reason) => {
    const { outTradeNo } = await prepaidOrder();
    await pay(outTradeNo);
    fx.receiver.received.length = 0;
    const reply = await replay(outTradeNo, variant);
    expect(reply.acknowledged).toBe(false);
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(fx.receiver.received).toEqual([expect.objectContaining({ ok: false, reason })]);
  });

  it("retries until our endpoint acknowledges", async () => {
    const { outTradeNo } = await prepaidOrder();
    fx.receiver.failNext(2);
    const delivery = await pay(outTradeNo);
    expect(delivery.attempts.map((a) => a.status)).toEqual([500, 500, 204]);
    expect(delivery.acknowledged).toBe(true);
    expect(fx.receiver.received.map((r) => r.ok)).toEqual([false, false, true]);
  });

  it("query reports pending, paid and not_found", async () => {
    const { outTradeNo } = await prepaidOrder(5_000);
    expect(await wechat.query(outTradeNo)).toEqual({
      status: "pending",
      outTradeNo,
      providerState: "NOTPAY",
    });
    await pay(outTradeNo);
    expect(await wechat.query(outTradeNo)).toMatchObject({ status: "paid", outTradeNo, amountFen: 5_000 });
    expect(await wechat.query("NO_SUCH_ORDER_1")).toEqual({
      status: "not_found",
      outTradeNo: "NO_SUCH_ORDER_1",
    });
  });

  it("close makes a trade unpayable, is idempotent, and refuses a paid trade with TRADE_PAID", async () => {
    const { outTradeNo } = await prepaidOrder();
    await wechat.close(outTradeNo);
    await wechat.close(outTradeNo);
    expect(await wechat.query(outTradeNo)).toEqual({ status: "closed", outTradeNo, providerState: "CLOSED" });
    const payAfterClose = await fx.control("/_sim/pay", { method: "wechat", outTradeNo });
    expect(payAfterClose.status).toBe(409);
    await wechat.close("NEVER_CREATED_1"); // nothing to close is fine

    const paid = await prepaidOrder();
    await pay(paid.outTradeNo);
    await expect(wechat.close(paid.outTradeNo)).rejects.toMatchObject({ code: "TRADE_PAID" });
  });

  it("a second prepay for the same order with a different amount is refused", async () => {
    const { outTradeNo } = await prepaidOrder(1_000);
    const again = wechat.startPayment({
      outTradeNo,
      amountFen: 999,
      description: "海尔 冰箱 BCD-470 470升",
      expiresAtMs: Date.now() + 60_000,
      payerOpenId: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
      channel: "miniprogram",
    });
    await expect(again).rejects.toMatchObject({ code: "INVALID_REQUEST", httpStatus: 400 });
  });

  it("refund: PROCESSING, then a verified REFUND.SUCCESS notification; retries are idempotent", async () => {
    const { outTradeNo } = await prepaidOrder(10_000);
    await pay(outTradeNo);
    const input = {
      outTradeNo,
      outRefundNo: `R${outTradeNo}`,
      refundFen: 3_000,
      totalFen: 10_000,
      reason: "七天无理由",
    };
    const first = await wechat.refund(input);
    expect(first).toMatchObject({ outRefundNo: input.outRefundNo, status: "PROCESSING", refundFen: 3_000 });
    const retry = await wechat.refund(input);
    expect(retry.refundId).toBe(first.refundId);
    await expect(
      wechat.refund({ ...input, outRefundNo: `R2${outTradeNo}`, refundFen: 7_001 }),
    ).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });

    fx.receiver.received.length = 0;
    const settled = await fx.control<{ delivery: Delivery }>("/_sim/refunds/settle", {
      outRefundNo: input.outRefundNo,
      status: "SUCCESS",
    });
    expect(settled.json.delivery.acknowledged).toBe(true);
    expect(fx.receiver.received).toEqual([
      {
        method: "wechat",
        ok: true,
        event: {
          kind: "refund",
          method: "wechat",
          outTradeNo,
          outRefundNo: input.outRefundNo,
          status: "SUCCESS",
          refundFen: 3_000,
        },
      },
    ]);
    expect((await wechat.queryRefund(input.outRefundNo))?.status).toBe("SUCCESS");
    expect(await wechat.query(outTradeNo)).toMatchObject({ status: "refunded", amountFen: 10_000 });
    // A tampered refund notification is rejected like a payment one.
    fx.receiver.received.length = 0;
    await replay(outTradeNo, "tampered_body", input.outRefundNo);
    expect(fx.receiver.received).toEqual([expect.objectContaining({ ok: false, reason: "BAD_SIGNATURE" })]);
  });

  it("an ABNORMAL refund is reported as such", async () => {
    const { outTradeNo } = await prepaidOrder(10_000);
    await pay(outTradeNo);
    await wechat.refund({
      outTradeNo,
      outRefundNo: `RA${outTradeNo}`,
      refundFen: 10_000,
      totalFen: 10_000,
      reason: "",
    });
    fx.receiver.received.length = 0;
    await fx.control("/_sim/refunds/settle", { outRefundNo: `RA${outTradeNo}`, status: "ABNORMAL" });
    expect(fx.receiver.received).toEqual([
      expect.objectContaining({
        ok: true,
        event: expect.objectContaining({ kind: "refund", status: "ABNORMAL" }),
      }),
    ]);
  });

  it("the gateway refuses requests signed with the wrong merchant key", async () => {
    const impostor = fx.providersWith({ WECHAT_PAY_PRIVATE_KEY: ids.wechat.platformPrivateKeyPem }).wechat!;
    const err = await impostor.query("ANY_ORDER_123").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: "SIGN_ERROR", httpStatus: 401 });
  });

  it("rejects gateway responses it cannot verify", async () => {
    // Only the platform certificate is trusted, but the gateway signs with the public key (PUB_KEY_ID_…).
    const certOnly = fx.providersWith({
      WECHAT_PAY_PUBLIC_KEYS: JSON.stringify({ [ids.wechat.platformCertSerial]: ids.wechat.platformCertPem }),
    }).wechat!;
    await expect(certOnly.query("ANY_ORDER_123")).rejects.toMatchObject({
      code: "RESPONSE_SIGNATURE_INVALID",
    });
    // Same serial, wrong key: the signature itself fails.
    const wrongKey = fx.providersWith({
      WECHAT_PAY_PUBLIC_KEYS: JSON.stringify({ [ids.wechat.publicKeyId]: ids.wechat.merchantPublicKeyPem }),
    }).wechat!;
    await expect(wrongKey.query("ANY_ORDER_123")).rejects.toMatchObject({
      code: "RESPONSE_SIGNATURE_INVALID",
    });
  });

  it("H5 (微信外): /v3/pay/transactions/h5 with the payer's IP → h5_url; the cashier returns to redirect_url", async () => {
    const outTradeNo = `WH${Date.now()}${++seq}`;
    fx.orders.set(`wechat:${outTradeNo}`, 129_900);
    const returnUrl = "http://127.0.0.1:9/?x=1#/pages/pay/result?id=7";
    const params = await wechat.startPayment({
      outTradeNo,
      amountFen: 129_900,
      description: "美的 微波炉",
      expiresAtMs: Date.now() + 15 * 60_000,
      channel: "h5",
      returnUrl,
      payerClientIp: "203.0.113.9",
    });
    if (params.method !== "wechat" || params.channel !== "h5") throw new Error("expected WeChat H5 params");
    const url = new URL(params.redirectUrl);
    expect(url.origin).toBe(fx.sim.url);
    expect(url.searchParams.get("redirect_url")).toBe(returnUrl);
    const cashier = await (await fetch(params.redirectUrl)).text();
    expect(cashier).toContain("¥1299.00");
    const confirm = await fetch(`${fx.sim.url}/pay/confirm`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        method: "wechat",
        out_trade_no: outTradeNo,
        redirect_url: returnUrl,
      }).toString(),
      redirect: "manual",
    });
    expect(confirm.status).toBe(303);
    expect(confirm.headers.get("location")).toBe(returnUrl);
    expect(fx.receiver.received).toEqual([expect.objectContaining({ ok: true })]);
    expect(await wechat.query(outTradeNo)).toMatchObject({ status: "paid", amountFen: 129_900 });
  });

  it("H5 without the payer's IP is refused before calling WeChat", async () => {
    const h5 = wechat.startPayment({
      outTradeNo: "H5ORDER_0001",
      amountFen: 100,
      description: "x",
      expiresAtMs: Date.now() + 60_000,
      channel: "h5",
    });
    await expect(h5).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("inside WeChat's browser: JSAPI params for WeixinJSBridge (with appId)", async () => {
    const outTradeNo = `WB${Date.now()}${++seq}`;
    const params = await wechat.startPayment({
      outTradeNo,
      amountFen: 100,
      description: "x",
      expiresAtMs: Date.now() + 60_000,
      payerOpenId: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
      channel: "wechat_browser",
    });
    expect(params).toMatchObject({ method: "wechat", channel: "wechat_browser" });
    if (params.method === "wechat" && params.channel === "wechat_browser")
      expect(params.payParams).toMatchObject({
        appId: ids.wechat.appId,
        package: `prepay_id=${params.prepayId}`,
      });
  });

  it("the cashier page shows the amount and pays on 确认支付", async () => {
    const { outTradeNo, params } = await prepaidOrder(259_900);
    const prepayId = params.method === "wechat" && params.channel !== "h5" ? params.prepayId : "";
    const page = await fetch(`${fx.sim.url}/pay?method=wechat&prepay_id=${prepayId}`);
    const html = await page.text();
    expect(html).toContain("¥2599.00");
    expect(html).toContain("确认支付");
    const confirm = await fetch(`${fx.sim.url}/pay/confirm`, {
      method: "POST",
      body: new URLSearchParams({ method: "wechat", out_trade_no: outTradeNo }),
    });
    expect(await confirm.text()).toContain("支付成功");
    expect(fx.receiver.received).toEqual([expect.objectContaining({ ok: true })]);
    const again = await fetch(`${fx.sim.url}/pay?method=wechat&out_trade_no=${outTradeNo}`);
    expect(await again.text()).toContain("该订单已支付");
  });
});
