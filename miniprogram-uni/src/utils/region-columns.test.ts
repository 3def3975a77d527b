import { describe, expect, it } from "vitest";
import { codesAt, indexesOf, nextIndexes, regionColumns, regionLabel } from "./region-columns";

const nanshan = { provinceCode: "440000", cityCode: "440300", districtCode: "440305" };
const names = (options: { text: string }[] | undefined) => (options ?? []).map((o) => o.text);

describe("region picker columns", () => {
  it("round-trips saved codes through the column indexes", () => {
    const at = indexesOf(nanshan);
    expect(codesAt(at)).toEqual(nanshan);
    const [provinces, cities, counties] = regionColumns(at);
    expect(provinces).toHaveLength(34);
    expect(provinces![at[0]]!.text).toBe("广东省");
    expect(names(cities)).toContain("广州市");
    expect(names(cities)).not.toContain("杭州市");
    expect(counties![at[2]]!.text).toBe("南山区");
    expect(names(counties)).not.toContain("天河区");
  });

  it("links the columns: moving one resets the columns after it", () => {
    const at = indexesOf(nanshan);
    expect(nextIndexes(at, [at[0] + 1, at[1], at[2]])).toEqual([at[0] + 1, 0, 0]);
    expect(nextIndexes(at, [at[0], at[1] + 1, at[2]])).toEqual([at[0], at[1] + 1, 0]);
    expect(nextIndexes(at, [at[0], at[1], 0])).toEqual([at[0], at[1], 0]);
    // Every selection the picker can reach is a nested, existing triple.
    const zhejiang = nextIndexes(at, [indexesOf({ provinceCode: "330000" })[0], at[1], at[2]]);
    expect(codesAt(zhejiang)).toEqual({ provinceCode: "330000", cityCode: "330100", districtCode: "330102" });
  });

  it("starts at the first entries for missing or unknown codes", () => {
    expect(indexesOf({})).toEqual([0, 0, 0]);
    expect(indexesOf({ provinceCode: "440000", cityCode: "999900" })).toEqual([indexesOf(nanshan)[0], 0, 0]);
    expect(codesAt([0, 0, 0])).toEqual({ provinceCode: "110000", cityCode: "110100", districtCode: "110101" });
  });

  it("labels a selection, showing a municipality once", () => {
    expect(regionLabel(nanshan)).toBe("广东省 深圳市 南山区");
    expect(regionLabel({ provinceCode: "110000", cityCode: "110100", districtCode: "110105" })).toBe(
      "北京市 朝阳区",
    );
    expect(regionLabel({ provinceCode: "440000", cityCode: "440300", districtCode: "" })).toBe("");
  });
});
