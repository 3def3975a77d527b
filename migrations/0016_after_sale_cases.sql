CREATE TABLE `after_sale_case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`seq` integer,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `after_sale_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `after_sale_case_events_seq` ON `after_sale_case_events` (`case_id`,`seq`);--> statement-breakpoint
CREATE INDEX `after_sale_case_events_case` ON `after_sale_case_events` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `after_sale_case_items` (
	`case_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`unit_nos` text NOT NULL,
	`goods_fen` integer NOT NULL,
	PRIMARY KEY(`case_id`, `order_item_id`),
	FOREIGN KEY (`case_id`) REFERENCES `after_sale_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `after_sale_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_no` text NOT NULL,
	`order_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`reason_code` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`photos` text NOT NULL,
	`unused` integer DEFAULT false NOT NULL,
	`order_shipped` integer NOT NULL,
	`refund_fen` integer DEFAULT 0 NOT NULL,
	`refund_goods_fen` integer DEFAULT 0 NOT NULL,
	`refund_freight_fen` integer DEFAULT 0 NOT NULL,
	`refund_charges_fen` integer DEFAULT 0 NOT NULL,
	`out_refund_no` text,
	`refuse_reason` text,
	`return_carrier` text,
	`return_tracking_no` text,
	`return_pickup` text,
	`received` text,
	`receive_note` text,
	`stock_returned_at` integer,
	`exchange_carrier` text,
	`exchange_tracking_no` text,
	`work_order_no` text,
	`deadline_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `after_sale_cases_case_no_unique` ON `after_sale_cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `after_sale_cases_shopper` ON `after_sale_cases` (`shopper_id`,`id`);--> statement-breakpoint
CREATE INDEX `after_sale_cases_order` ON `after_sale_cases` (`order_id`);--> statement-breakpoint
CREATE INDEX `after_sale_cases_status` ON `after_sale_cases` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `after_sale_cases_deadline` ON `after_sale_cases` (`deadline_at`) WHERE "after_sale_cases"."deadline_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `after_sale_unit_claims` (
	`order_item_id` integer NOT NULL,
	`unit_no` integer NOT NULL,
	`case_id` integer NOT NULL,
	PRIMARY KEY(`order_item_id`, `unit_no`),
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `after_sale_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `after_sale_unit_claims_case` ON `after_sale_unit_claims` (`case_id`);--> statement-breakpoint
ALTER TABLE `categories` ADD `no_reason_return` integer DEFAULT true NOT NULL;