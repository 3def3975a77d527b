import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CARRIERS, carrierName, shipParcelsInput } from "./carriers";
import {
  beijingTimeToUtcMs,
  constantTimeEqual,
  parsePushParam,
  readPushForm,
  readSubscribeReply,
  signPush,
  stateText,
  subscribeForm,
  utcMsToBeijingTime,
  verifyPushSign,
} from "./kuaidi100";
import { md5Hex } from "./md5";

describe("md5Hex", () => {
  it("matches the RFC 1321 test suite", () => {
    const vectors: [string, string][] = [
      ["", "d41d8cd98f00b204e9800998ecf8427e"],
      ["a", "0cc175b9c0f1b6a831c399e269772661"],
      ["abc", "900150983cd24fb0d6963f7d28e17f72"],
      ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
      ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
      ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
      [
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "57edf4a22be3c955ac49da2e2107b67a",
      ],
    ];
    for (const [input, digest] of vectors) expect(md5Hex(input), JSON.stringify(input)).toBe(digest);
  });

  it("agrees with node:crypto on UTF-8 text and on every length around the block boundaries", () => {
    const texts = ["顺丰速运 已签收", "【深圳市】快件已到达 深圳转运中心", "🙂 emoji"];
    for (let n = 0; n <= 130; n++) texts.push(randomBytes(n).toString("base64").slice(0, n));
    for (const t of texts) expect(md5Hex(t)).toBe(createHash("md5").update(t, "utf8").digest("hex"));
    const bytes = randomBytes(1000);
    expect(md5Hex(bytes)).toBe(createHash("md5").update(bytes).digest("hex"));
  });
});

const SALT = "test-salt-8f2c";
const pushParam = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    status: "polling",
    message: "",
    lastResult: {
      message: "ok",
      state: "0",
      status: "200",
      condition: "F00",
      ischeck: "0",
      com: "shunfeng",
      nu: "SF1234567890",
      data: [
        {
          context: "【广州市】快件已到达 广州转运中心",
          time: "2026-12-06 10:00:00",
          ftime: "2026-12-06 10:00:00",
          status: "在途",
          areaCode: "CN440100000000",
          areaName: "广东,广州市",
        },
        {
          context: "【佛山市】顺德容桂营业点 已揽收",
          time: "2026-12-05 18:30:00",
          ftime: "2026-12-05 18:30:00",
          status: "揽收",
          areaCode: "CN440606000000",
          areaName: "广东,佛山市,顺德区",
        },
      ],
    },
    ...overrides,
  });

