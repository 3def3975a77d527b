CREATE TABLE `product_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shopper_id` integer NOT NULL,
	`serial_no` text NOT NULL,
	`product_name` text NOT NULL,
	`policy_slug` text,
	`purchased_at` integer NOT NULL,
	`invoice_photo_key` text NOT NULL,
	`status` text NOT NULL,
	`reject_reason` text,
	`reviewed_by` integer,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `product_registrations_live_serial` ON `product_registrations` (`serial_no`) WHERE status <> 'rejected';--> statement-breakpoint
CREATE INDEX `product_registrations_shopper` ON `product_registrations` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `product_registrations_status` ON `product_registrations` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `repair_work_order_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`work_order_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`work_order_id`) REFERENCES `repair_work_orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_work_order_events_seq` ON `repair_work_order_events` (`work_order_id`,`seq`);--> statement-breakpoint
CREATE TABLE `repair_work_orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`work_order_no` text NOT NULL,
	`shopper_id` integer NOT NULL,
	`source` text NOT NULL,
	`case_no` text,
	`order_id` integer,
	`order_no` text,
	`order_item_id` integer,
	`registration_id` integer,
	`conversation_id` integer,
	`opened_by` integer,
	`product_name` text NOT NULL,
	`image` text,
	`serial_no` text,
	`problem` text NOT NULL,
	`photos` text NOT NULL,
	`contact_name` text NOT NULL,
	`phone` text NOT NULL,
	`address` text NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`in_warranty` integer NOT NULL,
	`warranty_starts_at` integer,
	`warranty_ends_at` integer,
	`warranty_note` text NOT NULL,
	`technician_id` integer,
	`appointment_at` integer,
	`arrived_at` integer,
	`done_at` integer,
	`confirmed_at` integer,
	`parts` text NOT NULL,
	`parts_fen` integer DEFAULT 0 NOT NULL,
	`labor_fen` integer DEFAULT 0 NOT NULL,
	`charge_fen` integer DEFAULT 0 NOT NULL,
	`charge_no` text,
	`resolution` text,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registration_id`) REFERENCES `product_registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`technician_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "repair_work_orders_subject" CHECK(order_item_id IS NOT NULL OR registration_id IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repair_work_orders_work_order_no_unique` ON `repair_work_orders` (`work_order_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `repair_work_orders_case_no_unique` ON `repair_work_orders` (`case_no`);--> statement-breakpoint
CREATE INDEX `repair_work_orders_shopper` ON `repair_work_orders` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `repair_work_orders_technician` ON `repair_work_orders` (`technician_id`,`status`);--> statement-breakpoint
CREATE INDEX `repair_work_orders_status` ON `repair_work_orders` (`status`,`created_at`);