import { describe, expect, it } from "vitest";
import { codesOfDistrict } from "./deliver-region";
import { regionLabel } from "./region-columns";

describe("deliver-to region", () => {
  it("derives province and city from a district code", () => {
    expect(codesOfDistrict("440305")).toEqual({ provinceCode: "440000", cityCode: "440300", districtCode: "440305" });
    expect(regionLabel(codesOfDistrict("650102")!)).toBe("新疆维吾尔自治区 乌鲁木齐市 天山区");
    expect(regionLabel(codesOfDistrict("110105")!)).toBe("北京市 朝阳区");
  });

  it("refuses what is not an existing district", () => {
    expect(codesOfDistrict(null)).toBeNull();
    expect(codesOfDistrict("440300")).toBeNull();
    expect(codesOfDistrict("999999")).toBeNull();
    expect(codesOfDistrict("4403")).toBeNull();
  });
});