describe("push signature", () => {
  it("is md5(param + salt) in uppercase hex", () => {
    const param = pushParam();
    const sign = signPush(param, SALT);
    expect(sign).toBe(
      createHash("md5")
        .update(param + SALT, "utf8")
        .digest("hex")
        .toUpperCase(),
    );
    expect(sign).toMatch(/^[0-9A-F]{32}$/);
  });

  it("verifies the right sign and refuses forged, tampered, unsigned or unsalted pushes", () => {
    const param = pushParam();
    const sign = signPush(param, SALT);
    expect(verifyPushSign(param, sign, SALT)).toBe(true);
    expect(verifyPushSign(param, sign.toLowerCase(), SALT)).toBe(true);
    expect(verifyPushSign(param, signPush(param, "another-salt"), SALT)).toBe(false);
    expect(verifyPushSign(param.replace("SF1234567890", "SF1234567891"), sign, SALT)).toBe(false);
    expect(verifyPushSign(param, "", SALT)).toBe(false);
    expect(verifyPushSign(param, sign, undefined)).toBe(false);
    expect(verifyPushSign(param, sign, "")).toBe(false);
    // With an empty salt a sign is just md5(param): anyone could make one.
    expect(verifyPushSign(param, signPush(param, ""), "")).toBe(false);
  });

  it("compares in constant time, length differences included", () => {
    expect(constantTimeEqual("ABC", "ABC")).toBe(true);
    expect(constantTimeEqual("ABC", "ABD")).toBe(false);
    expect(constantTimeEqual("ABC", "ABCD")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });

  it("reads param and sign from the urlencoded body, Chinese and + included", () => {
    const param = pushParam();
    const body = new URLSearchParams({ param, sign: "ABC" }).toString();
    expect(readPushForm(body)).toEqual({ param, sign: "ABC" });
    expect(readPushForm("")).toEqual({ param: "", sign: "" });
  });
});

describe("Beijing time", () => {
  it("converts Beijing wall time to UTC ms (UTC+8, no DST) and back", () => {
    expect(beijingTimeToUtcMs("2026-12-06 10:00:00")).toBe(Date.UTC(2026, 11, 6, 2, 0, 0));
    // Just after midnight in Beijing is the previous day in UTC.
    expect(beijingTimeToUtcMs("2026-01-01 00:30:15")).toBe(Date.UTC(2025, 11, 31, 16, 30, 15));
    expect(beijingTimeToUtcMs("2026-07-01 08:00")).toBe(Date.UTC(2026, 6, 1, 0, 0, 0));
    expect(utcMsToBeijingTime(Date.UTC(2025, 11, 31, 16, 30, 15))).toBe("2026-01-01 00:30:15");
  });

  it("refuses malformed and impossible times", () => {
    for (const bad of ["", "2026-12-06", "06/12/2026 10:00", "2026-02-30 10:00:00", "2026-12-06 24:00:00"])
      expect(beijingTimeToUtcMs(bad), bad).toBeNull();
  });
});

describe("parsePushParam", () => {
  it("reads state, company, waybill and the traces newest first in UTC", () => {
    const push = parsePushParam(pushParam());
    expect(push).toMatchObject({
      monitorStatus: "polling",
      company: "shunfeng",
      number: "SF1234567890",
      state: 0,
      checked: false,
    });
    expect(push?.traces).toEqual([
      {
        time: Date.UTC(2026, 11, 6, 2, 0, 0),
        context: "【广州市】快件已到达 广州转运中心",
        status: "在途",
        areaName: "广东,广州市",
      },
      {
        time: Date.UTC(2026, 11, 5, 10, 30, 0),
        context: "【佛山市】顺德容桂营业点 已揽收",
        status: "揽收",
        areaName: "广东,佛山市,顺德区",
      },
    ]);
  });

  it("accepts resultv2-less traces (no status/area) and null fields", () => {
    const push = parsePushParam(
      JSON.stringify({
        status: "shutdown",
        lastResult: {
          state: 3,
          ischeck: "1",
          com: "ZhongTong",
          nu: "7500001",
          data: [{ context: "已签收", time: "2026-12-07 09:00:00", ftime: null, areaName: null }],
        },
      }),
    );
    expect(push).toMatchObject({ state: 3, checked: true, company: "zhongtong", monitorStatus: "shutdown" });
    expect(push?.traces[0]).toEqual({
      time: Date.UTC(2026, 11, 7, 1, 0, 0),
      context: "已签收",
      status: "",
      areaName: "",
    });
  });

  it("returns null for what is not a push", () => {
    expect(parsePushParam("not json")).toBeNull();
    expect(parsePushParam("{}")).toBeNull();
    expect(
      parsePushParam(JSON.stringify({ status: "polling", lastResult: { state: "0", com: "", nu: "1" } })),
    ).toBeNull();
    expect(
      parsePushParam(pushParam({ lastResult: { state: "x", com: "ems", nu: "1", data: [] } })),
    ).toBeNull();
  });
});

describe("subscription", () => {
  it("builds 快递100's form: schema=json and param with key, callback, salt, resultv2 and the phone", () => {
    const form = new URLSearchParams(
      subscribeForm({
        company: "shunfeng",
        number: "SF1234567890",
        key: "KEY",
        callbackUrl: "https://shop.example.com/api/logistics/kuaidi100/callback",
        salt: SALT,
        phone: "8000",
      }),
    );
    expect(form.get("schema")).toBe("json");
    expect(JSON.parse(form.get("param") ?? "")).toEqual({
      company: "shunfeng",
      number: "SF1234567890",
      key: "KEY",
      parameters: {
        callbackurl: "https://shop.example.com/api/logistics/kuaidi100/callback",
        salt: SALT,
        resultv2: "1",
        phone: "8000",
      },
    });
  });

  it("counts 200 and 501 (already subscribed) as success, anything else as failure", () => {
    expect(readSubscribeReply({ result: true, returnCode: "200", message: "提交成功" })).toMatchObject({
      ok: true,
      duplicate: false,
    });
    expect(readSubscribeReply({ result: false, returnCode: "501", message: "POLL:重复订阅" })).toMatchObject({
      ok: true,
      duplicate: true,
    });
    expect(readSubscribeReply({ result: false, returnCode: "700", message: "不支持的快递公司" })).toEqual({
      ok: false,
      returnCode: "700",
      message: "不支持的快递公司",
    });
    expect(readSubscribeReply({ result: false, returnCode: "200" })).toMatchObject({ ok: false });
    expect(readSubscribeReply(null)).toMatchObject({ ok: false });
  });
});

describe("states and carriers", () => {
  it("names 快递100 states, falling back to the trace's own word", () => {
    expect(stateText(3)).toBe("已签收");
    expect(stateText(14)).toBe("拒签");
    expect(stateText(0)).toBe("运输中");
    expect(stateText(99, "转运")).toBe("转运");
    expect(stateText(99)).toBe("状态 99");
  });

  it("lists the carriers by 快递100 code and validates shipments of 1–5 distinct parcels", () => {
    expect(CARRIERS.map((c) => c.code)).toEqual([
      "shunfeng",
      "jd",
      "ems",
      "zhongtong",
      "yuantong",
      "yunda",
      "shentong",
      "debangwuliu",
      "jtexpress",
      "rrs",
    ]);
    expect(carrierName("rrs")).toBe("日日顺物流");
    expect(carrierName("gone")).toBe("gone");
    const parcel = { carrierCode: "shunfeng", trackingNo: "SF1234567890" };
    expect(shipParcelsInput.safeParse([parcel]).success).toBe(true);
    expect(shipParcelsInput.safeParse([]).success).toBe(false);
    expect(shipParcelsInput.safeParse([parcel, parcel]).success).toBe(false);
    expect(shipParcelsInput.safeParse(Array(6).fill(parcel)).success).toBe(false);
    expect(shipParcelsInput.safeParse([{ carrierCode: "dhl", trackingNo: "SF1234567890" }]).success).toBe(
      false,
    );
    expect(shipParcelsInput.safeParse([{ carrierCode: "ems", trackingNo: "12 34" }]).success).toBe(false);
  });
});
