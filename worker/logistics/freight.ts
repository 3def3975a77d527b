// 运费: freight for a cart to one destination, from the merchant's templates. Pure.
//
// How a product ships: by a template, free, a fixed fee per line, or the shop's default rule (a flat
// fee, free over a goods amount), which products without a template keep.
//
// A template charges by piece, weight (grams) or volume (cm³): the first `firstUnits` cost `firstFeeFen`,
// each further `additionalUnits` (started) cost `additionalFeeFen`. The rule is the first region rule
// naming the destination, else the default rule. Free-shipping rules are per region and explicit about
// their condition: `minUnits` and/or `minAmountFen` (goods amount after discounts), combined by `match`
// ("all" = every condition set must hold, "any" = one is enough).
//
// Several templates in one cart (the rule CRMEB uses): the group whose first fee is the largest pays its
// first fee once, plus its further units; every other template pays only its further-unit fee, for
// all its units (its first units are not "first" any more). Free groups pay nothing. Fixed-fee lines add
// their fee; the shop-default lines add the flat fee unless their goods reach the free-over amount.
//
// The freight is split over the lines that caused it (largest remainder): a template group's charge by
// the lines' units, a fixed fee to its line, the flat fee by goods amount.
import { allocateFen } from "../shared/allocate";
import { fenToYuan } from "../shared/money";
import { regionMatches } from "./regions";

export type ChargeBy = "piece" | "weight" | "volume";

export interface FreightRule {
  /** Province, city or district codes (GB/T 2260); a rule covers every district inside them. */
  regions: string[];
  firstUnits: number;
  firstFeeFen: number;
  /** > 0: a step of 0 would make every further unit free, which is a mistake, not a rule. */
  additionalUnits: number;
  additionalFeeFen: number;
}

export interface FreeShippingRule {
  regions: string[];
  /** Pieces, grams or cm³ as the template counts; null = no condition on units. */
  minUnits: number | null;
  /** Goods amount after discounts; null = no condition on the amount. */
  minAmountFen: number | null;
  match: "all" | "any";
}

export interface FreightTemplate {
  id: number;
  name: string;
  chargeBy: ChargeBy;
  defaultRule: Omit<FreightRule, "regions">;
  regionRules: FreightRule[];
  freeRules: FreeShippingRule[];
  undeliverable: string[];
}

export type LineShipping =
  | { mode: "template"; templateId: number }
  | { mode: "free" }
  | { mode: "fixed"; feeFen: number }
  | { mode: "shop_default" };

export interface FreightLine {
  skuId: number;
  quantity: number;
  weightG: number;
  volumeCm3: number;
  shipping: LineShipping;
  /** The line's goods amount after discounts (what free-shipping thresholds compare). */
  goodsFen: number;
}

export interface ShopDefaultRule {
  flatFeeFen: number;
  freeOverFen: number | null;
}

export interface FreightQuote {
  totalFen: number;
  allocations: { skuId: number; amountFen: number }[];
  /** Lines whose template does not deliver to the destination. */
  undeliverable: number[];
  /** Shown to the shopper: "运费", "包邮", "满99元包邮"… */
  label: string;
}

const inAny = (codes: string[], district: string | null) =>
  district !== null && codes.some((c) => regionMatches(c, district));

function unitsOf(line: FreightLine, by: ChargeBy): number {
  if (by === "piece") return line.quantity;
  return (by === "weight" ? line.weightG : line.volumeCm3) * line.quantity;
}

export function ruleFor(t: FreightTemplate, district: string | null): Omit<FreightRule, "regions"> {
  return t.regionRules.find((r) => inAny(r.regions, district)) ?? t.defaultRule;
}

