// Freight templates and delivery rules: merchant settings, loading them for a quote, and the 预计送达
// of a product page. The rules themselves are pure (freight.ts, promise.ts).
import { z } from "@hono/zod-openapi";
import { eq, inArray } from "drizzle-orm";
import { products } from "../catalog/schema";
import { type BatchRead, batchRead, constRead, type Ids, inIds, noIds, runRead } from "../db/batch-reads";
import type { Db } from "../db/client";
import { AppError, notFound } from "../shared/errors";
import { fen } from "../shared/validation";
import type { FreightTemplate } from "./freight";
import type { PromiseRules } from "./promise";
import { regionLevel } from "./regions";
import { deliverySettings, freightTemplates } from "./schema";

const regionCodes = (what: string) =>
  z
    .array(
      z
        .string()
        .regex(/^\d{6}$/, `${what}须为 6 位行政区划代码`)
        .refine((c) => regionLevel(c) !== undefined, `${what}中有不存在的行政区划代码`),
    )
    .max(500);

const units = (what: string) => z.number().int(`${what}须为整数`).min(1, `${what}必须大于 0`).max(10_000_000);

const ruleBody = {
  firstUnits: units("首件（首重/首体积）"),
  firstFeeFen: fen,
  /** 0 would make every further unit free: a mistake, refused. */
  additionalUnits: units("续件（续重/续体积）"),
  additionalFeeFen: fen,
};

export const freightTemplateInput = z
  .object({
    name: z.string().trim().min(1, "请填写模板名称").max(40),
    chargeBy: z
      .enum(["piece", "weight", "volume"])
      .openapi({ description: "按件 / 按重量（克）/ 按体积（立方厘米）" }),
    defaultRule: z.object(ruleBody),
    regionRules: z
      .array(z.object({ regions: regionCodes("指定地区").min(1, "请选择指定地区"), ...ruleBody }))
      .max(50)
      .default([]),
    freeRules: z
      .array(
        z.object({
          regions: regionCodes("包邮地区").min(1, "请选择包邮地区"),
          minUnits: z.number().int().min(1, "包邮件数（重量/体积）必须大于 0").nullable(),
          minAmountFen: fen.nullable(),
          match: z
            .enum(["all", "any"])
            .openapi({ description: "all：条件同时满足才包邮；any：满足其一即包邮" }),
        }),
      )
      .max(50)
      .default([]),
    undeliverable: regionCodes("不配送地区").default([]),
  })
  .openapi("FreightTemplateInput");
export type FreightTemplateInput = z.infer<typeof freightTemplateInput>;

const toTemplate = (row: typeof freightTemplates.$inferSelect): FreightTemplate => ({
  id: row.id,
  name: row.name,
  chargeBy: row.chargeBy,
  defaultRule: row.defaultRule,
  regionRules: row.regionRules,
  freeRules: row.freeRules,
  undeliverable: row.undeliverable,
});

export async function listFreightTemplates(db: Db) {
  return (await db.select().from(freightTemplates).orderBy(freightTemplates.id)).map(toTemplate);
}

export async function getFreightTemplate(db: Db, id: number) {
  const row = await db.select().from(freightTemplates).where(eq(freightTemplates.id, id)).get();
  if (!row) throw notFound("运费模板不存在");
  return toTemplate(row);
}

export async function createFreightTemplate(db: Db, input: FreightTemplateInput) {
  const now = Date.now();
  const [row] = await db
    .insert(freightTemplates)
    .values({ ...input, createdAt: now, updatedAt: now })
    .returning();
  return toTemplate(row!);
}

export async function updateFreightTemplate(db: Db, id: number, input: FreightTemplateInput) {
  const [row] = await db
    .update(freightTemplates)
    .set({ ...input, updatedAt: Date.now() })
    .where(eq(freightTemplates.id, id))
    .returning();
  if (!row) throw notFound("运费模板不存在");
  return toTemplate(row);
}

/** A template still named by a product cannot go: those products would lose their freight rule. */
export async function deleteFreightTemplate(db: Db, id: number) {
  const [used, found] = await db.batch([
    db.select({ id: products.id }).from(products).where(eq(products.freightTemplateId, id)).limit(1),
    db.select({ id: freightTemplates.id }).from(freightTemplates).where(eq(freightTemplates.id, id)),
  ]);
  if (!found.length) throw notFound("运费模板不存在");
  if (used.length)
    throw new AppError(409, "TEMPLATE_IN_USE", "仍有商品使用该运费模板，请先为这些商品更换模板");
  await db.delete(freightTemplates).where(eq(freightTemplates.id, id));
}

