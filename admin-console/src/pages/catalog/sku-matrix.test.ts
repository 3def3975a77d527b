import { describe, expect, it } from "vitest";
import { combinations, dimensionsOf, fenToYuan, matrixRows, validateMatrix, yuanToFen } from "./sku-matrix";

describe("SKU matrix", () => {
  it("generates one row per combination and keeps what was typed when a dimension grows", () => {
    const colours = [{ name: "颜色", valuesText: "白色，灰色" }];
    expect(combinations(colours)).toEqual([{ 颜色: "白色" }, { 颜色: "灰色" }]);
    expect(combinations([])).toEqual([{}]);
    const rows = matrixRows(colours, []);
    rows[1]!.skuCode = "GREY";
    rows[1]!.price = "4199.5";
    const more = matrixRows([...colours, { name: "容量", valuesText: "520L、600L" }], rows);
    expect(more.map((r) => r.specs)).toEqual([
      { 颜色: "白色", 容量: "520L" },
      { 颜色: "白色", 容量: "600L" },
      { 颜色: "灰色", 容量: "520L" },
      { 颜色: "灰色", 容量: "600L" },
    ]);
    // Dropping 容量 again (values typed with other separators and a duplicate): no 1-dimension row is
    // left in `more`, so the rows start blank; from the original rows the grey one is reused as it was.
    const back = matrixRows([{ name: "颜色", valuesText: "白色, 灰色 灰色" }], more);
    expect(back).toHaveLength(2);
    expect(back[1]).toMatchObject({ skuCode: "", price: "" });
    const kept = matrixRows(colours, rows);
    expect(kept[1]).toBe(rows[1]);
    expect(dimensionsOf(more)).toEqual([
      { name: "颜色", valuesText: "白色，灰色" },
      { name: "容量", valuesText: "520L，600L" },
    ]);
  });

  it("reads yuan exactly into fen and back", () => {
    expect(yuanToFen("3999")).toBe(399_900);
    expect(yuanToFen("4199.5")).toBe(419_950);
    expect(yuanToFen("0.07")).toBe(7);
    expect(yuanToFen("19.999")).toBeUndefined();
    expect(yuanToFen("-1")).toBeUndefined();
    expect(yuanToFen("1e3")).toBeUndefined();
    expect(fenToYuan(419_950)).toBe("4199.50");
    expect(fenToYuan(399_900)).toBe("3999");
    expect(fenToYuan(null)).toBe("");
  });

  it("names each problem by the API's field path", () => {
    const dims = [
      { name: "颜色", valuesText: "白色，灰色" },
      { name: "颜色", valuesText: "" },
    ];
    const rows = matrixRows([dims[0]!], []);
    Object.assign(rows[0]!, { skuCode: "A-1", price: "10", originalPrice: "9", stock: "-2" });
    Object.assign(rows[1]!, { skuCode: "A-1", price: "0" });
    expect(validateMatrix(dims, rows)).toEqual({
      "dims.1.name": "规格名重复",
      "dims.1.values": "请填写规格值，用逗号分隔",
      "skus.0.originalPriceFen": "划线价不能低于售价",
      "skus.0.stock": "库存须为不小于 0 的整数",
      "skus.1.skuCode": "SKU 编码重复",
      "skus.1.priceFen": "售价必须大于 0",
    });
  });
});
