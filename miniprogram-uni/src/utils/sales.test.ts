import { describe, expect, it } from "vitest";
import { soldLabel } from "./sales";

describe("已售 label", () => {
  it("hides zero, is exact below 100 and rounds down above", () => {
    expect(soldLabel(0)).toBe("");
    expect(soldLabel(undefined)).toBe("");
    expect(soldLabel(7)).toBe("已售 7");
    expect(soldLabel(99)).toBe("已售 99");
    expect(soldLabel(100)).toBe("已售 100+");
    expect(soldLabel(385)).toBe("已售 300+");
    expect(soldLabel(1000)).toBe("已售 1000+");
    expect(soldLabel(1999)).toBe("已售 1000+");
    expect(soldLabel(9999)).toBe("已售 9000+");
    expect(soldLabel(23_456)).toBe("已售 2万+");
  });
});
