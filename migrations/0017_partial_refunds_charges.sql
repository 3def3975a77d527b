CREATE TABLE `charges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`charge_no` text NOT NULL,
	`shopper_id` integer NOT NULL,
	`order_id` integer,
	`kind` text NOT NULL,
	`source_ref` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`method` text,
	`transaction_id` text,
	`paid_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `charges_charge_no_unique` ON `charges` (`charge_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `charges_kind_ref` ON `charges` (`kind`,`source_ref`);--> statement-breakpoint
CREATE INDEX `charges_shopper` ON `charges` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `trade_in_valuations` (
	`slug` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category_ids` text NOT NULL,
	`cap_percent` integer NOT NULL,
	`bands` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trade_ins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`category_slug` text NOT NULL,
	`category_name` text NOT NULL,
	`age_years` integer NOT NULL,
	`condition` text NOT NULL,
	`declared_valuation_fen` integer NOT NULL,
	`deducted_fen` integer NOT NULL,
	`cap_fen` integer NOT NULL,
	`status` text DEFAULT 'declared' NOT NULL,
	`final_condition` text,
	`final_valuation_fen` integer,
	`settlement_kind` text,
	`settlement_fen` integer,
	`note` text DEFAULT '' NOT NULL,
	`collected_by` integer,
	`collected_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collected_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trade_ins_order_item` ON `trade_ins` (`order_item_id`);--> statement-breakpoint
CREATE INDEX `trade_ins_order` ON `trade_ins` (`order_id`);--> statement-breakpoint
CREATE INDEX `trade_ins_status` ON `trade_ins` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `price_protection_claims` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`paid_unit_fen` integer NOT NULL,
	`current_unit_fen` integer NOT NULL,
	`price_source` text NOT NULL,
	`units` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_protection_claims_item` ON `price_protection_claims` (`order_item_id`);--> statement-breakpoint
ALTER TABLE `order_events` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `order_events_order_dedupe` ON `order_events` (`order_id`,`dedupe_key`);--> statement-breakpoint
ALTER TABLE `refunds` ADD `payment_id` integer REFERENCES payments(id);--> statement-breakpoint
ALTER TABLE `refunds` ADD `source` text DEFAULT 'duplicate_payment' NOT NULL;--> statement-breakpoint
ALTER TABLE `refunds` ADD `source_ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `refunds_order` ON `refunds` (`order_id`);