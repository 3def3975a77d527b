import { describe, expect, it } from "vitest";
import { pathOf, regionNames, regionOptions } from "./regions";

describe("console region options", () => {
  it("nests provinces, cities and counties by code prefix", () => {
    const guangdong = regionOptions().find((p) => p.value === "440000");
    expect(guangdong?.label).toBe("广东省");
    const shenzhen = guangdong?.children?.find((c) => c.value === "440300");
    expect(shenzhen?.label).toBe("深圳市");
    expect(shenzhen?.children?.map((d) => d.label)).toContain("南山区");
    // Every city sits under its own province, every county under its own city.
    for (const p of regionOptions())
      for (const c of p.children ?? []) {
        expect(c.value.slice(0, 2)).toBe(p.value.slice(0, 2));
        for (const d of c.children ?? []) expect(d.value.slice(0, 4)).toBe(c.value.slice(0, 4));
      }
  });

  it("turns a stored code into the cascader path of its level, and back to names", () => {
    expect(pathOf("440000")).toEqual(["440000"]);
    expect(pathOf("440300")).toEqual(["440000", "440300"]);
    expect(pathOf("440305")).toEqual(["440000", "440300", "440305"]);
    expect(regionNames(["440000", "440300", "440305"])).toBe("广东省、深圳市、南山区");
    expect(regionNames(["110000", "120000", "130000"], 2)).toBe("北京市、天津市 等 3 个地区");
    expect(regionNames([])).toBe("—");
  });
});
