/**
 * The customer-service chat wire protocol: every WebSocket frame is one JSON object with a `type`.
 * Shared by the worker, the Durable Objects, the mini program and the agent page (pure types and
 * constants, no imports: safe to copy). Documented in docs/chat.md.
 */

export type ConversationStatus = "bot" | "queued" | "assigned" | "closed";
export type SenderKind = "shopper" | "bot" | "agent" | "system";
export type ChatRole = "shopper" | "agent";

/** A stored message. `id` is assigned by the room and increases monotonically within a conversation. */
export interface ChatMessage {
  id: number;
  from: { kind: SenderKind; id: number | null; name: string };
  /** Plain text, never HTML: clients must render it as text (escape it). */
  text: string;
  /** UTC epoch ms. */
  at: number;
  /** Echo of the sender's idempotency key, so a client can match its optimistic bubble. */
  clientMsgId?: string;
  /** FAQ entry ids a bot answer was drawn from. */
  sources?: string[];
  /** A low-confidence bot answer: the chat shows a 转人工 button under it. */
  offerHuman?: boolean;
}

export interface AgentInfo {
  id: number;
  name: string;
}

/** Limits a client should respect; the room enforces them. */
export const CHAT_LIMITS = {
  /** Characters of message text. */
  maxTextLength: 1000,
  /** Bytes of one incoming frame (UTF-8). */
  maxFrameBytes: 4096,
  /** Token bucket per connection: burst size and refill per second. */
  burst: 5,
  refillPerSecond: 1,
  /** Messages per `history` frame; ask for more with `sync`. */
  historyPage: 200,
  maxClientMsgIdLength: 64,
} as const;

/** Exact bytes of the heartbeat: answered by the runtime without waking the object. */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';

// ---------------------------------------------------------------- conversation room (/api/chat/conversations/:id/ws)

export type ClientFrame =
  /** Send a message. `clientMsgId` makes retries idempotent (same id → same stored message). */
  | { type: "message"; text: string; clientMsgId?: string }
  /** Ask for messages after `after` (e.g. when a `history` frame said hasMore). */
  | { type: "sync"; after: number }
  /** Shopper: the "转人工" button. */
  | { type: "handoff" }
  | { type: "ping" };

export type ServerFrame =
  /** First frame after connecting. */
  | {
      type: "ready";
      conversationId: number;
      role: ChatRole;
      status: ConversationStatus;
      agent: AgentInfo | null;
      queuePosition: number | null;
      /** Id of the newest stored message (0 when none). */
      lastId: number;
    }
  /** Messages with id > the `after` the client asked for, oldest first. */
  | { type: "history"; messages: ChatMessage[]; hasMore: boolean }
  /** A new message. A bot answer that was streamed carries the `streamId` of its `delta` frames. */
  | { type: "message"; message: ChatMessage; streamId?: string }
  /**
   * A piece of a bot answer being generated (append `text` to the bubble of `streamId`). The final,
   * authoritative text arrives as a `message` with the same streamId and replaces the streamed text.
   */
  | { type: "delta"; streamId: string; text: string }
  | { type: "status"; status: ConversationStatus; agent: AgentInfo | null; queuePosition: number | null }
  /** The chat was closed: the shopper may rate it (POST /api/chat/conversations/:id/csat). */
  | { type: "csat_request"; conversationId: number }
  | { type: "error"; code: ChatErrorCode; message: string; clientMsgId?: string }
  | { type: "pong" };

export type ChatErrorCode =
  | "BAD_FRAME"
  | "TOO_LARGE"
  | "EMPTY_MESSAGE"
  | "RATE_LIMITED"
  | "CONVERSATION_CLOSED"
  | "NOT_ALLOWED";

/** WebSocket close codes the server uses (4000–4999 are application codes). */
export const CLOSE_CODES = {
  /** The agent's assignment ended (transferred or closed). */
  unassigned: 4003,
  /** Frame larger than the hard limit. */
  tooLarge: 1009,
} as const;

// ---------------------------------------------------------------- agent lobby (/api/agent/lobby/ws)

export interface QueueEntry {
  conversationId: number;
  shopperId: number;
  shopperName: string;
  reason: string;
  enqueuedAt: number;
  /** 1-based. */
  position: number;
}

export interface AgentPresence {
  id: number;
  name: string;
  online: boolean;
  /** Away agents get no automatic assignments but may still claim. */
  available: boolean;
  load: number;
  capacity: number;
}

export type LobbyClientFrame =
  | { type: "presence"; available: boolean }
  /** Take a specific queued conversation (within capacity). */
  | { type: "claim"; conversationId: number }
  | { type: "ping" };

export type LobbyServerFrame =
  /** Sent on connect and after every change: the whole picture (queues are short). */
  | { type: "lobby"; queue: QueueEntry[]; agents: AgentPresence[]; mine: number[] }
  /** A conversation was given to you; open its room to talk. */
  | { type: "assigned"; conversationId: number; shopperName: string; transferredFrom: number | null }
  /** A conversation is no longer yours. */
  | { type: "released"; conversationId: number; reason: "closed" | "transferred" }
  | { type: "error"; code: string; message: string }
  | { type: "pong" };
