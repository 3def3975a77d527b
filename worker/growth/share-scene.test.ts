import { describe, expect, it } from "vitest";
import { decodeScene, encodeScene, SCENE_MAX, sharePath } from "./share-scene";

describe("poster scenes (getwxacodeunlimit: ≤ 32 visible characters)", () => {
  it("round-trips a product share with a referrer", () => {
    const ref = { referrer: "ABCD2345", target: { kind: "product" as const, id: 123456 } };
    const scene = encodeScene(ref);
    expect(scene).toBe("r=ABCD2345&p=2n9c");
    expect(decodeScene(scene)).toEqual(ref);
    // WeChat hands the scene to the page URL-encoded.
    expect(decodeScene(encodeURIComponent(scene))).toEqual(ref);
  });
  it("round-trips a group share and stays within 32 characters for the largest ids", () => {
    const g = { referrer: "ZZZZZZZZ", target: { kind: "group" as const, groupNo: "G261206ABCDEF" } };
    expect(encodeScene(g).length).toBeLessThanOrEqual(SCENE_MAX);
    expect(decodeScene(encodeScene(g))).toEqual(g);
    const p = encodeScene({ referrer: "ZZZZZZZZ", target: { kind: "product", id: Number.MAX_SAFE_INTEGER } });
    expect(p.length).toBeLessThanOrEqual(SCENE_MAX);
  });
  it("works without a referrer", () => {
    expect(decodeScene(encodeScene({ target: { kind: "product", id: 7 } }))).toEqual({
      target: { kind: "product", id: 7 },
    });
  });
  it("refuses to build a scene WeChat would reject", () => {
    expect(() => encodeScene({ target: { kind: "group", groupNo: `G${"A".repeat(40)}` } })).toThrow(
      RangeError,
    );
  });
  it("ignores scenes that are not ours", () => {
    for (const s of ["", "x=1", "r=abc&p=1", "p=", `r=ABCD2345&p=${"1".repeat(40)}`, "%E0%A4%A", "g=lower"])
      expect(decodeScene(s)).toBeNull();
  });
  it("share paths carry the referrer", () => {
    expect(sharePath({ referrer: "ABCD2345", target: { kind: "product", id: 9 } })).toBe(
      "pages/product/detail?id=9&ref=ABCD2345",
    );
    expect(sharePath({ target: { kind: "group", groupNo: "G261206ABCDEF" } })).toBe(
      "pages/group-buy/group?groupNo=G261206ABCDEF",
    );
  });
});
