import { z } from "@hono/zod-openapi";

/**
 * Response schemas of /api/after-sales/*: what service.ts and warranty.ts build. Documentation and the
 * mini program's generated types; TypeScript checks the handlers' c.json(...) against them.
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

export const WarrantyPolicySchema = z
  .object({
    slug: z.string(),
    category: z.string().openapi({ description: "品类名称" }),
    aliases: z.array(z.string()),
    wholeUnitYears: z.number(),
    mainParts: z.array(z.string()),
    mainPartsYears: z.number(),
    extensions: z.array(
      z
        .object({ part: z.string(), years: z.number(), note: z.string().optional() })
        .openapi("PartWarranty", { description: "品牌/厂家在三包之外的更长承诺" }),
    ),
    exclusions: z.array(z.string()),
    description: z.string().openapi({ description: "一段给顾客看的中文说明" }),
  })
  .openapi("WarrantyPolicy");
export const WarrantyPolicyListSchema = z
  .object({ items: z.array(WarrantyPolicySchema) })
  .openapi("WarrantyPolicyList");

export const OutletSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    city: z.string().openapi({ description: "不带“市”，如 杭州" }),
    district: z.string(),
    address: z.string(),
    phone: z.string(),
    hours: z.string(),
    lat: z.number().openapi({ description: "GCJ-02" }),
    lng: z.number().openapi({ description: "GCJ-02" }),
    categories: z.array(z.string()).openapi({ description: "服务的保修政策 slug" }),
    distanceM: z.number().int().optional().openapi({ description: "提供经纬度时：距离（米）" }),
  })
  .openapi("Outlet");
export const OutletListSchema = z.object({ items: z.array(OutletSchema) }).openapi("OutletList");

export const OutletCitiesSchema = z
  .object({ items: z.array(z.object({ city: z.string(), count: z.number().int() }).openapi("OutletCity")) })
  .openapi("OutletCities");

const coverageFields = {
  part: z.string().openapi({ description: "整机、主要部件或部件名" }),
  months: z.number().int(),
  endsAt: epochMs.openapi({ description: "保修截止（不含），UTC 毫秒" }),
  active: z.boolean(),
  daysLeft: z.number().int(),
  note: z.string().optional(),
};
export const CoverageSchema = z.object(coverageFields).openapi("Coverage");

export const WarrantyStatusSchema = z
  .object({
    category: z.string(),
    startsAt: epochMs,
    wholeUnit: CoverageSchema,
    mainParts: z
      .object({ ...coverageFields, parts: z.array(z.string()) })
      .openapi("MainPartsCoverage")
      .optional(),
    extensions: z.array(CoverageSchema),
    active: z.boolean().openapi({ description: "任一保修仍有效" }),
  })
  .openapi("WarrantyStatus");

const itemWarrantyBase = {
  orderItemId: z.number().int(),
  orderNo: z.string(),
  productName: z.string(),
  policy: z.object({ slug: z.string(), category: z.string(), description: z.string() }),
};
/** Before delivery there is no status; coverage starts at the shopper's receipt confirmation. */
export const ItemWarrantySchema = z
  // A plain union: an OpenAPI discriminator must be a string property, `delivered` is a boolean.
  .union([
    z
      .object({ ...itemWarrantyBase, delivered: z.literal(false), message: z.string() })
      .openapi("ItemWarrantyPending"),
    z
      .object({
        ...itemWarrantyBase,
        delivered: z.literal(true),
        deliveredAt: epochMs,
        status: WarrantyStatusSchema,
      })
      .openapi("ItemWarrantyActive"),
  ])
  .openapi("ItemWarranty");

/** An installed appliance's warranty, found by the serial number the installer registered. */
export const SerialWarrantySchema = z
  .object({
    serialNo: z.string(),
    productName: z.string(),
    specs: z.record(z.string(), z.string()),
    installedAt: epochMs.openapi({ description: "安装完成时间：保修起算" }),
    policy: z.object({ slug: z.string(), category: z.string(), description: z.string() }),
    status: WarrantyStatusSchema,
  })
  .openapi("SerialWarranty");
