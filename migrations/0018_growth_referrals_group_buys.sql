CREATE TABLE `group_buy_members` (
	`order_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`leader` integer NOT NULL,
	`quantity` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`paid_at` integer,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`group_id`) REFERENCES `group_buys`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_buy_members_group_order_idx` ON `group_buy_members` (`group_id`,`order_id`);--> statement-breakpoint
CREATE INDEX `group_buy_members_shopper_idx` ON `group_buy_members` (`shopper_id`);--> statement-breakpoint
CREATE TABLE `group_buy_offer_skus` (
	`offer_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`group_price_fen` integer NOT NULL,
	PRIMARY KEY(`offer_id`, `sku_id`),
	FOREIGN KEY (`offer_id`) REFERENCES `group_buy_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_buy_offer_skus_sku_idx` ON `group_buy_offer_skus` (`sku_id`);--> statement-breakpoint
CREATE TABLE `group_buy_offers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`product_id` integer NOT NULL,
	`group_size` integer NOT NULL,
	`time_limit_minutes` integer NOT NULL,
	`per_shopper_limit` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_buy_offers_product_idx` ON `group_buy_offers` (`product_id`,`ends_at`);--> statement-breakpoint
CREATE TABLE `group_buys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`group_no` text NOT NULL,
	`offer_id` integer NOT NULL,
	`leader_id` integer NOT NULL,
	`size` integer NOT NULL,
	`paid_count` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`expires_at` integer NOT NULL,
	`filled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `group_buy_offers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`leader_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_buys_group_no_unique` ON `group_buys` (`group_no`);--> statement-breakpoint
CREATE INDEX `group_buys_offer_idx` ON `group_buys` (`offer_id`,`status`);--> statement-breakpoint
CREATE INDEX `group_buys_due_idx` ON `group_buys` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `referral_bindings` (
	`referee_id` integer PRIMARY KEY NOT NULL,
	`referrer_id` integer NOT NULL,
	`via` text NOT NULL,
	`bound_at` integer NOT NULL,
	FOREIGN KEY (`referee_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_bindings_referrer_idx` ON `referral_bindings` (`referrer_id`,`bound_at`);--> statement-breakpoint
CREATE TABLE `referral_codes` (
	`shopper_id` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_codes_code_unique` ON `referral_codes` (`code`);--> statement-breakpoint
CREATE TABLE `referral_rewards` (
	`referee_id` integer PRIMARY KEY NOT NULL,
	`referrer_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`status` text NOT NULL,
	`due_at` integer NOT NULL,
	`template_id` integer,
	`coupon_id` integer,
	`granted_at` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`referee_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_rewards_due_idx` ON `referral_rewards` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `referral_rewards_referrer_idx` ON `referral_rewards` (`referrer_id`,`granted_at`);--> statement-breakpoint
CREATE INDEX `referral_rewards_order_idx` ON `referral_rewards` (`order_id`);--> statement-breakpoint
CREATE TABLE `referral_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`reward_template_id` integer,
	`daily_cap` integer NOT NULL,
	`monthly_cap` integer NOT NULL,
	`binding_window_hours` integer NOT NULL,
	`updated_at` integer NOT NULL
);
