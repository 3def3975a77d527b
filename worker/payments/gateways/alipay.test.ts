// Alipay RSA2 signed-content formats (vector from Alipay's "自行实现签名" documentation), response
// extraction, and notification verification against an independent node:crypto signer.
import { sign as nodeSign, verify as nodeVerify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pemBody, testIdentities } from "../../../dev/payment-simulator/keys";
import {
  Alipay,
  alipayNotifySignContent,
  alipayRequestSignContent,
  alipayResponseKey,
  extractAlipayResponse,
} from "./alipay";
import { rawTopLevelMembers } from "./json-raw";
import { PaymentRejection } from "./types";

const ids = testIdentities().alipay;
const NOW_MS = Date.UTC(2026, 10, 27, 8, 0, 0); // 16:00:00 in Beijing

function client(fetchFn?: (url: string, init: RequestInit) => Promise<Response>) {
  return new Alipay(
    {
      appId: ids.appId,
      sellerId: ids.sellerId,
      appPrivateKeyPem: ids.appPrivateKeyPem,
      alipayPublicKeyPem: pemBody(ids.alipayPublicKeyPem),
      gatewayUrl: "https://openapi.alipay.com/gateway.do",
      notifyUrl: "https://api.example.com/api/payments/notify/alipay",
    },
    { now: () => NOW_MS, fetch: fetchFn ?? (async () => new Response("", { status: 599 })) },
  );
}

const MENU_BIZ =
  '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"},{"name":"查询","subButton":[{"actionParam":"ZFB_YECX","actionType":"out","name":"余额查询"},{"actionParam":"ZFB_LLCX","actionType":"out","name":"流量查询"},{"actionParam":"ZFB_HFCX","actionType":"out","name":"话费查询"}]},{"actionParam":"http://m.alipay.com","actionType":"link","name":"最新优惠"}]}';

describe("Alipay signed content", () => {
  it("request: sorted, sign dropped, empty dropped, sign_type kept, nothing URL-encoded (doc vector)", () => {
    expect(
      alipayRequestSignContent({
        method: "alipay.mobile.public.menu.add",
        timestamp: "2014-07-24 03:07:50",
        app_id: "2014072300007148",
        charset: "GBK",
        sign_type: "RSA2",
        version: "1.0",
        biz_content: MENU_BIZ,
        notify_url: "",
        sign: "should-not-be-signed",
      }),
    ).toBe(
      `app_id=2014072300007148&biz_content=${MENU_BIZ}&charset=GBK&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0`,
    );
  });

  it("notification: sign and sign_type dropped, empty values kept", () => {
    expect(
      alipayNotifySignContent({
        trade_status: "TRADE_SUCCESS",
        sign_type: "RSA2",
        sign: "xxx",
        app_id: "2021000000000001",
        passback_params: "",
        gmt_payment: "2026-11-27 16:00:01",
      }),
    ).toBe(
      "app_id=2021000000000001&gmt_payment=2026-11-27 16:00:01&passback_params=&trade_status=TRADE_SUCCESS",
    );
  });

  it("signed request params verify with the app public key over the request content", async () => {
    const params = await client().signedParams(
      "alipay.trade.query",
      { out_trade_no: "A1" },
      { notify_url: "" },
    );
    expect(params).toMatchObject({
      app_id: ids.appId,
      method: "alipay.trade.query",
      format: "JSON",
      charset: "utf-8",
      sign_type: "RSA2",
      version: "1.0",
      timestamp: "2026-11-27 16:00:00",
      biz_content: '{"out_trade_no":"A1"}',
    });
    const { sign, ...rest } = params;
    const expected = `app_id=${ids.appId}&biz_content={"out_trade_no":"A1"}&charset=utf-8&format=JSON&method=alipay.trade.query&sign_type=RSA2&timestamp=2026-11-27 16:00:00&version=1.0`;
    expect(alipayRequestSignContent(rest)).toBe(expected);
    expect(
      nodeVerify("sha256", Buffer.from(expected), ids.appPublicKeyPem, Buffer.from(sign!, "base64")),
    ).toBe(true);
  });
});

