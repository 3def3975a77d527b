import { z } from "@hono/zod-openapi";
import { AgentInfoSchema, ConversationStatusSchema } from "../chat/api-schemas";

/**
 * Response schemas of the agent workbench API (/api/agent/*): what service.ts, canned.ts and the
 * AgentLobby / ChatRoom objects return. Lobby WebSocket frames are typed in chat/protocol.ts.
 */

const epochMs = z.number().int().openapi({ description: "UTC 毫秒" });

export const QueueEntrySchema = z
  .object({
    conversationId: z.number().int(),
    shopperId: z.number().int(),
    shopperName: z.string(),
    reason: z.string().openapi({ description: "转人工原因" }),
    enqueuedAt: epochMs,
    position: z.number().int().openapi({ description: "从 1 起" }),
  })
  .openapi("QueueEntry");

export const AgentPresenceSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    online: z.boolean(),
    available: z.boolean().openapi({ description: "离开状态的客服不自动分配，但可以主动接入" }),
    load: z.number().int(),
    capacity: z.number().int(),
  })
  .openapi("AgentPresence");

export const AgentQueueSchema = z
  .object({
    queue: z.array(QueueEntrySchema),
    agents: z.array(AgentPresenceSchema),
    mine: z.array(z.number().int()).openapi({ description: "我正在接待的会话 id" }),
  })
  .openapi("AgentQueue");

export const AgentConversationListSchema = z
  .object({
    items: z.array(
      z
        .object({
          id: z.number().int(),
          status: ConversationStatusSchema,
          shopperId: z.number().int(),
          shopperName: z.string().nullable(),
          escalationReason: z.string().nullable(),
          csat: z.number().int().nullable(),
          assignedAt: epochMs.nullable(),
          closedAt: epochMs.nullable(),
        })
        .openapi("AgentConversation"),
    ),
  })
  .openapi("AgentConversationList");

export const AgentContextSchema = z
  .object({
    conversation: z
      .object({
        conversationId: z.number().int(),
        shopperId: z.number().int(),
        shopperName: z.string(),
        status: ConversationStatusSchema,
        agent: AgentInfoSchema.nullable(),
        queuePosition: z.number().int().nullable(),
        lastId: z.number().int(),
      })
      .openapi("RoomSummary"),
    shopper: z.object({ id: z.number().int(), nickname: z.string() }),
    orders: z.array(
      z
        .object({
          orderNo: z.string(),
          status: z.string().openapi({ description: "订单状态码" }),
          statusText: z.string(),
          itemsSummary: z.string().openapi({ description: "如 美的空调 ×1，小米电视 ×1" }),
          carrier: z.string().optional(),
          trackingNo: z.string().optional(),
          latestTrace: z
            .object({ time: epochMs, context: z.string() })
            .optional()
            .openapi({ description: "最新一条物流轨迹（快递100），已发货且承运商已回传时" }),
          createdAt: epochMs,
        })
        .openapi("OrderContext", { description: "顾客最近的订单（客服与机器人看到的摘要）" }),
    ),
  })
  .openapi("AgentContext");

export const CannedReplySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    text: z.string(),
    sortOrder: z.number().int(),
    shared: z.boolean().openapi({ description: "公共（商家管理员维护）或我的" }),
  })
  .openapi("CannedReply");
export const CannedReplyListSchema = z
  .object({ items: z.array(CannedReplySchema) })
  .openapi("CannedReplyList");

export { OkResponse } from "../shared/router";

// ---------------------------------------------------------------- merchant admin (/api/admin/chat/*)

export const ChatAgentSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    disabled: z.boolean(),
    capacity: z.number().int().openapi({ description: "同时接待上限" }),
    online: z.boolean().openapi({ description: "工作台在线" }),
    available: z.boolean().openapi({ description: "在线且接单（非离开）" }),
    load: z.number().int().openapi({ description: "正在接待的会话数" }),
  })
  .openapi("ChatAgent");
export const ChatAgentListSchema = z.object({ items: z.array(ChatAgentSchema) }).openapi("ChatAgentList");

export const CreatedAgentSchema = z
  .object({ id: z.number().int(), username: z.string(), name: z.string(), capacity: z.number().int() })
  .openapi("CreatedChatAgent");
export const AgentCapacitySchema = z
  .object({ id: z.number().int(), capacity: z.number().int() })
  .openapi("ChatAgentCapacity");

export const CsatReportSchema = z
  .object({
    count: z.number().int(),
    average: z.number().nullable().openapi({ description: "保留两位小数；无评价时为 null" }),
    distribution: z.object({
      "1": z.number().int(),
      "2": z.number().int(),
      "3": z.number().int(),
      "4": z.number().int(),
      "5": z.number().int(),
    }),
  })
  .openapi("CsatReport");

export const CsatCommentListSchema = z
  .object({
    items: z.array(
      z
        .object({
          conversationId: z.number().int(),
          score: z.number().int(),
          comment: z.string().nullable(),
          ratedAt: epochMs,
          agentId: z.number().int().nullable(),
          agentName: z.string().nullable(),
          shopperName: z.string().nullable(),
        })
        .openapi("CsatComment"),
    ),
  })
  .openapi("CsatCommentList");
