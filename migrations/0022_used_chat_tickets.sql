CREATE TABLE `used_chat_tickets` (
	`jti` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `used_chat_tickets_expiry` ON `used_chat_tickets` (`expires_at`);