ALTER TABLE `merchant_notifications` ADD `staff_id` integer;--> statement-breakpoint
CREATE INDEX `merchant_notifications_staff` ON `merchant_notifications` (`staff_id`,`created_at`);