CREATE TABLE `delivery_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`cutoff_minute` integer NOT NULL,
	`default_lead_days` integer NOT NULL,
	`zones` text DEFAULT '[]' NOT NULL,
	`no_delivery_dates` text DEFAULT '[]' NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `freight_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`charge_by` text NOT NULL,
	`default_rule` text NOT NULL,
	`region_rules` text DEFAULT '[]' NOT NULL,
	`free_rules` text DEFAULT '[]' NOT NULL,
	`undeliverable` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `addresses` ADD `province_code` text;--> statement-breakpoint
ALTER TABLE `addresses` ADD `city_code` text;--> statement-breakpoint
ALTER TABLE `addresses` ADD `district_code` text;