CREATE TABLE `product_review_stats` (
	`product_id` integer PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`rating_sum` integer NOT NULL,
	`good_count` integer NOT NULL,
	`with_photos` integer NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_item_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`shopper_id` integer NOT NULL,
	`specs` text NOT NULL,
	`rating` integer NOT NULL,
	`content` text NOT NULL,
	`photos` text NOT NULL,
	`anonymous` integer NOT NULL,
	`status` text NOT NULL,
	`reply` text,
	`replied_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`order_item_id`) REFERENCES `order_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`shopper_id`) REFERENCES `shoppers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_order_item` ON `reviews` (`order_item_id`);--> statement-breakpoint
CREATE INDEX `reviews_product_time` ON `reviews` (`product_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reviews_shopper` ON `reviews` (`shopper_id`);