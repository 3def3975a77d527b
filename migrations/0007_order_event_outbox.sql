CREATE TABLE `order_event_receipts` (
	`event_id` integer NOT NULL,
	`subscriber` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`event_id`, `subscriber`),
	FOREIGN KEY (`event_id`) REFERENCES `order_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `order_events` ADD `delivery` text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_events` ADD `delivery_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_events` ADD `next_delivery_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `order_events` ADD `delivery_lease_until` integer;--> statement-breakpoint
ALTER TABLE `order_events` ADD `delivery_error` text;--> statement-breakpoint
CREATE INDEX `order_events_pending_delivery` ON `order_events` (`next_delivery_at`) WHERE "order_events"."delivery" = 'pending';--> statement-breakpoint
ALTER TABLE `order_items` ADD `allocations` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `order_items` ADD `payable_fen` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `orders` ADD `items_summary` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Orders placed before per-line allocations: each line paid its own total (plus nothing we can split now).
UPDATE `order_items` SET `payable_fen` = `line_total_fen`;--> statement-breakpoint
UPDATE `orders` SET `items_summary` = coalesce((
  SELECT CASE WHEN count(*) = 1 THEN max(`name`) || ' ×' || sum(`quantity`)
    ELSE (SELECT `name` FROM `order_items` f WHERE f.`order_id` = `orders`.`id` ORDER BY f.`id` LIMIT 1) || ' 等' || sum(`quantity`) || '件' END
  FROM `order_items` i WHERE i.`order_id` = `orders`.`id`
), '');
