CREATE TABLE `member_profiles` (
	`shopper_id` integer PRIMARY KEY NOT NULL,
	`birthday` text,
	`birthday_set_at` integer,
	`birthday_granted_year` integer,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `member_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`settings` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
CREATE TABLE `points_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shopper_id` integer NOT NULL,
	`kind` text NOT NULL,
	`source` text NOT NULL,
	`source_ref` text DEFAULT '' NOT NULL,
	`order_id` integer,
	`reason` text NOT NULL,
	`delta` integer DEFAULT 0 NOT NULL,
	`frozen_delta` integer DEFAULT 0 NOT NULL,
	`base_fen` integer DEFAULT 0 NOT NULL,
	`expires_at` integer,
	`available_at` integer,
	`dedupe_key` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `points_ledger_shopper` ON `points_ledger` (`shopper_id`,`id`);--> statement-breakpoint
CREATE INDEX `points_ledger_order` ON `points_ledger` (`order_id`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_ledger_dedupe` ON `points_ledger` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `points_ledger_unfreeze_due` ON `points_ledger` (`available_at`) WHERE "points_ledger"."kind" = 'earn';--> statement-breakpoint
CREATE INDEX `points_ledger_lot_expiry` ON `points_ledger` (`expires_at`) WHERE "points_ledger"."delta" > 0;