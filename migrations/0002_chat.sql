CREATE TABLE `canned_replies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` integer,
	`title` text NOT NULL,
	`text` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `canned_replies_staff` ON `canned_replies` (`staff_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `chat_agents` (
	`staff_id` integer PRIMARY KEY NOT NULL,
	`capacity` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `conversations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shopper_id` integer NOT NULL,
	`status` text DEFAULT 'bot' NOT NULL,
	`agent_id` integer,
	`escalation_reason` text,
	`csat` integer,
	`csat_comment` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`queued_at` integer,
	`assigned_at` integer,
	`closed_at` integer,
	`rated_at` integer,
	CONSTRAINT "conversations_csat_range" CHECK(csat IS NULL OR csat BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_one_open` ON `conversations` (`shopper_id`) WHERE status <> 'closed';--> statement-breakpoint
CREATE INDEX `conversations_status` ON `conversations` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `conversations_agent` ON `conversations` (`agent_id`,`status`);--> statement-breakpoint
CREATE INDEX `conversations_rated` ON `conversations` (`rated_at`);--> statement-breakpoint
INSERT INTO `canned_replies` (`staff_id`, `title`, `text`, `sort_order`, `created_at`, `updated_at`) VALUES
	(NULL, '问候', '您好，我是人工客服，很高兴为您服务，请问有什么可以帮您？', 10, strftime('%s','now') * 1000, strftime('%s','now') * 1000),
	(NULL, '稍等', '好的，正在为您查询，请稍等片刻。', 20, strftime('%s','now') * 1000, strftime('%s','now') * 1000),
	(NULL, '物流', '您的订单已安排发货，大件家电一般 3-5 天送达，送货前师傅会电话联系您。', 30, strftime('%s','now') * 1000, strftime('%s','now') * 1000),
	(NULL, '安装', '空调、热水器等需安装的商品，送货后 24 小时内会有安装师傅与您预约上门时间，基础安装免费。', 40, strftime('%s','now') * 1000, strftime('%s','now') * 1000),
	(NULL, '退换货', '商品签收后 7 天内未使用可申请无理由退货，15 天内出现性能故障可申请换货，请在「我的订单」中提交售后申请。', 50, strftime('%s','now') * 1000, strftime('%s','now') * 1000),
	(NULL, '结束语', '感谢您的咨询，祝您生活愉快！如还有问题，欢迎随时联系我们。', 60, strftime('%s','now') * 1000, strftime('%s','now') * 1000);
