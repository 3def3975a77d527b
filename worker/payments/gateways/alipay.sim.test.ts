// Our real Alipay client against the local simulator over real HTTP (dev/payment-simulator).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type SimFixture, startSimFixture } from "../../../dev/payment-simulator/fixture";
import { testIdentities } from "../../../dev/payment-simulator/keys";
import type { Delivery } from "../../../dev/payment-simulator/notifier";
import type { Alipay } from "./alipay";
import { GatewayError, type PaymentEvent, type StartPaymentInput } from "./types";

const ids = testIdentities();
let fx: SimFixture;
let alipay: Alipay;
let seq = 0;

beforeAll(async () => {
  fx = await startSimFixture();
  alipay = fx.providers.alipay!;
});
afterAll(() => fx.close());
beforeEach(() => {
  fx.receiver.received.length = 0;
});

function order(amountFen: number, channel: "miniprogram" | "h5" = "miniprogram"): StartPaymentInput {
  const outTradeNo = `AL${Date.now()}${++seq}`;
  fx.orders.set(`alipay:${outTradeNo}`, amountFen);
  return {
    outTradeNo,
    amountFen,
    description: "美的 空调 KFR-35GW/N8 1.5匹 & 挂机",
    expiresAtMs: Date.now() + 15 * 60_000,
    payerOpenId: channel === "miniprogram" ? "074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5" : undefined,
    channel,
    returnUrl: "https://shop.example.com/pay/result?from=alipay",
    quitUrl: "https://shop.example.com/orders",
  };
}

async function createdTrade(amountFen = 459_900) {
  const input = order(amountFen);
  const params = await alipay.startPayment(input);
  if (params.method !== "alipay" || params.channel !== "miniprogram") throw new Error("expected tradeNo");
  return { outTradeNo: input.outTradeNo, tradeNo: params.tradeNo };
}

async function pay(outTradeNo: string) {
  const r = await fx.control<{ delivery: Delivery }>("/_sim/pay", { method: "alipay", outTradeNo });
  expect(r.status).toBe(200);
  return r.json.delivery;
}

async function replay(outTradeNo: string, variant: string, outRefundNo?: string) {
  const r = await fx.control<{ status: number; body: string; acknowledged: boolean }>("/_sim/notify/replay", {
    method: "alipay",
    outTradeNo,
    variant,
    outRefundNo,
  });
  expect(r.status).toBe(200);
  return r.json;
}

const events = () => fx.receiver.received.map((r) => (r.ok ? r.event : r.reason));

