// 商品对比, free of I/O: up to COMPARE_MAX products of one category side by side, one row per
// attribute any of them has (in the catalog's attribute order), "—" where a product lacks it, and each
// row marked when the values differ, so the page can offer 只看不同.
import { ATTRIBUTES, type AttributeKey, type AttributeValues, formatAttribute } from "../catalog/attributes";

export const COMPARE_MAX = 4;

export interface ComparedProduct {
  id: number;
  categoryId: number;
  attributes: AttributeValues;
}

export interface CompareRow {
  key: string;
  label: string;
  values: string[];
  differs: boolean;
}

export type CompareCheck = { ok: true } | { ok: false; message: string };

/** The ids asked for must be 2–4 distinct products that exist, all of one category. */
export function checkComparable(ids: readonly number[], found: readonly ComparedProduct[]): CompareCheck {
  if (new Set(ids).size !== ids.length) return { ok: false, message: "对比的商品不能重复" };
  if (ids.length < 2) return { ok: false, message: "请至少选择 2 件商品对比" };
  if (ids.length > COMPARE_MAX) return { ok: false, message: `最多同时对比 ${COMPARE_MAX} 件商品` };
  if (found.length !== ids.length) return { ok: false, message: "部分商品已下架或不存在" };
  if (new Set(found.map((p) => p.categoryId)).size > 1)
    return { ok: false, message: "只能对比同一品类的商品" };
  return { ok: true };
}

export function compareRows(products: readonly ComparedProduct[]): CompareRow[] {
  return (Object.keys(ATTRIBUTES) as AttributeKey[])
    .filter((k) => products.some((p) => p.attributes[k] !== undefined))
    .map((k) => {
      const values = products.map((p) => {
        const v = p.attributes[k];
        return v === undefined ? "—" : formatAttribute(k, v);
      });
      return { key: k, label: ATTRIBUTES[k].label, values, differs: new Set(values).size > 1 };
    });
}
