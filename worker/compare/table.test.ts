import { describe, expect, it } from "vitest";
import { checkComparable, compareRows } from "./table";

const tv = (id: number, attributes: Record<string, string | number>, categoryId = 1) => ({
  id,
  categoryId,
  attributes,
});

describe("商品对比", () => {
  it("rows follow the attribute order, show — where missing, and mark differences", () => {
    const rows = compareRows([
      tv(1, { screen_inch: 65, resolution: "4K", energy_grade: 1 }),
      tv(2, { screen_inch: 75, resolution: "4K" }),
    ]);
    expect(rows).toEqual([
      { key: "energy_grade", label: "能效等级", values: ["一级能效", "—"], differs: true },
      { key: "screen_inch", label: "屏幕尺寸", values: ["65英寸", "75英寸"], differs: true },
      { key: "resolution", label: "分辨率", values: ["4K", "4K"], differs: false },
    ]);
  });
  it("needs 2–4 distinct existing products of one category", () => {
    const a = tv(1, {});
    const b = tv(2, {});
    expect(checkComparable([1, 2], [a, b])).toEqual({ ok: true });
    expect(checkComparable([1], [a])).toMatchObject({ ok: false, message: "请至少选择 2 件商品对比" });
    expect(checkComparable([1, 1], [a])).toMatchObject({ ok: false });
    expect(checkComparable([1, 2, 3, 4, 5], [])).toMatchObject({
      ok: false,
      message: "最多同时对比 4 件商品",
    });
    expect(checkComparable([1, 3], [a])).toMatchObject({ ok: false, message: "部分商品已下架或不存在" });
    expect(checkComparable([1, 2], [a, tv(2, {}, 9)])).toMatchObject({
      ok: false,
      message: "只能对比同一品类的商品",
    });
  });
});
