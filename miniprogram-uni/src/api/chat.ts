import { request } from "./request";
import type { Schema } from "./schemas";

// WebSocket frames are not OpenAPI operations: their types come from the worker's wire protocol module.
export type {
  AgentInfo,
  AgentPresence,
  ChatMessage,
  ClientFrame,
  ConversationStatus,
  LobbyClientFrame,
  LobbyServerFrame,
  QueueEntry,
  ServerFrame,
} from "../../../worker/chat/protocol";
export { CHAT_LIMITS, PING_FRAME } from "../../../worker/chat/protocol";

export type ConversationInfo = Schema<"ConversationInfo">;

type As = "shopper" | "staff";

/** A 60-second ticket for the WebSocket handshake (browsers cannot send an Authorization header). */
export const chatTicket = (as: As) =>
  request<Schema<"ChatTicket">>("/api/chat/tickets", { method: "POST", as, silent: true });

export const openConversation = () =>
  request<Schema<"OpenConversationResult">>("/api/chat/conversations", { method: "POST" });
export const closeConversation = (id: number) =>
  request<Schema<"Ok">>(`/api/chat/conversations/${id}/close`, { method: "POST" });
export const rateConversation = (id: number, score: number, comment?: string) =>
  request<Schema<"CsatResult">>(`/api/chat/conversations/${id}/csat`, {
    method: "POST",
    data: comment ? { score, comment } : { score },
  });
export const chatHistory = (id: number, as: As, after = 0) =>
  request<Schema<"ChatHistory">>(`/api/chat/conversations/${id}/messages`, {
    query: { after, limit: 200 },
    as,
    silent: true,
  });

// ---- agent desk

export type AgentContext = Schema<"AgentContext">;
export type CannedReply = Schema<"CannedReply">;
export type AgentConversation = Schema<"AgentConversation">;

export const agentQueue = () => request<Schema<"AgentQueue">>("/api/agent/queue", { as: "staff", silent: true });
export const agentConversations = (status?: "assigned" | "closed") =>
  request<Schema<"AgentConversationList">>("/api/agent/conversations", {
    query: { status },
    as: "staff",
    silent: true,
  }).then((r) => r.items);
export const agentContext = (id: number) =>
  request<AgentContext>(`/api/agent/conversations/${id}/context`, { as: "staff", silent: true });
export const claimConversation = (id: number) =>
  request<Schema<"Ok">>(`/api/agent/conversations/${id}/claim`, { method: "POST", as: "staff" });
export const agentCloseConversation = (id: number) =>
  request<Schema<"Ok">>(`/api/agent/conversations/${id}/close`, { method: "POST", as: "staff" });
export const cannedReplies = () =>
  request<Schema<"CannedReplyList">>("/api/agent/canned-replies", { as: "staff", silent: true }).then((r) => r.items);