describe("Alipay response extraction", () => {
  it("cuts the method node out verbatim, wherever sign sits and however it is spaced", () => {
    const node = '{"code":"10000","msg":"Success","subject":"a}b\\"{c","list":[{"x":1}],"n":1.50}';
    const text = `{ "sign" : "c2lnbg==" ,\n "alipay_trade_query_response" :${node} , "alipay_cert_sn":"abc"}`;
    expect(extractAlipayResponse(text, "alipay.trade.query")).toEqual({
      key: "alipay_trade_query_response",
      raw: node,
      sign: "c2lnbg==",
    });
    expect(alipayResponseKey("alipay.trade.fastpay.refund.query")).toBe(
      "alipay_trade_fastpay_refund_query_response",
    );
  });

  it("falls back to error_response; absent sign is undefined; malformed JSON throws", () => {
    const text =
      '{"error_response":{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}}';
    expect(extractAlipayResponse(text, "alipay.trade.create")).toEqual({
      key: "error_response",
      raw: '{"code":"40002","msg":"Invalid Arguments","sub_code":"isv.invalid-app-id"}',
      sign: undefined,
    });
    expect(extractAlipayResponse('{"other":1}', "alipay.trade.create")).toBeUndefined();
    expect(() => rawTopLevelMembers('{"a":{"b":1}')).toThrow(SyntaxError);
    expect(() => rawTopLevelMembers("[1]")).toThrow(SyntaxError);
    expect(rawTopLevelMembers('{"a":"x\\\\","b":true,"c":null}')).toEqual(
      new Map([
        ["a", '"x\\\\"'],
        ["b", "true"],
        ["c", "null"],
      ]),
    );
  });

  it("a response signed over the exact node text is accepted; a re-spaced node is not", async () => {
    const node =
      '{"code":"10000","msg":"Success","trade_no":"2026112722001400000000000001","out_trade_no":"A1","trade_status":"WAIT_BUYER_PAY","total_amount":"88.80"}';
    const sign = nodeSign("sha256", Buffer.from(node), ids.alipayPrivateKeyPem).toString("base64");
    const reply = (body: string) => async () => new Response(body, { status: 200 });
    const ok = client(reply(`{"alipay_trade_query_response":${node},"sign":"${sign}"}`));
    expect(await ok.query("A1")).toEqual({
      status: "pending",
      outTradeNo: "A1",
      providerState: "WAIT_BUYER_PAY",
    });
    const respaced = node.replace('"msg":"Success"', '"msg": "Success"');
    const bad = client(reply(`{"alipay_trade_query_response":${respaced},"sign":"${sign}"}`));
    await expect(bad.query("A1")).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
    // An unsigned "success" is never trusted.
    const unsigned = client(reply(`{"alipay_trade_query_response":${node}}`));
    await expect(unsigned.query("A1")).rejects.toMatchObject({ code: "RESPONSE_SIGNATURE_INVALID" });
    // An unsigned error is reported as the error it claims (it can only make us fail, never succeed).
    const err = client(
      reply(
        '{"error_response":{"code":"20000","msg":"Service Currently Unavailable","sub_code":"isp.unknow-error"}}',
      ),
    );
    await expect(err.query("A1")).rejects.toMatchObject({ code: "isp.unknow-error", retryable: true });
  });
});

function notification(params: Record<string, string>, key = ids.alipayPrivateKeyPem): string {
  const content = alipayNotifySignContent(params);
  const sign = nodeSign("sha256", Buffer.from(content), key).toString("base64");
  return new URLSearchParams({ ...params, sign, sign_type: "RSA2" }).toString();
}

const paidParams = {
  notify_time: "2026-11-27 16:00:02",
  notify_type: "trade_status_sync",
  notify_id: "ac05099524730693a8b330c5ecf72da9786",
  app_id: "2021000000000001",
  charset: "utf-8",
  version: "1.0",
  trade_no: "2026112722001412345678901234",
  out_trade_no: "A20261127001",
  buyer_id: "2088102122524333",
  seller_id: "2088000000000001",
  trade_status: "TRADE_SUCCESS",
  total_amount: "4599.90",
  subject: "美的 空调 1.5匹 & 挂机 = 冷暖",
  gmt_create: "2026-11-27 15:59:00",
  gmt_payment: "2026-11-27 16:00:01",
  passback_params: "",
  fund_bill_list: '[{"amount":"4599.90","fundChannel":"ALIPAYACCOUNT"}]',
};

async function reason(p: Promise<unknown>) {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PaymentRejection);
  return (e as PaymentRejection).reason;
}

