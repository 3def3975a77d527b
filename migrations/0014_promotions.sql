CREATE TABLE `promotion_sku_prices` (
	`promotion_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`price_fen` integer NOT NULL,
	PRIMARY KEY(`promotion_id`, `sku_id`),
	FOREIGN KEY (`promotion_id`) REFERENCES `promotions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promotion_sku_prices_sku_idx` ON `promotion_sku_prices` (`sku_id`);--> statement-breakpoint
CREATE INDEX `promotion_sku_prices_product_idx` ON `promotion_sku_prices` (`product_id`);--> statement-breakpoint
CREATE TABLE `promotions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`rule` text NOT NULL,
	`scope` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`priority` integer DEFAULT 0 NOT NULL,
	`stacks_with_other_promotions` integer NOT NULL,
	`stacks_with_coupons` integer NOT NULL,
	`stopped_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `promotions_window_idx` ON `promotions` (`ends_at`,`starts_at`);