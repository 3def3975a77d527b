CREATE TABLE `search_terms` (
	`term` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`last_searched_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_terms_count` ON `search_terms` (`count`);