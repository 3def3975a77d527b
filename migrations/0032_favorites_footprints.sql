CREATE TABLE `favorites` (
	`shopper_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shopper_id`, `product_id`),
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `favorites_shopper_time` ON `favorites` (`shopper_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `product_views` (
	`shopper_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`viewed_at` integer NOT NULL,
	PRIMARY KEY(`shopper_id`, `product_id`),
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `product_views_shopper_time` ON `product_views` (`shopper_id`,`viewed_at`);