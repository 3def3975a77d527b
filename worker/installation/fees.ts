// Installation and carrying charges for the checkout pricing pipeline, and what the quote shows per
// line. Pure: the services are resolved per product beforehand (service.ts: installationServicesFor,
// a product's own category first, then its parent). All amounts integer fen.
import type { Adjustment, PricingStep } from "../checkout/pricing";
import { fenToYuan } from "../shared/money";

/** A category's installation service as the merchant configured it. */
export interface InstallationService {
  categoryId: number;
  /** Whether a work order is created for the line once paid (the shopper then books a slot). */
  requiresInstallation: boolean;
  /** What the basic service includes, e.g. "含基础安装、3米铜管、打孔1个". */
  includes: string;
  /** 支架, per unit; null = not offered. */
  bracketFeeFen: number | null;
  /** 高空作业, per unit; null = not offered. */
  highAltitudeFeeFen: number | null;
  /** 送货上楼 without a lift, per floor above `carryFreeFloors`, per unit; null = no charge. */
  carryFeePerFloorFen: number | null;
  /** Floors carried up free of charge (e.g. 1: the ground floor). */
  carryFreeFloors: number;
}

/** What a line needs from the pricing pipeline's lines. */
export interface InstallationLine {
  skuId: number;
  productId: number;
  quantity: number;
}

/** The shopper's checkout choices. */
export interface InstallationChoices {
  /** SKUs whose units get a bracket. */
  bracket?: readonly number[];
  /** SKUs installed at height (e.g. an outdoor unit outside a high window). */
  highAltitude?: readonly number[];
  /** The delivery floor. */
  floor?: number;
  hasLift?: boolean;
}

/** Services by product id. */
export type ServicesByProduct = ReadonlyMap<number, InstallationService>;

/** The pipeline step these adjustments belong to (and that work orders read their extras from). */
export const INSTALLATION_STEP = "installation";

/** Floors charged for carrying without a lift; 0 with a lift, or when the floor is unknown or free. */
export function chargedFloors(service: InstallationService, choices: InstallationChoices): number {
  if (choices.hasLift !== false || choices.floor === undefined) return 0;
  return Math.max(0, Math.floor(choices.floor) - service.carryFreeFloors);
}

/**
 * One adjustment per line and fee, for the lines whose category offers it and which the shopper chose:
 * 支架 and 高空作业 per unit, 送货上楼 per charged floor per unit. Choices naming SKUs without such a fee
 * are ignored (the quote lists what each line offers). Each adjustment is restricted to its line (`skuId`).
 */
export function installationCharges(
  lines: readonly InstallationLine[],
  services: ServicesByProduct,
  choices: InstallationChoices,
): Adjustment[] {
  const out: Adjustment[] = [];
  const bracket = new Set(choices.bracket ?? []);
  const highAltitude = new Set(choices.highAltitude ?? []);
  for (const line of lines) {
    const s = services.get(line.productId);
    if (!s || line.quantity <= 0) continue;
    const q = line.quantity;
    const charge = (kind: string, label: string, amountFen: number) => {
      if (amountFen > 0) out.push({ step: INSTALLATION_STEP, kind, label, amountFen, skuId: line.skuId });
    };
    if (bracket.has(line.skuId) && s.bracketFeeFen !== null)
      charge("installation", `支架 ×${q}`, s.bracketFeeFen * q);
    if (highAltitude.has(line.skuId) && s.highAltitudeFeeFen !== null)
      charge("installation", `高空作业 ×${q}`, s.highAltitudeFeeFen * q);
    const floors = chargedFloors(s, choices);
    if (floors > 0 && s.carryFeePerFloorFen !== null)
      charge("carrying", `送货上楼（无电梯，${choices.floor}楼）×${q}`, s.carryFeePerFloorFen * floors * q);
  }
  return out;
}

/**
 * The pipeline step: `runPricing(input, [...DEFAULT_PIPELINE, installationStep(services, choices)])`.
 * Its charges are restricted to their lines, so the pipeline allocates each to its own line.
 */
export const installationStep =
  (services: ServicesByProduct, choices: InstallationChoices): PricingStep =>
  (ctx) => ({
    ...ctx,
    adjustments: [...ctx.adjustments, ...installationCharges(ctx.lines, services, choices)],
  });

export type InstallationOptionKey = "bracket" | "highAltitude" | "carry";

export interface InstallationOption {
  key: InstallationOptionKey;
  label: string;
  /** Per unit (per floor per unit for carrying). */
  unitFen: number;
  /** "¥80.00/台" or "2楼以上每层 ¥10.00/台". */
  priceLabel: string;
}

/** What the quote shows for a line whose category has an installation service. */
export interface InstallationLineInfo {
  skuId: number;
  requiresInstallation: boolean;
  /** "需预约上门安装", "免费基础安装，无需预约" or "无需安装". */
  headline: string;
  includes: string;
  options: InstallationOption[];
}

/** Per line with a service (in the order of `lines`): whether it is installed, what that includes, the extras. */
export function installationQuoteLines(
  lines: readonly InstallationLine[],
  services: ServicesByProduct,
): InstallationLineInfo[] {
  return lines.flatMap((line) => {
    const s = services.get(line.productId);
    if (!s) return [];
    const options: InstallationOption[] = [];
    const perUnit = (fen: number) => `¥${fenToYuan(fen)}/台`;
    if (s.bracketFeeFen !== null)
      options.push({
        key: "bracket",
        label: "支架",
        unitFen: s.bracketFeeFen,
        priceLabel: perUnit(s.bracketFeeFen),
      });
    if (s.highAltitudeFeeFen !== null)
      options.push({
        key: "highAltitude",
        label: "高空作业",
        unitFen: s.highAltitudeFeeFen,
        priceLabel: perUnit(s.highAltitudeFeeFen),
      });
    if (s.carryFeePerFloorFen !== null)
      options.push({
        key: "carry",
        label: "无电梯送货上楼",
        unitFen: s.carryFeePerFloorFen,
        priceLabel: `${s.carryFreeFloors + 1}楼起每层 ${perUnit(s.carryFeePerFloorFen)}`,
      });
    return [
      {
        skuId: line.skuId,
        requiresInstallation: s.requiresInstallation,
        headline: s.requiresInstallation
          ? "需预约上门安装"
          : s.includes
            ? "免费基础安装，无需预约"
            : "无需安装",
        includes: s.includes,
        options,
      },
    ];
  });
}
