ALTER TABLE `order_requests` ADD `order_no` text;--> statement-breakpoint
ALTER TABLE `order_requests` ADD `sku_ids` text;