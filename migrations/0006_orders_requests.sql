CREATE TABLE `order_requests` (
	`shopper_id` integer NOT NULL,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`shopper_id`, `idempotency_key`)
);
