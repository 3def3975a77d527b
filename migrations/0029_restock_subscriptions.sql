CREATE TABLE `restock_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shopper_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`status` text NOT NULL,
	`round` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`notified_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `restock_subscriptions_shopper_sku` ON `restock_subscriptions` (`shopper_id`,`sku_id`);--> statement-breakpoint
CREATE INDEX `restock_subscriptions_sku_status` ON `restock_subscriptions` (`sku_id`,`status`);