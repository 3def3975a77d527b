import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const categories = sqliteTable(
  "categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    parentId: integer("parent_id"),
    name: text("name").notNull(),
    icon: text("icon"),
    sortOrder: integer("sort_order").notNull().default(0),
    /** 七天无理由退货 allowed (after-sales/cases/eligibility.ts); false e.g. for installed built-in appliances. */
    noReasonReturn: integer("no_reason_return", { mode: "boolean" }).notNull().default(true),
    /** Which typed attributes (attributes.ts) this category's products fill in, in display order. */
    attributeKeys: text("attribute_keys", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("categories_parent_name").on(t.parentId, t.name)],
);

export type ProductStatus = "draft" | "on_sale" | "off_shelf";

export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    name: text("name").notNull(),
    subtitle: text("subtitle").notNull().default(""),
    /** Sanitised HTML. */
    descriptionHtml: text("description_html").notNull().default(""),
    brand: text("brand").notNull(),
    status: text("status", { enum: ["draft", "on_sale", "off_shelf"] })
      .notNull()
      .default("draft"),
    warrantyMonths: integer("warranty_months").notNull().default(12),
    /** Typed appliance attributes as JSON, e.g. {"energy_grade":1,"capacity_l":520}. */
    attributes: text("attributes", { mode: "json" }).$type<Record<string, string | number>>().notNull(),
    /** R2 object keys, first is the cover. */
    images: text("images", { mode: "json" }).$type<string[]>().notNull(),
    /** Cheapest active SKU price: what listings show, sort and filter on. */
    minPriceFen: integer("min_price_fen").notNull().default(0),
    /** That SKU's 划线价, when it has one. */
    minOriginalPriceFen: integer("min_original_price_fen"),
    salesCount: integer("sales_count").notNull().default(0),
    /** How it ships: a freight template, free, a fixed fee per line, or the shop's default rule. */
    shippingMode: text("shipping_mode", { enum: ["shop_default", "template", "free", "fixed"] })
      .notNull()
      .default("shop_default"),
    freightTemplateId: integer("freight_template_id"),
    fixedFreightFen: integer("fixed_freight_fen"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("products_cat_status").on(t.categoryId, t.status),
    index("products_status_created").on(t.status, t.createdAt, t.id),
    index("products_status_price").on(t.status, t.minPriceFen, t.id),
    index("products_status_sales").on(t.status, t.salesCount, t.id),
  ],
);

/** One row per typed attribute, so listings can filter with an index instead of JSON scans. */
export const productAttributes = sqliteTable(
  "product_attributes",
  {
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    numValue: real("num_value"),
    textValue: text("text_value"),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.key] }),
    index("product_attributes_key_num").on(t.key, t.numValue),
    index("product_attributes_key_text").on(t.key, t.textValue),
  ],
);

export const skus = sqliteTable(
  "skus",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    skuCode: text("sku_code").notNull().unique(),
    /** Spec combination, e.g. {"颜色":"星空灰","容量":"520L"}. */
    specs: text("specs", { mode: "json" }).$type<Record<string, string>>().notNull(),
    priceFen: integer("price_fen").notNull(),
    originalPriceFen: integer("original_price_fen"),
    barcode: text("barcode"),
    weightG: integer("weight_g").notNull().default(0),
    volumeCm3: integer("volume_cm3").notNull().default(0),
    image: text("image"),
    /** Disabled SKUs stay for existing orders but cannot be bought. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("skus_product").on(t.productId)],
);

export const images = sqliteTable("images", {
  key: text("key").primaryKey(),
  contentType: text("content_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  uploadedBy: integer("uploaded_by"),
  createdAt: integer("created_at").notNull(),
});

export const banners = sqliteTable("banners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  image: text("image").notNull(),
  /** Where a tap goes: a product, a category or a search. */
  linkType: text("link_type", { enum: ["product", "category", "search", "none"] })
    .notNull()
    .default("none"),
  linkValue: text("link_value").notNull().default(""),
  sortOrder: integer("sort_order").notNull().default(0),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull(),
});

export const homeRecommendations = sqliteTable("home_recommendations", {
  productId: integer("product_id")
    .primaryKey()
    .references(() => products.id, { onDelete: "cascade" }),
  sortOrder: integer("sort_order").notNull().default(0),
});
