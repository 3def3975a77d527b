import { describe, expect, it } from "vitest";
import type { Address } from "./service";
import { addressSnapshot } from "./snapshot";

const saved: Address = {
  id: 1,
  shopperId: 7,
  receiverName: "张三",
  phone: "13800138000",
  province: "广东省",
  city: "深圳市",
  district: "南山区",
  provinceCode: "440000",
  cityCode: "440300",
  districtCode: "440305",
  detail: "科技园一路 1 号",
  isDefault: true,
  createdAt: 0,
  updatedAt: 0,
};

describe("addressSnapshot", () => {
  it("copies the region codes with the names", () => {
    expect(addressSnapshot(saved)).toEqual({
      receiverName: "张三",
      phone: "13800138000",
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      provinceCode: "440000",
      cityCode: "440300",
      districtCode: "440305",
      detail: "科技园一路 1 号",
    });
  });

  it("leaves the codes out for an address saved before regions were validated", () => {
    const snapshot = addressSnapshot({ ...saved, provinceCode: null, cityCode: null, districtCode: null });
    expect(snapshot).not.toHaveProperty("provinceCode");
    expect(snapshot).not.toHaveProperty("districtCode");
    expect(snapshot.district).toBe("南山区");
  });
});
