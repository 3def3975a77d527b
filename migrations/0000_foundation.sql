CREATE TABLE `shoppers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`openid` text NOT NULL,
	`unionid` text,
	`nickname` text NOT NULL,
	`avatar_url` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shoppers_openid_unique` ON `shoppers` (`openid`);--> statement-breakpoint
CREATE TABLE `staff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_username_unique` ON `staff` (`username`);--> statement-breakpoint
CREATE TABLE `banners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`image` text NOT NULL,
	`link_type` text DEFAULT 'none' NOT NULL,
	`link_value` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parent_id` integer,
	`name` text NOT NULL,
	`icon` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `categories_parent_name` ON `categories` (`parent_id`,`name`);--> statement-breakpoint
CREATE TABLE `home_recommendations` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `images` (
	`key` text PRIMARY KEY NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`uploaded_by` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `product_attributes` (
	`product_id` integer NOT NULL,
	`key` text NOT NULL,
	`num_value` real,
	`text_value` text,
	PRIMARY KEY(`product_id`, `key`),
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `product_attributes_key_num` ON `product_attributes` (`key`,`num_value`);--> statement-breakpoint
CREATE INDEX `product_attributes_key_text` ON `product_attributes` (`key`,`text_value`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`name` text NOT NULL,
	`subtitle` text DEFAULT '' NOT NULL,
	`description_html` text DEFAULT '' NOT NULL,
	`brand` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`warranty_months` integer DEFAULT 12 NOT NULL,
	`attributes` text NOT NULL,
	`images` text NOT NULL,
	`min_price_fen` integer DEFAULT 0 NOT NULL,
	`min_original_price_fen` integer,
	`sales_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `products_cat_status` ON `products` (`category_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_status_created` ON `products` (`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `products_status_price` ON `products` (`status`,`min_price_fen`,`id`);--> statement-breakpoint
CREATE INDEX `products_status_sales` ON `products` (`status`,`sales_count`,`id`);--> statement-breakpoint
CREATE TABLE `skus` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`sku_code` text NOT NULL,
	`specs` text NOT NULL,
	`price_fen` integer NOT NULL,
	`original_price_fen` integer,
	`barcode` text,
	`weight_g` integer DEFAULT 0 NOT NULL,
	`volume_cm3` integer DEFAULT 0 NOT NULL,
	`image` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `skus_sku_code_unique` ON `skus` (`sku_code`);--> statement-breakpoint
CREATE INDEX `skus_product` ON `skus` (`product_id`);