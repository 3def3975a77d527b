import { describe, expect, it } from "vitest";
import { repairFees } from "./fees";

describe("repairFees", () => {
  const parts = [
    { name: "电源板", quantity: 1, unitFen: 12_000 },
    { name: "保险丝", quantity: 2, unitFen: 500 },
  ];

  it("records parts and labour but charges nothing in warranty", () => {
    expect(repairFees(parts, 8_000, true)).toEqual({ partsFen: 13_000, laborFen: 8_000, chargeFen: 0 });
  });

  it("charges parts (quantity × unit price) plus labour out of warranty", () => {
    expect(repairFees(parts, 8_000, false)).toEqual({ partsFen: 13_000, laborFen: 8_000, chargeFen: 21_000 });
    expect(repairFees([], 0, false)).toEqual({ partsFen: 0, laborFen: 0, chargeFen: 0 });
  });
});
