import { describe, expect, it } from "vitest";
import { restockSuggestion } from "./suggestions";

describe("restockSuggestion", () => {
  it("computes velocity, days of cover and the shortfall to the target", () => {
    expect(
      restockSuggestion({ available: 10, reserved: 0, soldInWindow: 28, windowDays: 14, targetDays: 30 }),
    ).toEqual({
      velocity: 2,
      daysOfCover: 5,
      suggestedQty: 50,
    });
  });

  it("suggests nothing when cover already exceeds the target", () => {
    expect(
      restockSuggestion({ available: 100, reserved: 3, soldInWindow: 7, windowDays: 7, targetDays: 30 }),
    ).toMatchObject({ velocity: 1, daysOfCover: 100, suggestedQty: 0 });
  });

  it("a SKU that does not sell has no cover figure and no suggestion", () => {
    expect(
      restockSuggestion({ available: 0, reserved: 0, soldInWindow: 0, windowDays: 14, targetDays: 30 }),
    ).toEqual({
      velocity: 0,
      daysOfCover: null,
      suggestedQty: 0,
    });
  });

  it("rounds the order quantity up to whole units and never reads negative net sales as demand", () => {
    expect(
      restockSuggestion({ available: 0, reserved: 0, soldInWindow: 1, windowDays: 3, targetDays: 10 })
        .suggestedQty,
    ).toBe(4);
    expect(
      restockSuggestion({ available: 0, reserved: 0, soldInWindow: -2, windowDays: 3, targetDays: 10 })
        .velocity,
    ).toBe(0);
  });
});
