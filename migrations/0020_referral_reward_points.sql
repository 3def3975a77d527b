ALTER TABLE `referral_rewards` ADD `points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `referral_settings` ADD `reward_points` integer DEFAULT 500 NOT NULL;