import type { AgentInfo, ChatMessage, ConversationStatus, QueueEntry, AgentPresence } from "../../../worker/chat/protocol";
import { request } from "./request";

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

export interface ConversationInfo {
  id: number;
  status: ConversationStatus;
  agent: AgentInfo | null;
  queuePosition: number | null;
  lastId: number;
  createdAt: number;
}

type As = "shopper" | "staff";

/** A 60-second ticket for the WebSocket handshake (browsers cannot send an Authorization header). */
export const chatTicket = (as: As) =>
  request<{ ticket: string; expiresAt: number }>("/api/chat/tickets", { method: "POST", as, silent: true });

export const openConversation = () =>
  request<{ created: boolean; conversation: ConversationInfo }>("/api/chat/conversations", { method: "POST" });
export const closeConversation = (id: number) =>
  request<{ ok: true }>(`/api/chat/conversations/${id}/close`, { method: "POST" });
export const rateConversation = (id: number, score: number, comment?: string) =>
  request<unknown>(`/api/chat/conversations/${id}/csat`, {
    method: "POST",
    data: comment ? { score, comment } : { score },
  });
export const chatHistory = (id: number, as: As, after = 0) =>
  request<{ messages: ChatMessage[]; hasMore: boolean }>(`/api/chat/conversations/${id}/messages`, {
    query: { after, limit: 200 },
    as,
    silent: true,
  });

// ---- agent desk

export interface AgentContext {
  conversation: { status: ConversationStatus; shopperId: number; shopperName: string; agent: AgentInfo | null };
  shopper: { id: number; nickname: string };
  orders: {
    orderNo: string;
    status: string;
    statusText: string;
    itemsSummary: string;
    carrier?: string;
    trackingNo?: string;
    createdAt: number;
  }[];
}
export interface CannedReply {
  id: number;
  title: string;
  text: string;
  sortOrder: number;
  shared: boolean;
}
export interface AgentConversation {
  id: number;
  status: ConversationStatus;
  shopperId: number;
  shopperName: string | null;
  escalationReason: string | null;
  csat: number | null;
  assignedAt: number | null;
  closedAt: number | null;
}

export const agentQueue = () =>
  request<{ queue: QueueEntry[]; agents: AgentPresence[]; mine: number[] }>("/api/agent/queue", {
    as: "staff",
    silent: true,
  });
export const agentConversations = (status?: "assigned" | "closed") =>
  request<{ items: AgentConversation[] }>("/api/agent/conversations", { query: { status }, as: "staff", silent: true }).then(
    (r) => r.items,
  );
export const agentContext = (id: number) =>
  request<AgentContext>(`/api/agent/conversations/${id}/context`, { as: "staff", silent: true });
export const claimConversation = (id: number) =>
  request<{ ok: true }>(`/api/agent/conversations/${id}/claim`, { method: "POST", as: "staff" });
export const agentCloseConversation = (id: number) =>
  request<{ ok: true }>(`/api/agent/conversations/${id}/close`, { method: "POST", as: "staff" });
export const cannedReplies = () =>
  request<{ items: CannedReply[] }>("/api/agent/canned-replies", { as: "staff", silent: true }).then((r) => r.items);
