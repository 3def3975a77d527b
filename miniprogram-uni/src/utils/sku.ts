/** SKU picker logic: which spec values can still be chosen, and which SKU a full selection names. */

export interface SkuLike {
  id: number;
  specs: Record<string, string>;
  /** The API's availability; absent means unknown (treated as available, the order decides). */
  availability?: { status: "in_stock" | "low" | "sold_out" };
}

export type Selection = Record<string, string | undefined>;

const inStock = (s: SkuLike) => s.availability?.status !== "sold_out";

function matches(s: SkuLike, sel: Selection): boolean {
  return Object.entries(sel).every(([k, v]) => v === undefined || s.specs[k] === v);
}

/**
 * Whether picking `value` for `dim` (keeping the other choices) leaves at least one SKU in stock.
 * Values that lead only to sold-out or non-existent combinations are shown disabled.
 */
export function isValueSelectable(skus: SkuLike[], sel: Selection, dim: string, value: string): boolean {
  const next = { ...sel, [dim]: value };
  return skus.some((s) => inStock(s) && matches(s, next));
}

/** The SKU a complete selection names (every dimension chosen), else undefined. */
export function selectedSku<T extends SkuLike>(skus: T[], dims: string[], sel: Selection): T | undefined {
  if (dims.some((d) => sel[d] === undefined)) return undefined;
  return skus.find((s) => dims.every((d) => s.specs[d] === sel[d]));
}

/** A sensible first selection: the first in-stock SKU (or the first SKU), so price and stock show at once. */
export function initialSelection(skus: SkuLike[]): Selection {
  const first = skus.find(inStock) ?? skus[0];
  return first ? { ...first.specs } : {};
}

/** Toggles a value: choosing the chosen value again clears it. */
export function toggleValue(sel: Selection, dim: string, value: string): Selection {
  return { ...sel, [dim]: sel[dim] === value ? undefined : value };
}

/** "颜色：白色 / 容量：500L" style summary of a selection, or the missing dimensions. */
export function selectionLabel(dims: string[], sel: Selection): string {
  const missing = dims.filter((d) => sel[d] === undefined);
  if (missing.length) return `请选择 ${missing.join(" ")}`;
  return dims.map((d) => sel[d]).join(" / ");
}
