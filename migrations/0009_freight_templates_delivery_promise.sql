ALTER TABLE `products` ADD `shipping_mode` text DEFAULT 'shop_default' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `freight_template_id` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `fixed_freight_fen` integer;--> statement-breakpoint
ALTER TABLE `orders` ADD `delivery_promise` text;