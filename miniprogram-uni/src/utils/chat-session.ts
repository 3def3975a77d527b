import { reactive } from "vue";
import {
  type AgentInfo,
  CHAT_LIMITS,
  type ChatMessage,
  type ClientFrame,
  type ConversationStatus,
  type ServerFrame,
} from "@/api/chat";
import { toast } from "@/api/request";
import { type Bubble, mergeMessage, newClientMsgId } from "./chat-merge";
import { LiveSocket } from "./socket";

export type { Bubble };

/**
 * Live state of one conversation room for either side (shopper or agent): messages, status, the
 * agent, queue position, csat request. Reconnects resume from the last message id.
 */
export function useChatRoom(conversationId: number, as: "shopper" | "staff") {
  const state = reactive({
    messages: [] as Bubble[],
    status: "bot" as ConversationStatus,
    agent: null as AgentInfo | null,
    queuePosition: null as number | null,
    connection: "connecting" as "connecting" | "open" | "closed",
    csatRequested: false,
    /** Set when an agent's assignment ended (transfer/close): the room stays read-only. */
    ended: false,
  });
  const lastId = () => state.messages.reduce((n, m) => (m.pending ? n : Math.max(n, m.id)), 0);

  function onFrame(f: ServerFrame) {
    switch (f.type) {
      case "ready":
        state.status = f.status;
        state.agent = f.agent;
        state.queuePosition = f.queuePosition;
        break;
      case "history":
        for (const m of f.messages) state.messages = mergeMessage(state.messages, m);
        if (f.hasMore) socket.send({ type: "sync", after: lastId() });
        break;
      case "message":
        state.messages = mergeMessage(state.messages, f.message, f.streamId);
        break;
      case "delta": {
        const i = state.messages.findIndex((b) => b.streamId === f.streamId && b.pending);
        if (i >= 0) {
          const b = state.messages[i]!;
          state.messages.splice(i, 1, { ...b, text: b.text + f.text });
        } else
          state.messages = [
            ...state.messages,
            {
              id: Number.MAX_SAFE_INTEGER,
              from: { kind: "bot", id: null, name: "智能客服" },
              text: f.text,
              at: Date.now(),
              pending: true,
              streamId: f.streamId,
            },
          ];
        break;
      }
      case "status":
        state.status = f.status;
        state.agent = f.agent;
        state.queuePosition = f.queuePosition;
        break;
      case "csat_request":
        state.csatRequested = true;
        break;
      case "error":
        if (f.clientMsgId)
          state.messages = state.messages.map((b) =>
            b.clientMsgId === f.clientMsgId && b.pending ? { ...b, pending: false, failed: true } : b,
          );
        toast(f.message);
        break;
    }
  }

  const socket = new LiveSocket<ServerFrame, ClientFrame>({
    path: `/api/chat/conversations/${conversationId}/ws`,
    as,
    query: () => ({ after: lastId() }),
    onFrame,
    onState: (s) => (state.connection = s),
    finalCodes: [4003],
    onFinal: () => {
      state.ended = true;
      if (state.status !== "closed") toast("该会话已不在您的接待列表中");
    },
  });

  function send(text: string, from: ChatMessage["from"]): boolean {
    const t = text.trim();
    if (!t) return false;
    if (t.length > CHAT_LIMITS.maxTextLength) {
      toast(`消息不能超过 ${CHAT_LIMITS.maxTextLength} 字`);
      return false;
    }
    const clientMsgId = newClientMsgId();
    state.messages = [
      ...state.messages,
      { id: Number.MAX_SAFE_INTEGER, from, text: t, at: Date.now(), clientMsgId, pending: true },
    ];
    if (!socket.send({ type: "message", text: t, clientMsgId })) {
      state.messages = state.messages.map((b) =>
        b.clientMsgId === clientMsgId ? { ...b, pending: false, failed: true } : b,
      );
      toast("连接已断开，正在重连…");
    }
    return true;
  }

  /** Re-sends a failed bubble with the same clientMsgId (the room stores it at most once). */
  function resend(b: Bubble) {
    if (!b.clientMsgId) return;
    state.messages = state.messages.map((x) => (x === b ? { ...x, pending: true, failed: false } : x));
    if (!socket.send({ type: "message", text: b.text, clientMsgId: b.clientMsgId }))
      state.messages = state.messages.map((x) =>
        x.clientMsgId === b.clientMsgId ? { ...x, pending: false, failed: true } : x,
      );
  }

  return {
    state,
    start: () => socket.start(),
    stop: () => socket.stop(),
    send,
    resend,
    handoff: () => socket.send({ type: "handoff" }),
  };
}
