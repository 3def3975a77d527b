import { z } from "@hono/zod-openapi";

/**
 * Response schemas of the shopper's chat API (/api/chat/*), shared with the agent API: what
 * service.ts, ticket.ts and the ChatRoom object return. The WebSocket frames are not OpenAPI
 * operations: their types are in protocol.ts (docs/chat.md).
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

export const ConversationStatusSchema = z
  .enum(["bot", "queued", "assigned", "closed"])
  .openapi("ConversationStatus", {
    description: "bot 机器人接待 / queued 排队中 / assigned 人工接待 / closed 已结束",
  });

export const AgentInfoSchema = z.object({ id: z.number().int(), name: z.string() }).openapi("AgentInfo");

export const ChatTicketSchema = z
  .object({ ticket: z.string(), expiresAt: epochMs })
  .openapi("ChatTicket", { description: "WebSocket 握手用的 60 秒凭证（?ticket=）" });

export const ConversationInfoSchema = z
  .object({
    id: z.number().int(),
    status: ConversationStatusSchema,
    agent: AgentInfoSchema.nullable(),
    queuePosition: z.number().int().nullable().openapi({ description: "排队位置（从 1 起）" }),
    lastId: z.number().int().openapi({ description: "最新一条消息的 id（没有消息时为 0）" }),
    createdAt: epochMs,
  })
  .openapi("ConversationInfo");

export const OpenConversationSchema = z
  .object({ created: z.boolean(), conversation: ConversationInfoSchema })
  .openapi("OpenConversationResult");

export const ShopperConversationListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.number().int(),
          status: ConversationStatusSchema,
          agentId: z.number().int().nullable(),
          csat: z.number().int().nullable(),
          createdAt: epochMs,
          closedAt: epochMs.nullable(),
        })
        .openapi("ShopperConversation"),
    ),
  })
  .openapi("ShopperConversationList");

export const ChatMessageSchema = z
  .object({
    id: z.number().int().openapi({ description: "会话内递增" }),
    from: z.object({
      kind: z.enum(["shopper", "bot", "agent", "system"]),
      id: z.number().int().nullable(),
      name: z.string(),
    }),
    text: z.string().openapi({ description: "纯文本（不是 HTML）" }),
    at: epochMs,
    clientMsgId: z.string().optional().openapi({ description: "发送方的幂等键回显" }),
    sources: z.array(z.string()).optional().openapi({ description: "机器人回答引用的 FAQ id" }),
  })
  .openapi("ChatMessage");

export const ChatHistorySchema = z
  .object({ messages: z.array(ChatMessageSchema), hasMore: z.boolean() })
  .openapi("ChatHistory");

export const CsatResultSchema = z
  .object({ conversationId: z.number().int(), csat: z.number().int().openapi({ description: "1–5" }) })
  .openapi("CsatResult");

export { OkResponse } from "../shared/router";