describe("Alipay notifications", () => {
  const parse = (rawBody: string) =>
    client().parseNotification({ headers: new Headers(), rawBody, nowMs: NOW_MS });

  it("verifies over all params but sign/sign_type (empty ones included) and converts yuan to fen exactly", async () => {
    expect(await parse(notification(paidParams))).toEqual({
      kind: "paid",
      method: "alipay",
      outTradeNo: "A20261127001",
      transactionId: "2026112722001412345678901234",
      amountFen: 459_990,
      paidAtMs: Date.UTC(2026, 10, 27, 8, 0, 1),
      appId: "2021000000000001",
      merchantId: "2088000000000001",
    });
    expect(await parse(notification({ ...paidParams, total_amount: "0.1" }))).toMatchObject({
      amountFen: 10,
    });
  });

  it("signature over a string that drops empty values is rejected (they are part of the content)", async () => {
    const { passback_params: _p, ...withoutEmpty } = paidParams;
    const sign = nodeSign(
      "sha256",
      Buffer.from(alipayNotifySignContent(withoutEmpty)),
      ids.alipayPrivateKeyPem,
    );
    const body = new URLSearchParams({
      ...paidParams,
      sign: sign.toString("base64"),
      sign_type: "RSA2",
    }).toString();
    expect(await reason(parse(body))).toBe("BAD_SIGNATURE");
  });

  it("rejects with precise reasons", async () => {
    expect(await reason(parse(notification(paidParams, ids.appPrivateKeyPem)))).toBe("BAD_SIGNATURE");
    expect(await reason(parse(new URLSearchParams(paidParams).toString()))).toBe("MISSING_SIGNATURE");
    expect(await reason(parse(notification(paidParams).replace("sign_type=RSA2", "sign_type=RSA")))).toBe(
      "BAD_SIGNATURE",
    );
    expect(await reason(parse(notification({ ...paidParams, app_id: "2021000000009999" })))).toBe(
      "APP_ID_MISMATCH",
    );
    expect(await reason(parse(notification({ ...paidParams, seller_id: "2088000000009999" })))).toBe(
      "MERCHANT_MISMATCH",
    );
    expect(await reason(parse(notification({ ...paidParams, total_amount: "4599.999" })))).toBe("BAD_AMOUNT");
    expect(await reason(parse(notification({ ...paidParams, total_amount: "4.5e3" })))).toBe("BAD_AMOUNT");
    expect(await reason(parse(notification({ ...paidParams, trade_status: "TRADE_PENDING" })))).toBe(
      "UNEXPECTED_STATE",
    );
  });

  it("maps statuses: FINISHED is paid, WAIT/CLOSED are ignored, out_biz_no + refund_fee is a refund", async () => {
    expect(await parse(notification({ ...paidParams, trade_status: "TRADE_FINISHED" }))).toMatchObject({
      kind: "paid",
    });
    expect(await parse(notification({ ...paidParams, trade_status: "WAIT_BUYER_PAY" }))).toMatchObject({
      kind: "ignored",
      detail: "WAIT_BUYER_PAY",
    });
    expect(
      await parse(
        notification({
          ...paidParams,
          trade_status: "TRADE_CLOSED",
          out_biz_no: "RF-A20261127001",
          refund_fee: "4599.90",
          gmt_refund: "2026-11-28 10:00:00.123",
        }),
      ),
    ).toEqual({
      kind: "refund",
      method: "alipay",
      outTradeNo: "A20261127001",
      outRefundNo: "RF-A20261127001",
      status: "SUCCESS",
      totalRefundedFen: 459_990,
    });
  });

  it("replies: ack is exactly `success`, nack is `failure` (HTTP 200 both)", async () => {
    const c = client();
    expect([c.ack().status, await c.ack().text()]).toEqual([200, "success"]);
    expect([c.nack("x").status, await c.nack("x").text()]).toEqual([200, "failure"]);
  });
});

describe("Alipay H5 redirect URL", () => {
  it("is the gateway URL with every signed parameter, including return_url, notify_url and quit_url", async () => {
    const params = await client().startPayment({
      outTradeNo: "A20261127002",
      amountFen: 129_900,
      description: "西门子 洗衣机 / 10kg",
      expiresAtMs: NOW_MS + 15 * 60_000,
      channel: "h5",
      returnUrl: "https://shop.example.com/pay/result",
      quitUrl: "https://shop.example.com/orders",
    });
    if (params.method !== "alipay" || params.channel !== "h5") throw new Error("expected h5");
    const url = new URL(params.redirectUrl);
    expect(url.origin + url.pathname).toBe("https://openapi.alipay.com/gateway.do");
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      method: "alipay.trade.wap.pay",
      return_url: "https://shop.example.com/pay/result",
      notify_url: "https://api.example.com/api/payments/notify/alipay",
    });
    expect(JSON.parse(p.biz_content!)).toEqual({
      out_trade_no: "A20261127002",
      total_amount: "1299.00",
      subject: "西门子 洗衣机 10kg",
      product_code: "QUICK_WAP_WAY",
      time_expire: "2026-11-27 16:15:00",
      quit_url: "https://shop.example.com/orders",
    });
    const { sign, ...rest } = p;
    expect(
      nodeVerify(
        "sha256",
        Buffer.from(alipayRequestSignContent(rest)),
        ids.appPublicKeyPem,
        Buffer.from(sign!, "base64"),
      ),
    ).toBe(true);
  });
});
