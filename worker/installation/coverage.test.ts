import { describe, expect, it } from "vitest";
import { matchArea, normalizeRegionName } from "./coverage";

const shenzhen = { id: 1, regions: [{ code: "440300", name: "深圳市" }] };
const nanshan = { id: 2, regions: [{ code: "440305", name: "南山区" }] };
const guangdong = { id: 3, regions: [{ code: "440000", name: "广东省" }] };
const beijing = { id: 4, regions: [{ code: "110000", name: "北京市" }] };
const nanjingGulou = { id: 5, regions: [{ code: "320106", name: "南京市鼓楼区" }] };
const areas = [guangdong, shenzhen, nanshan, beijing, nanjingGulou];

const addr = (province: string, city: string, district: string, codes: Record<string, string> = {}) => ({
  province,
  city,
  district,
  ...codes,
});

describe("matchArea", () => {
  it("picks the most specific area by codes", () => {
    const sz = { provinceCode: "440000", cityCode: "440300" };
    expect(matchArea(areas, addr("广东省", "深圳市", "南山区", { ...sz, districtCode: "440305" }))?.id).toBe(
      2,
    );
    expect(matchArea(areas, addr("广东省", "深圳市", "福田区", { ...sz, districtCode: "440304" }))?.id).toBe(
      1,
    );
    expect(matchArea(areas, addr("广东省", "广州市", "天河区", { districtCode: "440106" }))?.id).toBe(3);
    expect(matchArea(areas, addr("浙江省", "杭州市", "西湖区", { districtCode: "330106" }))).toBeUndefined();
  });

  it("uses codes over names when the address has codes", () => {
    // The names say 深圳 but the codes say 杭州: codes win.
    expect(
      matchArea([shenzhen], addr("广东省", "深圳市", "南山区", { districtCode: "330106" })),
    ).toBeUndefined();
  });

  it("falls back to names when the address has no codes", () => {
    expect(matchArea(areas, addr("广东省", "深圳市", "南山区"))?.id).toBe(2);
    expect(matchArea(areas, addr("广东", "深圳", "宝安区"))?.id).toBe(1);
    expect(matchArea(areas, addr("广东省", "佛山市", "顺德区"))?.id).toBe(3);
    expect(matchArea(areas, addr("北京市", "北京市", "朝阳区"))?.id).toBe(4);
    expect(matchArea(areas, addr("江苏省", "南京市", "鼓楼区"))?.id).toBe(5);
    expect(matchArea(areas, addr("福建省", "福州市", "鼓楼区"))).toBeUndefined();
  });

  it("ignores regions whose code names no region", () => {
    const bogus = { id: 9, regions: [{ code: "449900", name: "深圳市" }] };
    expect(
      matchArea([bogus], addr("广东省", "深圳市", "南山区", { districtCode: "440305" })),
    ).toBeUndefined();
    expect(matchArea([bogus], addr("广东省", "深圳市", "南山区"))).toBeUndefined();
  });

  it("normalizes region names", () => {
    expect(normalizeRegionName("广西壮族自治区")).toBe("广西");
    expect(normalizeRegionName(" 深圳市 ")).toBe("深圳");
    expect(normalizeRegionName("南山区")).toBe("南山区");
  });
});
