/**
 * The address book over HTTP (real worker in workerd, real libSQL): regions are GB/T 2260 codes the
 * server checks and names, phones are mainland mobiles, and a rejected address writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, shopperToken, startStack } from "../../test/harness";

let stack: Stack;
let token: string;
let shopperId: number;

beforeAll(async () => {
  stack = await startStack();
  token = await shopperToken(stack, "地址校验买家");
  const me = await stack.sql.execute({
    sql: "SELECT id FROM shoppers WHERE nickname = ?",
    args: ["地址校验买家"],
  });
  shopperId = Number(me.rows[0]!.id);
});
afterAll(() => stack?.close());

const nanshan = {
  receiverName: "张三",
  phone: "13800138000",
  provinceCode: "440000",
  cityCode: "440300",
  districtCode: "440305",
  detail: "科技园一路 1 号",
};

type ErrorReply = { error: { code: string; message: string; details?: { field?: string } } };

const post = (body: unknown) => stack.fetch("/api/addresses", { method: "POST", token, json: body });

async function rows() {
  const r = await stack.sql.execute({
    sql: `SELECT province, city, district, province_code, city_code, district_code, phone, detail
          FROM addresses WHERE shopper_id = ? ORDER BY id`,
    args: [shopperId],
  });
  return r.rows.map((row) => ({ ...row }));
}

/** Sends a bad address and checks the 400, its message, and that the address book did not change. */
async function rejected(send: () => Promise<Response>, code: string, message: string, field?: string) {
  const before = await rows();
  const res = await send();
  const body = (await res.json()) as ErrorReply;
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(message);
  // The shopper reads the field in words, never a JSON key.
  expect(body.error.message).not.toMatch(/[A-Za-z]/);
  if (field) expect(body.error.details?.field).toBe(field);
  expect(await rows()).toEqual(before);
}

describe("addresses with validated regions", () => {
  it("saves the codes with the names the server derives from them; client-sent names are ignored", async () => {
    const res = await post({ ...nanshan, province: "火星省", city: "月球市", district: "环形山区" });
    const saved = (await res.json()) as Record<string, unknown>;
    expect(res.status, JSON.stringify(saved)).toBe(201);
    expect(saved).toMatchObject({
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      provinceCode: "440000",
      cityCode: "440300",
      districtCode: "440305",
      phone: "13800138000",
    });
    expect(await rows()).toEqual([
      {
        province: "广东省",
        city: "深圳市",
        district: "南山区",
        province_code: "440000",
        city_code: "440300",
        district_code: "440305",
        phone: "13800138000",
        detail: "科技园一路 1 号",
      },
    ]);
    const list = (await (await stack.fetch("/api/addresses", { token })).json()) as {
      items: Record<string, unknown>[];
    };
    expect(list.items.map((a) => [a.provinceCode, a.cityCode, a.districtCode, a.district])).toEqual([
      ["440000", "440300", "440305", "南山区"],
    ]);

    // Editing re-derives the names from the new codes.
    const edited = await stack.fetch(`/api/addresses/${saved.id}`, {
      method: "PUT",
      token,
      json: { ...nanshan, provinceCode: "110000", cityCode: "110100", districtCode: "110105" },
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ province: "北京市", city: "北京市", district: "朝阳区" });
    expect((await rows()).map((r) => [r.district, r.district_code])).toEqual([["朝阳区", "110105"]]);
  });

  it("rejects codes that do not exist or do not nest, naming the field, and writes nothing", async () => {
    await rejected(
      () => post({ ...nanshan, provinceCode: "990000" }),
      "INVALID_REGION",
      "所选省份不存在",
      "province",
    );
    await rejected(
      () => post({ ...nanshan, districtCode: "440399" }),
      "INVALID_REGION",
      "所选区县不存在",
      "district",
    );
    // 天河区 (440106) is in 广州市, not 深圳市.
    await rejected(
      () => post({ ...nanshan, districtCode: "440106" }),
      "INVALID_REGION",
      "所选区县不属于该城市",
      "district",
    );
    // 杭州市 (330100) is not in 广东省.
    await rejected(
      () => post({ ...nanshan, cityCode: "330100", districtCode: "330106" }),
      "INVALID_REGION",
      "所选城市不属于该省份",
      "city",
    );
    // An edit is checked the same way and leaves the saved address as it was.
    const [{ id }] = (
      (await (await stack.fetch("/api/addresses", { token })).json()) as { items: { id: number }[] }
    ).items as [{ id: number }];
    await rejected(
      () =>
        stack.fetch(`/api/addresses/${id}`, {
          method: "PUT",
          token,
          json: { ...nanshan, cityCode: "330100" },
        }),
      "INVALID_REGION",
      "所选城市不属于该省份",
      "city",
    );
  });

  it("rejects an old-style address with region names but no codes, naming the region field", async () => {
    const { provinceCode: _p, cityCode: _c, districtCode: _d, ...withoutCodes } = nanshan;
    await rejected(
      () => post({ ...withoutCodes, province: "广东省", city: "深圳市", district: "南山区" }),
      "INVALID_REGION",
      "请选择省份",
      "province",
    );
    await rejected(
      () => post({ ...nanshan, districtCode: undefined }),
      "INVALID_REGION",
      "请选择区县",
      "district",
    );
  });

  it("accepts mainland mobiles only", async () => {
    for (const phone of ["010-12345678", "02087654321", "138001380001", "1380013800", "12800138000"]) {
      await rejected(() => post({ ...nanshan, phone }), "VALIDATION_FAILED", "请填写正确的手机号码");
    }
  });
});