export function isFree(
  t: FreightTemplate,
  district: string | null,
  units: number,
  goodsFen: number,
): boolean {
  return t.freeRules.some((f) => {
    if (!inAny(f.regions, district)) return false;
    const checks = [
      f.minUnits === null ? null : units >= f.minUnits,
      f.minAmountFen === null ? null : goodsFen >= f.minAmountFen,
    ].filter((c): c is boolean => c !== null);
    if (checks.length === 0) return true;
    return f.match === "all" ? checks.every(Boolean) : checks.some(Boolean);
  });
}

const furtherFee = (rule: Omit<FreightRule, "regions">, units: number) =>
  Math.ceil(Math.max(units, 0) / rule.additionalUnits) * rule.additionalFeeFen;

/**
 * The freight for `lines` to `district` (null: no address yet, default rules apply). Templates the
 * lines name must be in `templates`; a missing one is a programming error.
 */
export function computeFreight(
  lines: FreightLine[],
  templates: ReadonlyMap<number, FreightTemplate>,
  district: string | null,
  shopDefault: ShopDefaultRule,
): FreightQuote {
  const charges = new Map<number, number>();
  const add = (skuId: number, fen: number) => charges.set(skuId, (charges.get(skuId) ?? 0) + fen);
  const undeliverable: number[] = [];

  // Template groups, undeliverable lines aside.
  const groups = new Map<number, FreightLine[]>();
  for (const l of lines) {
    if (l.shipping.mode !== "template") continue;
    const t = templates.get(l.shipping.templateId);
    if (!t) throw new Error(`freight template ${l.shipping.templateId} not loaded`);
    if (inAny(t.undeliverable, district)) {
      undeliverable.push(l.skuId);
      continue;
    }
    groups.set(t.id, [...(groups.get(t.id) ?? []), l]);
  }
  const charged = [...groups].flatMap(([id, group]) => {
    const t = templates.get(id)!;
    const units = group.reduce((n, l) => n + unitsOf(l, t.chargeBy), 0);
    const goods = group.reduce((n, l) => n + l.goodsFen, 0);
    if (isFree(t, district, units, goods)) return [];
    return [{ t, group, units, rule: ruleFor(t, district) }];
  });
  // The largest first fee is charged once; ties go to the lower template id (stable).
  const lead = charged.reduce<(typeof charged)[number] | undefined>(
    (best, g) =>
      !best ||
      g.rule.firstFeeFen > best.rule.firstFeeFen ||
      (g.rule.firstFeeFen === best.rule.firstFeeFen && g.t.id < best.t.id)
        ? g
        : best,
    undefined,
  );
  for (const g of charged) {
    const fee =
      g === lead
        ? g.rule.firstFeeFen + furtherFee(g.rule, g.units - g.rule.firstUnits)
        : furtherFee(g.rule, g.units);
    const parts = allocateFen(
      fee,
      g.group.map((l) => unitsOf(l, g.t.chargeBy)),
    );
    for (const [i, l] of g.group.entries()) add(l.skuId, parts[i]!);
  }

  for (const l of lines) if (l.shipping.mode === "fixed") add(l.skuId, l.shipping.feeFen);

  const defaults = lines.filter((l) => l.shipping.mode === "shop_default");
  const defaultGoods = defaults.reduce((n, l) => n + l.goodsFen, 0);
  let label = "运费";
  if (defaults.length) {
    const free = shopDefault.freeOverFen !== null && defaultGoods >= shopDefault.freeOverFen;
    if (!free) {
      const parts = allocateFen(
        shopDefault.flatFeeFen,
        defaults.map((l) => l.goodsFen),
      );
      for (const [i, l] of defaults.entries()) add(l.skuId, parts[i]!);
    } else if (defaults.length === lines.length) label = `满${fenToYuan(shopDefault.freeOverFen!)}元包邮`;
  }

  const allocations = lines.map((l) => ({ skuId: l.skuId, amountFen: charges.get(l.skuId) ?? 0 }));
  const totalFen = allocations.reduce((n, a) => n + a.amountFen, 0);
  if (totalFen === 0 && label === "运费") label = "包邮";
  return { totalFen, allocations, undeliverable, label };
}
