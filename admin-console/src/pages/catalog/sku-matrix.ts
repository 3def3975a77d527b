/**
 * The SKU matrix of the product form, free of Vue: spec dimensions (颜色 × 容量) generate one row per
 * combination; rows keep what was typed into them when the dimensions change. Prices are typed in yuan
 * and sent in fen.
 */

export interface SpecDimension {
  name: string;
  /** Values as typed: 白色，灰色 (comma, 、 or space separated). */
  valuesText: string;
}

export interface SkuRow {
  /** Set for a SKU that exists already (an edit). */
  id?: number;
  specs: Record<string, string>;
  skuCode: string;
  /** Yuan, as typed: "3999" or "3999.50". */
  price: string;
  /** 划线价 in yuan, optional. */
  originalPrice: string;
  /** Sellable units to set; "" leaves the stock as it is. */
  stock: string;
  /** What the counter said when the page loaded (edits), to send only real changes. */
  stockWas?: number;
  active: boolean;
}

export const splitValues = (text: string) => [
  ...new Set(
    text
      .split(/[,，、;；\s]+/)
      .map((v) => v.trim())
      .filter(Boolean),
  ),
];

/** A stable key of a spec combination (dimension order does not matter). */
export const specKey = (specs: Record<string, string>) =>
  JSON.stringify(Object.entries(specs).sort(([a], [b]) => a.localeCompare(b)));

/** Every combination of the dimensions' values, in the order typed; no dimensions → one row without specs. */
export function combinations(dims: SpecDimension[]): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of dims) {
    const name = d.name.trim();
    const values = splitValues(d.valuesText);
    if (!name || !values.length) continue;
    out = out.flatMap((specs) => values.map((v) => ({ ...specs, [name]: v })));
  }
  return out;
}

const blankRow = (specs: Record<string, string>): SkuRow => ({
  specs,
  skuCode: "",
  price: "",
  originalPrice: "",
  stock: "",
  active: true,
});

/** The rows for `dims`, reusing the current row of each combination (its id, code, prices, stock). */
export function matrixRows(dims: SpecDimension[], current: SkuRow[]): SkuRow[] {
  const byKey = new Map(current.map((r) => [specKey(r.specs), r]));
  return combinations(dims).map((specs) => byKey.get(specKey(specs)) ?? blankRow(specs));
}

/** Dimensions that produce exactly the given SKUs' specs (first-seen order), for editing a product. */
export function dimensionsOf(list: { specs: Record<string, string> }[]): SpecDimension[] {
  const dims = new Map<string, string[]>();
  for (const s of list)
    for (const [k, v] of Object.entries(s.specs)) {
      const values = dims.get(k) ?? [];
      if (!values.includes(v)) values.push(v);
      dims.set(k, values);
    }
  return [...dims].map(([name, values]) => ({ name, valuesText: values.join("，") }));
}

const YUAN = /^\d{1,9}(\.\d{1,2})?$/;
/** "3999.5" → 399950; undefined when it is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | undefined {
  const t = text.trim();
  if (!YUAN.test(t)) return undefined;
  const [whole, cents = ""] = t.split(".");
  return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
}
export const fenToYuan = (fen: number | null | undefined) =>
  fen == null ? "" : (fen / 100).toFixed(2).replace(/\.00$/, "");

export const SKU_CODE = /^[A-Za-z0-9._-]{1,64}$/;

/** Problems of the dimensions and rows, keyed like the API's field paths (skus.1.priceFen …). */
export function validateMatrix(dims: SpecDimension[], rows: SkuRow[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const names = dims.map((d) => d.name.trim());
  dims.forEach((d, i) => {
    if (!names[i]) errors[`dims.${i}.name`] = "请填写规格名，如 颜色";
    else if (names.indexOf(names[i]!) !== i) errors[`dims.${i}.name`] = "规格名重复";
    else if (names[i]!.length > 16) errors[`dims.${i}.name`] = "规格名最多 16 个字";
    const values = splitValues(d.valuesText);
    if (!values.length) errors[`dims.${i}.values`] = "请填写规格值，用逗号分隔";
    else if (values.some((v) => v.length > 32)) errors[`dims.${i}.values`] = "规格值最多 32 个字";
  });
  if (!rows.length) errors.skus = "至少需要一个 SKU";
  if (rows.length > 100) errors.skus = "SKU 最多 100 个";
  const codes = rows.map((r) => r.skuCode.trim());
  rows.forEach((r, i) => {
    if (!codes[i]) errors[`skus.${i}.skuCode`] = "请填写 SKU 编码";
    else if (!SKU_CODE.test(codes[i]!))
      errors[`skus.${i}.skuCode`] = "只能包含字母、数字、点、下划线和短横线";
    else if (codes.indexOf(codes[i]!) !== i) errors[`skus.${i}.skuCode`] = "SKU 编码重复";
    const price = yuanToFen(r.price);
    if (price === undefined) errors[`skus.${i}.priceFen`] = "请填写售价（元，最多两位小数）";
    else if (price < 1) errors[`skus.${i}.priceFen`] = "售价必须大于 0";
    if (r.originalPrice.trim()) {
      const original = yuanToFen(r.originalPrice);
      if (original === undefined) errors[`skus.${i}.originalPriceFen`] = "划线价格式不正确";
      else if (price !== undefined && original < price)
        errors[`skus.${i}.originalPriceFen`] = "划线价不能低于售价";
    }
    if (r.stock.trim() && !/^\d{1,7}$/.test(r.stock.trim()))
      errors[`skus.${i}.stock`] = "库存须为不小于 0 的整数";
  });
  return errors;
}
