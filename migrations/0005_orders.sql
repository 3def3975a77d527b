CREATE TABLE `cart_items` (
	`shopper_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`quantity` integer NOT NULL,
	`selected` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`shopper_id`, `sku_id`),
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sku_id`) REFERENCES `skus`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cart_items_shopper_created` ON `cart_items` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `addresses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shopper_id` integer NOT NULL,
	`receiver_name` text NOT NULL,
	`phone` text NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`district` text NOT NULL,
	`detail` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `addresses_shopper` ON `addresses` (`shopper_id`);--> statement-breakpoint
CREATE TABLE `shop_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`shipping_flat_fee_fen` integer NOT NULL,
	`shipping_free_over_fen` integer,
	`auto_cancel_minutes` integer NOT NULL,
	`auto_complete_days` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`seq` integer,
	`kind` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`data` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_events_order_seq` ON `order_events` (`order_id`,`seq`);--> statement-breakpoint
CREATE INDEX `order_events_order` ON `order_events` (`order_id`,`id`);--> statement-breakpoint
CREATE TABLE `order_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`sku_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`name` text NOT NULL,
	`specs` text NOT NULL,
	`image` text,
	`unit_price_fen` integer NOT NULL,
	`quantity` integer NOT NULL,
	`line_total_fen` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `order_items_order` ON `order_items` (`order_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_no` text NOT NULL,
	`shopper_id` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`items_total_fen` integer NOT NULL,
	`shipping_fen` integer NOT NULL,
	`discount_fen` integer NOT NULL,
	`payable_fen` integer NOT NULL,
	`adjustments` text NOT NULL,
	`address` text NOT NULL,
	`receiver_name` text NOT NULL,
	`receiver_phone` text NOT NULL,
	`shopper_remark` text DEFAULT '' NOT NULL,
	`merchant_remark` text DEFAULT '' NOT NULL,
	`idempotency_key` text NOT NULL,
	`stock_state` text NOT NULL,
	`pay_deadline` integer NOT NULL,
	`payment_method` text,
	`transaction_id` text,
	`paid_at` integer,
	`carrier` text,
	`tracking_no` text,
	`shipped_at` integer,
	`auto_complete_at` integer,
	`completed_at` integer,
	`cancelled_at` integer,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_order_no_unique` ON `orders` (`order_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_shopper_idempotency` ON `orders` (`shopper_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `orders_shopper_status_created` ON `orders` (`shopper_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_shopper_created` ON `orders` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `orders_status_deadline` ON `orders` (`status`,`pay_deadline`);--> statement-breakpoint
CREATE INDEX `orders_status_autocomplete` ON `orders` (`status`,`auto_complete_at`);--> statement-breakpoint
CREATE INDEX `orders_stock_state` ON `orders` (`stock_state`,`status`);--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `payment_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`out_trade_no` text,
	`detail` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_notifications_trade` ON `payment_notifications` (`out_trade_no`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`method` text NOT NULL,
	`channel` text NOT NULL,
	`out_trade_no` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`status` text NOT NULL,
	`transaction_id` text,
	`checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_order_method` ON `payments` (`order_id`,`method`);--> statement-breakpoint
CREATE INDEX `payments_status_checked` ON `payments` (`status`,`checked_at`);--> statement-breakpoint
CREATE TABLE `refunds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`method` text NOT NULL,
	`out_refund_no` text NOT NULL,
	`transaction_id` text,
	`amount_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`refund_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_out_refund_no_unique` ON `refunds` (`out_refund_no`);--> statement-breakpoint
CREATE INDEX `refunds_status` ON `refunds` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `wechat_subscribe_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`shopper_id` integer NOT NULL,
	`openid` text NOT NULL,
	`template_key` text NOT NULL,
	`template_id` text,
	`page` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`errcode` integer,
	`errmsg` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wechat_subscribe_messages_dedupe_key_unique` ON `wechat_subscribe_messages` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `wechat_subscribe_messages_status` ON `wechat_subscribe_messages` (`status`,`created_at`);