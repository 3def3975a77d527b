import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * WeChat subscribe messages (订阅消息) we sent or would have sent. In local mode (no WeChat
 * credentials or template) they are only recorded (status 'recorded'), never sent.
 */
export const wechatSubscribeMessages = sqliteTable(
  "wechat_subscribe_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Same key as the in-app notice: one message per event however often it is retried. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    shopperId: integer("shopper_id").notNull(),
    openid: text("openid").notNull(),
    templateKey: text("template_key").notNull(),
    templateId: text("template_id"),
    page: text("page").notNull(),
    data: text("data", { mode: "json" }).$type<Record<string, { value: string }>>().notNull(),
    /** recorded (local mode) | pending | sent | failed */
    status: text("status").notNull(),
    errcode: integer("errcode"),
    errmsg: text("errmsg"),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [index("wechat_subscribe_messages_status").on(t.status, t.createdAt)],
);
