import { describe, expect, it } from "vitest";
import { byDistance, EARTH_RADIUS_M, haversineMeters } from "./geo";

describe("haversineMeters", () => {
  it("is zero for the same point and symmetric", () => {
    const p = { lat: 30.2741, lng: 120.1551 };
    expect(haversineMeters(p, p)).toBe(0);
    const q = { lat: 31.2304, lng: 121.4737 };
    expect(haversineMeters(p, q)).toBeCloseTo(haversineMeters(q, p), 6);
  });

  it("matches known distances", () => {
    // One degree of latitude along a meridian is πR/180.
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 1, lng: 0 })).toBeCloseTo(
      (Math.PI * EARTH_RADIUS_M) / 180,
      3,
    );
    // Antipodes: half the circumference.
    expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(
      Math.PI * EARTH_RADIUS_M,
      3,
    );
    // Beijing (Tiananmen) – Shanghai (People's Square): about 1,067 km by great circle.
    const d = haversineMeters({ lat: 39.9087, lng: 116.3975 }, { lat: 31.2317, lng: 121.4726 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
  });

  it("shrinks east-west distances towards the poles", () => {
    const atEquator = haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 });
    const at60 = haversineMeters({ lat: 60, lng: 0 }, { lat: 60, lng: 1 });
    expect(at60 / atEquator).toBeCloseTo(0.5, 2);
  });
});

describe("byDistance", () => {
  it("orders nearest first and annotates whole metres", () => {
    const from = { lat: 30.25, lng: 120.16 };
    const items = [
      { name: "far", lat: 31.23, lng: 121.47 },
      { name: "near", lat: 30.251, lng: 120.161 },
      { name: "mid", lat: 30.3, lng: 120.2 },
    ];
    const sorted = byDistance(items, from);
    expect(sorted.map((i) => i.name)).toEqual(["near", "mid", "far"]);
    expect(sorted.every((i) => Number.isInteger(i.distanceM))).toBe(true);
    expect(sorted[0]!.distanceM).toBeLessThan(200);
  });
});
