CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`status` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`tax_no` text,
	`email` text,
	`amount_fen` integer,
	`invoice_no` text,
	`file_key` text,
	`reject_reason` text,
	`requested_at` integer NOT NULL,
	`issued_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_order` ON `invoices` (`order_id`);--> statement-breakpoint
CREATE INDEX `invoices_status_requested` ON `invoices` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `invoices_shopper` ON `invoices` (`shopper_id`);