/** Templates by id: `ids` is a list or a subquery selecting template ids (e.g. of a cart's products). */
export function freightTemplatesRead(db: Db, ids: Ids): BatchRead<Map<number, FreightTemplate>> {
  if (noIds(ids)) return constRead(new Map());
  return batchRead(
    [
      db
        .select()
        .from(freightTemplates)
        .where(inArray(freightTemplates.id, inIds(ids))),
    ],
    ([rows]) => new Map(rows.map((r) => [r.id, toTemplate(r)])),
  );
}

export const templatesById = (db: Db, ids: number[]) => runRead(db, freightTemplatesRead(db, ids));

/** The ids of the templates these products ship by (`productIds`: a list or a subquery), as a subquery. */
export const templateIdsOfProducts = (db: Db, productIds: Ids) =>
  db
    .select({ id: products.freightTemplateId })
    .from(products)
    .where(inArray(products.id, inIds(productIds)));

// ---------- how a product ships ----------

export const productShippingInput = z
  .discriminatedUnion("mode", [
    z.object({ mode: z.literal("shop_default") }),
    z.object({ mode: z.literal("template"), templateId: z.number().int().positive() }),
    z.object({ mode: z.literal("free") }),
    z.object({ mode: z.literal("fixed"), feeFen: fen }),
  ])
  .openapi("ProductShipping", {
    description: "shop_default 店铺默认运费 / template 运费模板 / free 包邮 / fixed 固定运费（每个商品行）",
  });
export type ProductShippingInput = z.infer<typeof productShippingInput>;

/** Sets how a product ships. Lives here, not in the catalog: the catalog does not need to know templates. */
export async function setProductShipping(db: Db, productId: number, input: ProductShippingInput) {
  const [product, template] = await db.batch([
    db.select({ id: products.id }).from(products).where(eq(products.id, productId)),
    db
      .select({ id: freightTemplates.id })
      .from(freightTemplates)
      .where(eq(freightTemplates.id, input.mode === "template" ? input.templateId : -1)),
  ]);
  if (!product.length) throw notFound("商品不存在");
  if (input.mode === "template" && !template.length)
    throw new AppError(400, "TEMPLATE_NOT_FOUND", "所选运费模板不存在");
  await db
    .update(products)
    .set({
      shippingMode: input.mode,
      freightTemplateId: input.mode === "template" ? input.templateId : null,
      fixedFreightFen: input.mode === "fixed" ? input.feeFen : null,
      updatedAt: Date.now(),
    })
    .where(eq(products.id, productId));
  return input;
}

// ---------- delivery promise ----------

export const DEFAULT_DELIVERY_RULES: PromiseRules = {
  cutoffMinute: 16 * 60,
  defaultLeadDays: 3,
  zones: [],
  noDeliveryDates: [],
};

export const deliveryRulesInput = z
  .object({
    cutoffMinute: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 - 1)
      .openapi({ description: "每日截单时间（北京时间，距零点的分钟数）" }),
    defaultLeadDays: z.number().int().min(0).max(30),
    zones: z
      .array(
        z.object({
          regions: regionCodes("时效地区").min(1, "请选择时效地区"),
          leadDays: z.number().int().min(0).max(30),
        }),
      )
      .max(100),
    noDeliveryDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式须为 YYYY-MM-DD")).max(366),
  })
  .openapi("DeliveryRules");

/** The 预计送达 rules (defaults until the merchant saves them), as a read that can share a batch. */
export const deliveryRulesRead = (db: Db): BatchRead<PromiseRules> =>
  batchRead([db.select().from(deliverySettings).where(eq(deliverySettings.id, 1))], ([[row]]) =>
    row
      ? {
          cutoffMinute: row.cutoffMinute,
          defaultLeadDays: row.defaultLeadDays,
          zones: row.zones,
          noDeliveryDates: row.noDeliveryDates,
        }
      : DEFAULT_DELIVERY_RULES,
  );

export const getDeliveryRules = (db: Db): Promise<PromiseRules> => runRead(db, deliveryRulesRead(db));

export async function saveDeliveryRules(db: Db, rules: PromiseRules): Promise<PromiseRules> {
  const values = { ...rules, updatedAt: Date.now() };
  await db
    .insert(deliverySettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: deliverySettings.id, set: values });
  return rules;
}
