CREATE TABLE `order_parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`carrier_code` text NOT NULL,
	`carrier_name` text NOT NULL,
	`tracking_no` text NOT NULL,
	`receiver_phone_tail` text DEFAULT '' NOT NULL,
	`state` integer,
	`state_text` text NOT NULL,
	`monitor_status` text,
	`monitor_message` text,
	`subscribed_at` integer,
	`subscribe_attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`signed_at` integer,
	`sign_reported_at` integer,
	`last_trace_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `order_parcels_carrier_tracking` ON `order_parcels` (`carrier_code`,`tracking_no`);--> statement-breakpoint
CREATE INDEX `order_parcels_order` ON `order_parcels` (`order_id`);--> statement-breakpoint
CREATE TABLE `parcel_traces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parcel_id` integer NOT NULL,
	`time` integer NOT NULL,
	`context` text NOT NULL,
	`status` text DEFAULT '' NOT NULL,
	`area_name` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parcel_id`) REFERENCES `order_parcels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parcel_traces_parcel_time_context` ON `parcel_traces` (`parcel_id`,`time`,`context`);