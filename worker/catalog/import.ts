import type { Db } from "../db/client";
import { AppError, badRequest } from "../shared/errors";
import { yuanToFen } from "../shared/money";
import { describeIssues } from "../shared/validation";
import { parseCsv, parsePairs } from "./csv";
import { type ProductInput, productInput } from "./model";
import { categories } from "./schema";
import { createProduct } from "./service";

export const CSV_COLUMNS = [
  "product_ref",
  "category",
  "name",
  "subtitle",
  "brand",
  "status",
  "warranty_months",
  "attributes",
  "description",
  "sku_code",
  "specs",
  "price",
  "original_price",
  "barcode",
  "weight_g",
  "volume_cm3",
] as const;

/** One product to import: its rows in the file (for the report), and either the input or what is wrong. */
export interface ImportItem {
  rows: number[];
  ref: string;
  categoryName?: string;
  input?: unknown;
  errors: string[];
}

const MAX_ITEMS = 500;

export function parseImportBody(raw: string, contentType: string): ImportItem[] {
  const trimmed = raw.trim();
  if (contentType.includes("json") || trimmed.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(trimmed);
    } catch {
      throw badRequest("导入文件不是有效的 JSON");
    }
    if (!Array.isArray(data)) throw badRequest("JSON 导入需要一个商品数组");
    if (data.length > MAX_ITEMS) throw badRequest(`一次最多导入 ${MAX_ITEMS} 个商品`);
    return data.map((item, i) => {
      const obj = (typeof item === "object" && item ? item : {}) as Record<string, unknown>;
      const { category, ...rest } = obj;
      return {
        rows: [i + 1],
        ref: String(obj.name ?? `#${i + 1}`),
        ...(typeof category === "string" ? { categoryName: category } : {}),
        input: rest,
        errors: [],
      };
    });
  }
  return parseCsvImport(raw);
}

export function parseCsvImport(raw: string): ImportItem[] {
  const [header, ...rows] = parseCsv(raw);
  if (!header) throw badRequest("导入文件为空");
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = ["product_ref", "category", "name", "brand", "sku_code", "price"].filter(
    (c) => !cols.includes(c),
  );
  if (missing.length) throw badRequest(`CSV 缺少列：${missing.join("，")}`);
  const byRef = new Map<string, ImportItem>();
  rows.forEach((cells, i) => {
    const line = i + 2; // 1-based, after the header
    const get = (name: (typeof CSV_COLUMNS)[number]) => cells[cols.indexOf(name)]?.trim() ?? "";
    const ref = get("product_ref") || `row-${line}`;
    let item = byRef.get(ref);
    if (!item) {
      const attributes = parsePairs(get("attributes"), "=");
      const errors = attributes ? [] : [`第 ${line} 行：attributes 格式应为 key=value;key=value`];
      item = {
        rows: [],
        ref,
        categoryName: get("category"),
        errors,
        input: {
          name: get("name"),
          subtitle: get("subtitle"),
          brand: get("brand"),
          status: get("status") || "draft",
          warrantyMonths: get("warranty_months") ? Number(get("warranty_months")) : 12,
          descriptionHtml: get("description"),
          attributes: Object.fromEntries(
            Object.entries(attributes ?? {}).map(([k, v]) => [k, /^\d+(\.\d+)?$/.test(v) ? Number(v) : v]),
          ),
          skus: [],
        },
      };
      byRef.set(ref, item);
    }
    item.rows.push(line);
    const price = yuanToFen(get("price"));
    const original = get("original_price") ? yuanToFen(get("original_price")) : null;
    const specs = parsePairs(get("specs"), ":");
    if (price === undefined) item.errors.push(`第 ${line} 行：价格格式不正确（元，最多两位小数）`);
    if (original === undefined) item.errors.push(`第 ${line} 行：划线价格式不正确`);
    if (!specs) item.errors.push(`第 ${line} 行：specs 格式应为 名称:值;名称:值`);
    (item.input as { skus: unknown[] }).skus.push({
      skuCode: get("sku_code"),
      specs: specs ?? {},
      priceFen: price ?? 0,
      originalPriceFen: original ?? null,
      barcode: get("barcode") || null,
      weightG: Number(get("weight_g") || 0),
      volumeCm3: Number(get("volume_cm3") || 0),
    });
  });
  if (byRef.size > MAX_ITEMS) throw badRequest(`一次最多导入 ${MAX_ITEMS} 个商品`);
  return [...byRef.values()];
}

/** A service error's detail as report text (field issues carry { path, message }). */
const issueText = (d: unknown) =>
  typeof d === "object" && d !== null && "message" in d ? String(d.message) : String(d);

export async function importProducts(db: Db, items: ImportItem[], opts: { dryRun: boolean }) {
  const cats = await db.select().from(categories);
  const report: { rows: number[]; ref: string; messages: string[] }[] = [];
  const created: { ref: string; id: number }[] = [];
  let valid = 0;
  for (const item of items) {
    const errors = [...item.errors];
    let input: ProductInput | undefined;
    const withCategory = { ...(item.input as object) } as Record<string, unknown>;
    if (item.categoryName !== undefined) {
      const matches = cats.filter((c) => c.name === item.categoryName);
      if (matches.length === 1) withCategory.categoryId = matches[0]!.id;
      else
        errors.push(
          matches.length ? `分类名称不唯一：${item.categoryName}` : `分类不存在：${item.categoryName}`,
        );
    }
    if (!errors.length) {
      const parsed = productInput.safeParse(withCategory);
      if (parsed.success) input = parsed.data;
      else errors.push(...describeIssues(parsed.error).map((i) => `${i.path}：${i.message}`));
    }
    if (input && !opts.dryRun) {
      try {
        const p = await createProduct(db, input);
        created.push({ ref: item.ref, id: p.id });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        errors.push(...(Array.isArray(err.details) ? err.details.map(issueText) : [err.message]));
      }
    }
    if (errors.length) report.push({ rows: item.rows, ref: item.ref, messages: errors });
    else valid++;
  }
  return { dryRun: opts.dryRun, total: items.length, valid, created, failed: report.length, errors: report };
}
