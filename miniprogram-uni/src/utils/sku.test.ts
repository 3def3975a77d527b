import { describe, expect, it } from "vitest";
import { initialSelection, isValueSelectable, selectedSku, selectionLabel, toggleValue } from "./sku";

const skus = [
  { id: 1, specs: { 颜色: "白", 容量: "500L" }, availability: { status: "low" as const } },
  { id: 2, specs: { 颜色: "白", 容量: "600L" }, availability: { status: "sold_out" as const } },
  { id: 3, specs: { 颜色: "灰", 容量: "600L" }, availability: { status: "in_stock" as const } },
];
const dims = ["颜色", "容量"];

describe("sku picker", () => {
  it("disables values that only lead to sold-out or missing combinations", () => {
    expect(isValueSelectable(skus, { 颜色: "白" }, "容量", "600L")).toBe(false);
    expect(isValueSelectable(skus, { 颜色: "灰" }, "容量", "600L")).toBe(true);
    expect(isValueSelectable(skus, { 颜色: "灰" }, "容量", "500L")).toBe(false);
    expect(isValueSelectable(skus, {}, "颜色", "白")).toBe(true);
  });

  it("treats SKUs without availability as available", () => {
    expect(isValueSelectable([{ id: 9, specs: { a: "x" } }], {}, "a", "x")).toBe(true);
  });

  it("names the SKU only when every dimension is chosen", () => {
    expect(selectedSku(skus, dims, { 颜色: "灰" })).toBeUndefined();
    expect(selectedSku(skus, dims, { 颜色: "灰", 容量: "600L" })?.id).toBe(3);
  });

  it("starts from the first in-stock SKU and toggles values off", () => {
    const sel = initialSelection([skus[1]!, skus[2]!]);
    expect(sel).toEqual({ 颜色: "灰", 容量: "600L" });
    expect(toggleValue(sel, "颜色", "灰").颜色).toBeUndefined();
    expect(selectionLabel(dims, { 颜色: "灰" })).toBe("请选择 容量");
    expect(selectionLabel(dims, sel)).toBe("灰 / 600L");
  });
});
