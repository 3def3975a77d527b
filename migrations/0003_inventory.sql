CREATE TABLE `stock_sales_daily` (
	`sku_id` integer NOT NULL,
	`day` text NOT NULL,
	`qty` integer NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`sku_id`, `day`)
);
--> statement-breakpoint
CREATE INDEX `stock_sales_daily_day` ON `stock_sales_daily` (`day`);--> statement-breakpoint
CREATE TABLE `stock_snapshots` (
	`sku_id` integer PRIMARY KEY NOT NULL,
	`on_hand` integer NOT NULL,
	`reserved` integer NOT NULL,
	`available` integer NOT NULL,
	`sold` integer NOT NULL,
	`low_stock_threshold` integer,
	`updated_at` integer NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stock_snapshots_available` ON `stock_snapshots` (`available`);--> statement-breakpoint
CREATE TABLE `merchant_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`audience` text NOT NULL,
	`shopper_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`ref_type` text,
	`ref_id` text,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`dedupe_key` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `merchant_notifications_dedupe_key_unique` ON `merchant_notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `merchant_notifications_audience_created` ON `merchant_notifications` (`audience`,`created_at`);--> statement-breakpoint
CREATE INDEX `merchant_notifications_shopper` ON `merchant_notifications` (`shopper_id`,`created_at`);