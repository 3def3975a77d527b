CREATE TABLE `install_area_installers` (
	`area_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	PRIMARY KEY(`area_id`, `staff_id`),
	FOREIGN KEY (`area_id`) REFERENCES `install_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `install_area_installers_staff` ON `install_area_installers` (`staff_id`);--> statement-breakpoint
CREATE TABLE `install_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`regions` text NOT NULL,
	`windows` text NOT NULL,
	`cutoff_days_before` integer DEFAULT 1 NOT NULL,
	`cutoff_minute` integer DEFAULT 1080 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_areas_name_unique` ON `install_areas` (`name`);--> statement-breakpoint
CREATE TABLE `install_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`category_id` integer NOT NULL,
	`requires_installation` integer NOT NULL,
	`includes` text DEFAULT '' NOT NULL,
	`bracket_fee_fen` integer,
	`high_altitude_fee_fen` integer,
	`carry_fee_per_floor_fen` integer,
	`carry_free_floors` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`category_id`) REFERENCES `categories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_services_category_id_unique` ON `install_services` (`category_id`);--> statement-breakpoint
CREATE TABLE `install_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`area_id` integer NOT NULL,
	`date` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `install_areas`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "install_slots_capacity" CHECK("install_slots"."booked" >= 0 AND "install_slots"."booked" <= "install_slots"."capacity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_slots_area_start` ON `install_slots` (`area_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `install_slots_area_date` ON `install_slots` (`area_id`,`date`);--> statement-breakpoint
CREATE TABLE `install_work_order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`work_order_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`slot_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `install_work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_work_order_events_seq` ON `install_work_order_events` (`work_order_id`,`seq`);--> statement-breakpoint
CREATE TABLE `install_work_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`order_no` text NOT NULL,
	`shopper_id` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`sku_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`product_name` text NOT NULL,
	`specs` text NOT NULL,
	`image` text,
	`quantity` integer NOT NULL,
	`includes` text DEFAULT '' NOT NULL,
	`extras` text NOT NULL,
	`receiver_name` text NOT NULL,
	`phone` text NOT NULL,
	`province` text NOT NULL,
	`city` text NOT NULL,
	`district` text NOT NULL,
	`detail` text NOT NULL,
	`province_code` text,
	`city_code` text,
	`district_code` text,
	`slot_id` integer,
	`installer_id` integer,
	`booked_at` integer,
	`departed_at` integer,
	`done_at` integer,
	`photo_key` text,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `install_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`installer_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `install_work_orders_order_item_id_unique` ON `install_work_orders` (`order_item_id`);--> statement-breakpoint
CREATE INDEX `install_work_orders_shopper` ON `install_work_orders` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `install_work_orders_slot` ON `install_work_orders` (`slot_id`);--> statement-breakpoint
CREATE INDEX `install_work_orders_status` ON `install_work_orders` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `installed_units` (
	`serial_no` text PRIMARY KEY NOT NULL,
	`work_order_id` integer NOT NULL,
	`order_item_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`installed_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `install_work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `installed_units_work_order` ON `installed_units` (`work_order_id`);