CREATE TABLE `coupon_redemptions` (
	`coupon_id` integer PRIMARY KEY NOT NULL,
	`template_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`saving_fen` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`coupon_id`) REFERENCES `shopper_coupons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `coupon_redemptions_template` ON `coupon_redemptions` (`template_id`);--> statement-breakpoint
CREATE INDEX `coupon_redemptions_order` ON `coupon_redemptions` (`order_id`);--> statement-breakpoint
CREATE TABLE `coupon_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`amount_off_fen` integer,
	`threshold_fen` integer DEFAULT 0 NOT NULL,
	`pay_percent` integer,
	`cap_fen` integer,
	`scope` text NOT NULL,
	`scope_ids` text NOT NULL,
	`excluded_product_ids` text NOT NULL,
	`validity` text NOT NULL,
	`valid_from` integer,
	`valid_to` integer,
	`valid_days` integer,
	`total_quantity` integer NOT NULL,
	`per_shopper_limit` integer DEFAULT 1 NOT NULL,
	`channels` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`stopped_at` integer,
	`expired_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "coupon_templates_quantity" CHECK("coupon_templates"."total_quantity" > 0 AND "coupon_templates"."per_shopper_limit" > 0),
	CONSTRAINT "coupon_templates_pay_percent" CHECK("coupon_templates"."pay_percent" IS NULL OR ("coupon_templates"."pay_percent" BETWEEN 1 AND 99))
);
--> statement-breakpoint
CREATE INDEX `coupon_templates_status` ON `coupon_templates` (`status`);--> statement-breakpoint
CREATE TABLE `shopper_coupons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'available' NOT NULL,
	`valid_from` integer NOT NULL,
	`valid_to` integer NOT NULL,
	`claimed_at` integer NOT NULL,
	`claim_key` text,
	`used_at` integer,
	`order_id` integer,
	FOREIGN KEY (`template_id`) REFERENCES `coupon_templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `shopper_coupons_template_shopper` ON `shopper_coupons` (`template_id`,`shopper_id`);--> statement-breakpoint
CREATE INDEX `shopper_coupons_shopper_status` ON `shopper_coupons` (`shopper_id`,`status`,`valid_to`);--> statement-breakpoint
CREATE INDEX `shopper_coupons_order` ON `shopper_coupons` (`order_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `shopper_coupons_claim_key` ON `shopper_coupons` (`shopper_id`,`claim_key`);