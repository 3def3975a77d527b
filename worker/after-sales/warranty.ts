/**
 * Warranty arithmetic. Pure. Coverage runs from the delivery (签收) date for a whole number of months,
 * counted on the China calendar (UTC+8, no DST): delivered on 2025-03-10 with 1 year → covered through
 * 2026-03-09, i.e. until 2026-03-10 00:00 Beijing time. A 29 February start ends on 1 March 00:00.
 */
import { WARRANTY_POLICIES, type WarrantyPolicy } from "./warranty-policies";

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** Start of the China calendar day `months` months after the China calendar day of `at`. */
export function addChinaMonths(at: number, months: number): number {
  const local = new Date(at + CHINA_OFFSET_MS);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + months, local.getUTCDate()) - CHINA_OFFSET_MS;
}

export interface Coverage {
  /** What is covered, e.g. "整机" or "压缩机". */
  part: string;
  months: number;
  /** Exclusive end, UTC epoch ms. */
  endsAt: number;
  active: boolean;
  /** Whole days left, rounded up; 0 once expired. */
  daysLeft: number;
  /** Who grants it when beyond 三包 (e.g. "部分品牌承诺"). */
  note?: string;
}

export interface WarrantyStatus {
  category: string;
  startsAt: number;
  wholeUnit: Coverage;
  mainParts?: Coverage & { parts: string[] };
  extensions: Coverage[];
  /** True while any coverage is active. */
  active: boolean;
}

function coverage(part: string, months: number, startsAt: number, now: number, note?: string): Coverage {
  const endsAt = addChinaMonths(startsAt, months);
  const active = now >= startsAt && now < endsAt;
  return {
    part,
    months,
    endsAt,
    active,
    daysLeft: now < endsAt ? Math.ceil((endsAt - Math.max(now, startsAt)) / DAY_MS) : 0,
    ...(note ? { note } : {}),
  };
}

/**
 * Warranty of an item delivered at `deliveredAt`, as of `now`. `wholeUnitMonths` (the product's own
 * promise, e.g. a 3-year TV) extends the category's whole-unit term, never shortens it.
 */
export function warrantyStatus(
  policy: WarrantyPolicy,
  deliveredAt: number,
  now: number,
  wholeUnitMonths?: number,
): WarrantyStatus {
  const wholeMonths = Math.max(policy.wholeUnitYears * 12, wholeUnitMonths ?? 0);
  const wholeUnit = coverage("整机", wholeMonths, deliveredAt, now);
  const mainParts =
    policy.mainParts.length > 0
      ? {
          ...coverage("主要部件", Math.max(policy.mainPartsYears * 12, wholeMonths), deliveredAt, now),
          parts: policy.mainParts,
        }
      : undefined;
  // The 整机 term is the product's own (products.warranty_months), never a second 整机 line.
  const extensions = policy.extensions
    .filter((e) => e.part !== "整机")
    .map((e) => coverage(e.part, e.years * 12, deliveredAt, now, e.note));
  return {
    category: policy.category,
    startsAt: deliveredAt,
    wholeUnit,
    ...(mainParts ? { mainParts } : {}),
    extensions,
    active: wholeUnit.active || Boolean(mainParts?.active) || extensions.some((e) => e.active),
  };
}

/**
 * The warranty policy for a catalog category, given its names from the most specific up (e.g.
 * ["滚筒洗衣机", "洗衣机"]): the first name that is, contains, or is an alias of a policy's category.
 */
export function policyForCategory(
  names: readonly string[],
  policies: readonly WarrantyPolicy[] = WARRANTY_POLICIES,
): WarrantyPolicy | undefined {
  for (const name of names) {
    const found = policies.find(
      (p) => name === p.category || name.includes(p.category) || p.aliases.some((a) => name.includes(a)),
    );
    if (found) return found;
  }
  return undefined;
}

/** The 三包 baseline for categories no policy names (e.g. 油烟机): whole unit only. */
export function baselinePolicy(category: string): WarrantyPolicy {
  return {
    slug: "baseline",
    category,
    aliases: [],
    wholeUnitYears: 1,
    mainParts: [],
    mainPartsYears: 1,
    extensions: [],
    exclusions: [],
  };
}
