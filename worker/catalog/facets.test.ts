import { describe, expect, it } from "vitest";
import { facetsFrom } from "./facets";

const row = (key: string, value: number | string, n: number) => ({
  key,
  num_value: typeof value === "number" ? value : null,
  text_value: typeof value === "string" ? value : null,
  n,
});

describe("category filter facets", () => {
  it("lists the defined attributes in order, options sorted and labelled, with counts", () => {
    const values = [
      row("ac_type", "柜机", 2),
      row("ac_type", "挂机", 5),
      row("horsepower", 3, 2),
      row("horsepower", 1.5, 5),
      row("horsepower", 1, 1),
      row("width_mm", 800, 3),
    ];
    expect(facetsFrom(values, ["horsepower", "ac_type"])).toEqual([
      {
        key: "horsepower",
        label: "匹数",
        options: [
          { value: "1", label: "1匹", count: 1 },
          { value: "1.5", label: "1.5匹", count: 5 },
          { value: "3", label: "3匹", count: 2 },
        ],
      },
      {
        key: "ac_type",
        label: "空调类型",
        options: [
          { value: "挂机", label: "挂机", count: 5 },
          { value: "柜机", label: "柜机", count: 2 },
        ],
      },
    ]);
  });
  it("skips attributes no product has and number attributes with too many values to scan", () => {
    const many = Array.from({ length: 9 }, (_, i) => row("capacity_l", 100 + i * 50, 1));
    expect(
      facetsFrom([...many, row("energy_grade", 1, 3)], ["screen_inch", "capacity_l", "energy_grade"]),
    ).toEqual([
      { key: "energy_grade", label: "能效等级", options: [{ value: "1", label: "一级能效", count: 3 }] },
    ]);
  });
});
