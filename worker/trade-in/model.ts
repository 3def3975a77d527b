// 以旧换新: the shopper's declaration of an old appliance and the merchant's valuation table, as plain
// types and zod input schemas (no I/O).
import { z } from "@hono/zod-openapi";

export const CONDITIONS = ["good", "fair", "broken"] as const;
export type Condition = (typeof CONDITIONS)[number];

export const CONDITION_LABELS: Record<Condition, { label: string; description: string }> = {
  good: { label: "完好", description: "能正常使用，外观无明显损伤" },
  fair: { label: "一般", description: "能正常使用，有划痕、磨损或噪音" },
  broken: { label: "损坏", description: "无法正常使用或缺少部件" },
};

export const MAX_AGE_YEARS = 30;

/** One age band of a valuation: appliances up to `maxAgeYears` old are worth these amounts (fen). */
export interface ValuationBand {
  maxAgeYears: number;
  goodFen: number;
  fairFen: number;
  brokenFen: number;
}

/** A kind of old appliance the shop takes back, what it is worth, and which new products accept it. */
export interface ValuationEntry {
  /** e.g. "air_conditioner": what the shopper declares. */
  slug: string;
  /** "空调": shown as 旧空调. */
  name: string;
  /** Catalog categories (a product's own or its parent) whose new appliances accept this old kind. */
  categoryIds: number[];
  /** The deduction never exceeds this share of what one new unit costs (percent). */
  capPercent: number;
  /** Ascending by age; an appliance older than the last band is valued by the last band. */
  bands: ValuationBand[];
  active: boolean;
}

/** What the shopper declares for one new appliance line at checkout. */
export const tradeInDeclarationInput = z
  .object({
    skuId: z.number().int().positive().openapi({ description: "换购的新机（结算行的 SKU）" }),
    categorySlug: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,31}$/, "旧机品类无效")
      .openapi({ description: "旧机品类，如 air_conditioner（见报价 tradeIn.lines[].options）" }),
    ageYears: z
      .number({ error: "请填写旧机使用年限" })
      .int("使用年限须为整数")
      .min(0, "使用年限不能小于 0")
      .max(MAX_AGE_YEARS, `使用年限不能超过 ${MAX_AGE_YEARS} 年`),
    condition: z.enum(CONDITIONS, { error: "旧机成色须为 完好(good) / 一般(fair) / 损坏(broken)" }),
  })
  .openapi("TradeInDeclaration");
export type TradeInDeclaration = z.infer<typeof tradeInDeclarationInput>;

/** At most one old appliance per new appliance line. */
export const tradeInDeclarationsInput = z
  .array(tradeInDeclarationInput)
  .max(20, "以旧换新最多 20 台")
  .refine((ds) => new Set(ds.map((d) => d.skuId)).size === ds.length, "每件新机最多抵换一台旧机")
  .openapi({ description: "以旧换新：每行新机最多一台旧机；抵扣金额由服务器按估价表计算" });

const fenAmount = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}须为整数（分）`)
    .min(0, `${what}不能小于 0`)
    .max(10_000_000, `${what}不能超过 ¥100000`);

export const valuationInput = z
  .object({
    name: z.string().trim().min(1, "请填写旧机品类名称").max(20, "旧机品类名称最多 20 个字"),
    categoryIds: z
      .array(z.number().int().positive("分类编号无效"))
      .min(1, "请至少选择一个可参加以旧换新的新机分类")
      .max(50, "分类最多 50 个"),
    capPercent: z
      .number()
      .int("抵扣上限须为整数百分比")
      .min(1, "抵扣上限须在 1%–80% 之间")
      .max(80, "抵扣上限须在 1%–80% 之间")
      .default(30)
      .openapi({ description: "抵扣不超过新机单价的百分比" }),
    bands: z
      .array(
        z.object({
          maxAgeYears: z.number().int().min(0).max(99),
          goodFen: fenAmount("完好估价"),
          fairFen: fenAmount("一般估价"),
          brokenFen: fenAmount("损坏估价"),
        }),
      )
      .min(1, "请至少设置一档估价")
      .max(10, "估价最多 10 档")
      .refine(
        (bs) => bs.every((b, i) => i === 0 || b.maxAgeYears > bs[i - 1]!.maxAgeYears),
        "各档使用年限须从短到长排列",
      )
      .refine(
        (bs) => bs.every((b) => b.goodFen >= b.fairFen && b.fairFen >= b.brokenFen),
        "同一档内须 完好 ≥ 一般 ≥ 损坏",
      ),
    active: z.boolean().default(true),
  })
  .openapi("TradeInValuationInput");
export type ValuationInput = z.infer<typeof valuationInput>;

export const valuationSlugParam = z.object({
  slug: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,31}$/, "旧机品类标识须为 2–32 位小写字母、数字或下划线，以字母开头")
    .openapi({ param: { name: "slug", in: "path" } }),
});

/** The installer's (or merchant's) record at delivery. */
export const collectionInput = z
  .discriminatedUnion("outcome", [
    z.object({
      outcome: z.literal("collected"),
      /** What the old unit is worth as found on site (fen); omitted = as declared. */
      valuationFen: fenAmount("回收估价").optional(),
      condition: z.enum(CONDITIONS).optional(),
      note: z.string().trim().max(200, "备注最多 200 字").default(""),
    }),
    z.object({
      outcome: z.literal("not_collected"),
      note: z.string().trim().min(1, "请说明未回收的原因").max(200, "备注最多 200 字"),
    }),
  ])
  .openapi("TradeInCollectionInput");
export type CollectionInput = z.infer<typeof collectionInput>;

export type TradeInStatus = "declared" | "collected" | "not_collected";
export const TRADE_IN_STATUS_LABELS: Record<TradeInStatus, string> = {
  declared: "待回收",
  collected: "已回收",
  not_collected: "未回收",
};
