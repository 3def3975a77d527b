import { areaList } from "@vant/area-data";
import { describe, expect, it } from "vitest";
import { cityOf, provinceOf, regionLevel, regionMatches, regionName, resolveRegion } from "./regions";

const shenzhenNanshan = { provinceCode: "440000", cityCode: "440300", districtCode: "440305" };

describe("the region data", () => {
  it("has the three levels of @vant/area-data 2.1.0, every code nested by prefix", () => {
    const provinces = Object.keys(areaList.province_list);
    const cities = Object.keys(areaList.city_list);
    const counties = Object.keys(areaList.county_list);
    expect([provinces.length, cities.length, counties.length]).toEqual([34, 369, 3479]);
    for (const c of cities) expect(provinceOf(c), c).toBe(`${c.slice(0, 2)}0000`);
    for (const c of cities) expect(regionName(provinceOf(c)!), c).toBeDefined();
    for (const d of counties) expect(regionName(cityOf(d)!), d).toBeDefined();
  });
});

describe("resolveRegion", () => {
  it("returns the names of codes that exist and nest", () => {
    expect(resolveRegion(shenzhenNanshan)).toEqual({
      ok: true,
      province: "广东省",
      city: "深圳市",
      district: "南山区",
    });
    // A municipality: the city level repeats the province's name.
    expect(resolveRegion({ provinceCode: "110000", cityCode: "110100", districtCode: "110105" })).toEqual({
      ok: true,
      province: "北京市",
      city: "北京市",
      district: "朝阳区",
    });
  });

  it("names the first field at fault in words", () => {
    expect(resolveRegion({ ...shenzhenNanshan, provinceCode: "990000" })).toEqual({
      ok: false,
      field: "province",
      message: "所选省份不存在",
    });
    // A city code where a province belongs is not a province.
    expect(resolveRegion({ ...shenzhenNanshan, provinceCode: "440300" })).toMatchObject({
      field: "province",
      message: "所选省份不存在",
    });
    expect(resolveRegion({ ...shenzhenNanshan, cityCode: "440399" })).toMatchObject({
      field: "city",
      message: "所选城市不存在",
    });
    // 杭州市 is a real city, but not in 广东省.
    expect(resolveRegion({ ...shenzhenNanshan, cityCode: "330100" })).toMatchObject({
      field: "city",
      message: "所选城市不属于该省份",
    });
    expect(resolveRegion({ ...shenzhenNanshan, districtCode: "440399" })).toMatchObject({
      field: "district",
      message: "所选区县不存在",
    });
    // 天河区 is in 广州市, not 深圳市.
    expect(resolveRegion({ ...shenzhenNanshan, districtCode: "440106" })).toMatchObject({
      field: "district",
      message: "所选区县不属于该城市",
    });
  });

  it("asks for a level that was not chosen, and rejects malformed codes", () => {
    expect(resolveRegion({ ...shenzhenNanshan, provinceCode: "" })).toMatchObject({
      field: "province",
      message: "请选择省份",
    });
    expect(resolveRegion({ ...shenzhenNanshan, cityCode: "" })).toMatchObject({ message: "请选择城市" });
    expect(resolveRegion({ ...shenzhenNanshan, districtCode: "" })).toMatchObject({ message: "请选择区县" });
    for (const bad of ["44000", "4400000", "44000a", "constructor", " 440000"]) {
      expect(resolveRegion({ ...shenzhenNanshan, provinceCode: bad }), bad).toMatchObject({
        field: "province",
        message: "所选省份不存在",
      });
    }
  });
});

describe("helpers for freight and delivery rules", () => {
  it("names codes at every level and nothing else", () => {
    expect(regionName("440000")).toBe("广东省");
    expect(regionName("440300")).toBe("深圳市");
    expect(regionName("440305")).toBe("南山区");
    expect(regionName("999999")).toBeUndefined();
    expect(regionName("toString")).toBeUndefined();
    expect(["440000", "440300", "440305", "440301"].map(regionLevel)).toEqual([
      "province",
      "city",
      "district",
      undefined,
    ]);
  });

  it("finds the province and city containing a code", () => {
    expect(["440000", "440300", "440305"].map(provinceOf)).toEqual(["440000", "440000", "440000"]);
    expect(["440000", "440300", "440305"].map(cityOf)).toEqual([undefined, "440300", "440300"]);
    expect(provinceOf("990000")).toBeUndefined();
    expect(cityOf("440399")).toBeUndefined();
  });

  it("matches a county against a province, city or county rule", () => {
    expect(regionMatches("440000", "440305")).toBe(true);
    expect(regionMatches("440300", "440305")).toBe(true);
    expect(regionMatches("440305", "440305")).toBe(true);
    expect(regionMatches("440100", "440305")).toBe(false);
    expect(regionMatches("330000", "440305")).toBe(false);
    expect(regionMatches("440304", "440305")).toBe(false);
    // Unknown codes on either side match nothing; a rule is never matched by a non-county.
    expect(regionMatches("990000", "440305")).toBe(false);
    expect(regionMatches("440000", "440399")).toBe(false);
    expect(regionMatches("440000", "440300")).toBe(false);
  });
});