describe("Alipay against the simulator", () => {
  it("mini program: alipay.trade.create returns the trade_no, query says WAIT_BUYER_PAY", async () => {
    const { outTradeNo, tradeNo } = await createdTrade(459_900);
    const sim = await fx.control<{ transactionId: string; amountFen: number; payerId: string }>(
      `/_sim/trades/alipay/${outTradeNo}`,
    );
    expect(sim.json).toMatchObject({ transactionId: tradeNo, amountFen: 459_900 });
    expect(sim.json.payerId).toBe("074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5");
    expect(await alipay.query(outTradeNo)).toEqual({
      status: "pending",
      outTradeNo,
      providerState: "WAIT_BUYER_PAY",
    });
  });

  it("pay → signed notification verified by our code; reply is exactly `success`", async () => {
    const { outTradeNo, tradeNo } = await createdTrade(8_800);
    const delivery = await pay(outTradeNo);
    expect(delivery.attempts.map((a) => [a.status, a.body])).toEqual([[200, "success"]]);
    const sim = await fx.control<{ paidAtMs: number }>(`/_sim/trades/alipay/${outTradeNo}`);
    expect(events()).toEqual([
      {
        kind: "paid",
        method: "alipay",
        outTradeNo,
        transactionId: tradeNo,
        amountFen: 8_800,
        paidAtMs: Math.floor(sim.json.paidAtMs / 1000) * 1000,
        appId: ids.alipay.appId,
        merchantId: ids.alipay.sellerId,
      },
    ]);
    expect(await alipay.query(outTradeNo)).toMatchObject({
      status: "paid",
      transactionId: tradeNo,
      amountFen: 8_800,
    });
  });

  it("H5: wap.pay URL → cashier page → 确认支付 → notification + signed return to return_url", async () => {
    const input = order(129_900, "h5");
    const params = await alipay.startPayment(input);
    if (params.method !== "alipay" || params.channel !== "h5") throw new Error("expected redirectUrl");
    expect(params.redirectUrl.startsWith(`${fx.sim.url}/gateway.do?`)).toBe(true);
    const gateway = await fetch(params.redirectUrl, { redirect: "manual" });
    expect(gateway.status).toBe(302);
    const cashierUrl = new URL(gateway.headers.get("location")!, fx.sim.url);
    const page = await (await fetch(cashierUrl)).text();
    expect(page).toContain("¥1299.00");
    expect(page).toContain("确认支付");
    expect(page).toContain("https://shop.example.com/orders"); // quit_url
    const confirm = await fetch(`${fx.sim.url}/pay/confirm`, {
      method: "POST",
      body: new URLSearchParams({ method: "alipay", out_trade_no: input.outTradeNo }),
      redirect: "manual",
    });
    expect(confirm.status).toBe(303);
    const back = new URL(confirm.headers.get("location")!);
    expect(back.origin + back.pathname).toBe("https://shop.example.com/pay/result");
    expect(back.searchParams.get("from")).toBe("alipay");
    expect(back.searchParams.get("out_trade_no")).toBe(input.outTradeNo);
    const returned = Object.fromEntries(back.searchParams);
    expect(await alipay.verifyParams(returned)).toBe(true);
    expect(await alipay.verifyParams({ ...returned, total_amount: "0.01" })).toBe(false);
    expect(events()).toEqual([
      expect.objectContaining({ kind: "paid", outTradeNo: input.outTradeNo, amountFen: 129_900 }),
    ]);
  });

  it("a wap.pay URL whose amount was edited is refused by the gateway", async () => {
    const input = order(129_900, "h5");
    const params = await alipay.startPayment(input);
    if (params.method !== "alipay" || params.channel !== "h5") throw new Error("expected redirectUrl");
    const url = new URL(params.redirectUrl);
    url.searchParams.set("biz_content", url.searchParams.get("biz_content")!.replace("1299.00", "0.01"));
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("验签出错");
    expect((await fx.control(`/_sim/trades/alipay/${input.outTradeNo}`)).status).toBe(404);
  });

  it.each([
    ["bad_signature", "BAD_SIGNATURE"],
    ["tampered_body", "BAD_SIGNATURE"],
    ["missing_sign", "MISSING_SIGNATURE"],
    ["wrong_appid", "APP_ID_MISMATCH"],
    ["wrong_seller", "MERCHANT_MISMATCH"],
    ["wrong_amount", "BAD_AMOUNT"],
  ])("rejects a %s notification with %s and replies `failure`", async (variant, reason) => {
    const { outTradeNo } = await createdTrade();
    await pay(outTradeNo);
    fx.receiver.received.length = 0;
    const reply = await replay(outTradeNo, variant);
    expect(reply).toMatchObject({ status: 200, body: "failure", acknowledged: false });
    expect(events()).toEqual([reason]);
  });

  it("a duplicate notification is authentic again; a failed reply is retried", async () => {
    const { outTradeNo } = await createdTrade();
    fx.receiver.failNext(1);
    const delivery = await pay(outTradeNo);
    expect(delivery.attempts.map((a) => a.body)).toEqual(["failure", "success"]);
    expect((await replay(outTradeNo, "duplicate")).acknowledged).toBe(true);
    expect(events()).toEqual([
      "HANDLER_FAILED",
      expect.objectContaining({ kind: "paid" }),
      expect.objectContaining({ kind: "paid" }),
    ]);
  });

  it("close: pending → closed, idempotent, unknown is fine, paid refuses with TRADE_PAID", async () => {
    const { outTradeNo } = await createdTrade();
    await alipay.close(outTradeNo);
    await alipay.close(outTradeNo);
    expect(await alipay.query(outTradeNo)).toEqual({
      status: "closed",
      outTradeNo,
      providerState: "TRADE_CLOSED",
    });
    expect((await fx.control("/_sim/pay", { method: "alipay", outTradeNo })).status).toBe(409);
    await alipay.close("NEVER_CREATED_2");
    expect(await alipay.query("NEVER_CREATED_2")).toEqual({
      status: "not_found",
      outTradeNo: "NEVER_CREATED_2",
    });
    const paid = await createdTrade();
    await pay(paid.outTradeNo);
    await expect(alipay.close(paid.outTradeNo)).rejects.toMatchObject({ code: "TRADE_PAID" });
  });

  it("the same out_trade_no with another amount is refused (ACQ.CONTEXT_INCONSISTENT)", async () => {
    const input = order(1_000);
    await alipay.startPayment(input);
    await expect(alipay.startPayment({ ...input, amountFen: 1 })).rejects.toMatchObject({
      code: "ACQ.CONTEXT_INCONSISTENT",
    });
  });

  it("refund: synchronous success, a verified refund notification, idempotent per out_request_no", async () => {
    const { outTradeNo } = await createdTrade(10_000);
    await pay(outTradeNo);
    fx.receiver.received.length = 0;
    const input = {
      outTradeNo,
      outRefundNo: `R${outTradeNo}`,
      refundFen: 2_500,
      totalFen: 10_000,
      reason: "价保退差",
    };
    expect(await alipay.refund(input)).toMatchObject({
      outRefundNo: input.outRefundNo,
      status: "SUCCESS",
      refundFen: 2_500,
    });
    await vi.waitFor(() => expect(fx.receiver.received).toHaveLength(1));
    expect(events()).toEqual([
      {
        kind: "refund",
        method: "alipay",
        outTradeNo,
        outRefundNo: input.outRefundNo,
        status: "SUCCESS",
        totalRefundedFen: 2_500,
      },
    ]);
    // The repeat gets fund_change "N"; the client confirms through the refund query.
    expect(await alipay.refund(input)).toMatchObject({ status: "SUCCESS" });
    expect(await alipay.queryRefund(outTradeNo, input.outRefundNo)).toBe(true);
    expect(await alipay.queryRefund(outTradeNo, "NEVER_REQUESTED")).toBe(false);
    const refunds = await fx.control<{ outRefundNo: string }[]>("/_sim/refunds");
    expect(refunds.json.filter((r) => r.outRefundNo === input.outRefundNo)).toHaveLength(1);
    await expect(
      alipay.refund({ ...input, outRefundNo: `R2${outTradeNo}`, refundFen: 7_501 }),
    ).rejects.toMatchObject({
      code: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL",
    });
    await alipay.refund({ ...input, outRefundNo: `R3${outTradeNo}`, refundFen: 7_500 });
    expect(await alipay.query(outTradeNo)).toMatchObject({ status: "refunded", amountFen: 10_000 });
    await vi.waitFor(() => expect(fx.receiver.received).toHaveLength(2));
    expect(events()[1]).toMatchObject({
      kind: "refund",
      outRefundNo: `R3${outTradeNo}`,
      totalRefundedFen: 10_000,
    });
  });

  it("the gateway refuses requests signed with the wrong app key", async () => {
    const impostor = fx.providersWith({ ALIPAY_PRIVATE_KEY: ids.alipay.alipayPrivateKeyPem }).alipay!;
    const err = await impostor.query("ANY_ORDER_123").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ code: "isv.invalid-signature" });
  });

  it("rejects gateway responses not signed by the configured Alipay public key", async () => {
    const wrongKey = fx.providersWith({ ALIPAY_PUBLIC_KEY: ids.alipay.appPublicKeyPem }).alipay!;
    await expect(wrongKey.query("ANY_ORDER_123")).rejects.toMatchObject({
      code: "RESPONSE_SIGNATURE_INVALID",
    });
    // …and notifications the same way.
    const { outTradeNo } = await createdTrade();
    const { delivery } = (
      await fx.control<{ delivery: Delivery }>("/_sim/pay", { method: "alipay", outTradeNo })
    ).json;
    expect(delivery.acknowledged).toBe(true);
    const ok = fx.receiver.received.at(-1)!;
    expect(ok.ok).toBe(true);
    const last = fx.sim.ctx.notifier.deliveries.at(-1)!.last!;
    await expect(
      wrongKey.parseNotification({
        headers: new Headers(last.headers),
        rawBody: last.body,
        nowMs: Date.now(),
      }),
    ).rejects.toMatchObject({ reason: "BAD_SIGNATURE" });
    const event: PaymentEvent = await alipay.parseNotification({
      headers: new Headers(last.headers),
      rawBody: last.body,
      nowMs: Date.now(),
    });
    expect(event.kind).toBe("paid");
  });
});
