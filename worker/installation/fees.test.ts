import { describe, expect, it } from "vitest";
import { DEFAULT_PIPELINE, runPricing } from "../checkout/pricing";
import {
  chargedFloors,
  type InstallationService,
  installationCharges,
  installationQuoteLines,
  installationStep,
} from "./fees";

const AC: InstallationService = {
  categoryId: 1,
  requiresInstallation: true,
  includes: "含基础安装、3米铜管、打孔1个",
  bracketFeeFen: 8000,
  highAltitudeFeeFen: 15000,
  carryFeePerFloorFen: 2000,
  carryFreeFloors: 1,
};
const TV: InstallationService = {
  categoryId: 2,
  requiresInstallation: true,
  includes: "含挂装或座装",
  bracketFeeFen: 9900,
  highAltitudeFeeFen: null,
  carryFeePerFloorFen: null,
  carryFreeFloors: 1,
};
const WASHER: InstallationService = {
  categoryId: 3,
  requiresInstallation: false,
  includes: "免费接通进水管、排水管",
  bracketFeeFen: null,
  highAltitudeFeeFen: null,
  carryFeePerFloorFen: 1000,
  carryFreeFloors: 3,
};
// product 10: AC (sku 100, 2 units), product 20: TV (sku 200), product 30: washer (sku 300), 40: fridge (none)
const services = new Map([
  [10, AC],
  [20, TV],
  [30, WASHER],
]);
const lines = [
  { skuId: 100, productId: 10, quantity: 2 },
  { skuId: 200, productId: 20, quantity: 1 },
  { skuId: 300, productId: 30, quantity: 1 },
  { skuId: 400, productId: 40, quantity: 1 },
];

describe("installationCharges", () => {
  it("charges nothing without choices", () => {
    expect(installationCharges(lines, services, {})).toEqual([]);
  });

  it("charges bracket and high-altitude per unit, one adjustment per line and fee, restricted to the line", () => {
    const out = installationCharges(lines, services, { bracket: [100, 200], highAltitude: [100] });
    expect(out).toEqual([
      { step: "installation", kind: "installation", label: "支架 ×2", amountFen: 16000, skuId: 100 },
      { step: "installation", kind: "installation", label: "高空作业 ×2", amountFen: 30000, skuId: 100 },
      { step: "installation", kind: "installation", label: "支架 ×1", amountFen: 9900, skuId: 200 },
    ]);
  });

  it("ignores choices for lines that do not offer the fee or have no service", () => {
    expect(installationCharges(lines, services, { bracket: [300, 400, 999], highAltitude: [200] })).toEqual(
      [],
    );
  });

  it("charges carrying per floor above the free floors, per unit, only without a lift", () => {
    const noLift = installationCharges(lines, services, { floor: 5, hasLift: false });
    expect(noLift).toEqual([
      {
        step: "installation",
        kind: "carrying",
        label: "送货上楼（无电梯，5楼）×2",
        amountFen: 4 * 2000 * 2,
        skuId: 100,
      },
      {
        step: "installation",
        kind: "carrying",
        label: "送货上楼（无电梯，5楼）×1",
        amountFen: 2 * 1000,
        skuId: 300,
      },
    ]);
    expect(installationCharges(lines, services, { floor: 5, hasLift: true })).toEqual([]);
    expect(installationCharges(lines, services, { floor: 5 })).toEqual([]);
    expect(installationCharges(lines, services, { floor: 1, hasLift: false })).toEqual([]);
  });

  it("counts floors above the threshold", () => {
    expect(chargedFloors(AC, { floor: 2, hasLift: false })).toBe(1);
    expect(chargedFloors(WASHER, { floor: 3, hasLift: false })).toBe(0);
    expect(chargedFloors(WASHER, { floor: 4, hasLift: false })).toBe(1);
    expect(chargedFloors(AC, { hasLift: false })).toBe(0);
  });

  it("fits the pricing pipeline: each charge lands on its own line and counts in the payable amount", () => {
    const items = lines.map((l) => ({
      ...l,
      name: `商品${l.skuId}`,
      specs: {},
      image: null,
      unitPriceFen: 100_000,
      weightG: 0,
    }));
    const choices = { bracket: [100], floor: 3, hasLift: false };
    const quote = runPricing({ items, shipping: { flatFeeFen: 0, freeOverFen: null } }, [
      ...DEFAULT_PIPELINE,
      installationStep(services, choices),
    ]);
    expect(quote.otherChargesFen).toBe(16000 + 2 * 2000 * 2);
    expect(quote.payableFen).toBe(500_000 + 16000 + 8000);
    const ac = quote.linePayments.find((l) => l.skuId === 100)!;
    expect(ac.payableFen).toBe(200_000 + 16000 + 8000);
    expect(quote.linePayments.find((l) => l.skuId === 200)!.payableFen).toBe(100_000);
  });
});

describe("installationQuoteLines", () => {
  it("tells per line whether it is installed, what that includes and which extras cost what", () => {
    const info = installationQuoteLines(lines, services);
    expect(info.map((i) => i.skuId)).toEqual([100, 200, 300]);
    expect(info[0]).toEqual({
      skuId: 100,
      requiresInstallation: true,
      headline: "需预约上门安装",
      includes: "含基础安装、3米铜管、打孔1个",
      options: [
        { key: "bracket", label: "支架", unitFen: 8000, priceLabel: "¥80.00/台" },
        { key: "highAltitude", label: "高空作业", unitFen: 15000, priceLabel: "¥150.00/台" },
        { key: "carry", label: "无电梯送货上楼", unitFen: 2000, priceLabel: "2楼起每层 ¥20.00/台" },
      ],
    });
    expect(info[1]!.options.map((o) => o.key)).toEqual(["bracket"]);
    expect(info[2]).toMatchObject({ requiresInstallation: false, headline: "免费基础安装，无需预约" });
  });

  it("says 无需安装 for a service that neither installs nor includes anything", () => {
    const none = new Map([[10, { ...WASHER, includes: "", carryFeePerFloorFen: null }]]);
    expect(installationQuoteLines(lines, none)[0]).toMatchObject({ headline: "无需安装", options: [] });
  });
});
