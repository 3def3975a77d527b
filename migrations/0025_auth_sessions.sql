CREATE TABLE `auth_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`principal_kind` text NOT NULL,
	`principal_id` integer NOT NULL,
	`rotation` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_principal` ON `auth_sessions` (`principal_kind`,`principal_id`);