CREATE TABLE `catalog_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`rev` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- One row, bumped by the triggers below in the same statement as every write to what the store's
-- public reads show (worker/catalog/revision.ts, worker/shared/edge-cache.ts). products.sales_count is
-- left out: it changes with every paid order, and the cached reads that show it expire within seconds.
-- A migration that rebuilds one of these tables drops its triggers: recreate them in the same migration
-- (worker/catalog/revision.test.ts fails otherwise).
INSERT INTO `catalog_revision` (`id`, `rev`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_categories_insert` AFTER INSERT ON `categories` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_categories_update` AFTER UPDATE ON `categories` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_categories_delete` AFTER DELETE ON `categories` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_products_insert` AFTER INSERT ON `products` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_products_update` AFTER UPDATE OF `id`, `category_id`, `name`, `subtitle`, `description_html`, `brand`, `status`, `warranty_months`, `attributes`, `images`, `min_price_fen`, `min_original_price_fen`, `shipping_mode`, `freight_template_id`, `fixed_freight_fen`, `created_at`, `updated_at` ON `products` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_products_delete` AFTER DELETE ON `products` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_skus_insert` AFTER INSERT ON `skus` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_skus_update` AFTER UPDATE ON `skus` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_skus_delete` AFTER DELETE ON `skus` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_product_attributes_insert` AFTER INSERT ON `product_attributes` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_product_attributes_update` AFTER UPDATE ON `product_attributes` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_product_attributes_delete` AFTER DELETE ON `product_attributes` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_banners_insert` AFTER INSERT ON `banners` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_banners_update` AFTER UPDATE ON `banners` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_banners_delete` AFTER DELETE ON `banners` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_home_recommendations_insert` AFTER INSERT ON `home_recommendations` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_home_recommendations_update` AFTER UPDATE ON `home_recommendations` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_home_recommendations_delete` AFTER DELETE ON `home_recommendations` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotions_insert` AFTER INSERT ON `promotions` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotions_update` AFTER UPDATE ON `promotions` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotions_delete` AFTER DELETE ON `promotions` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotion_sku_prices_insert` AFTER INSERT ON `promotion_sku_prices` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotion_sku_prices_update` AFTER UPDATE ON `promotion_sku_prices` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `catalog_revision_promotion_sku_prices_delete` AFTER DELETE ON `promotion_sku_prices` BEGIN UPDATE `catalog_revision` SET `rev` = `rev` + 1 WHERE `id` = 1; END;
