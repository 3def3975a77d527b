/** Stored rows ↔ protocol messages, and the transcript the bot sees. Pure. */
import type { ChatTurn } from "../faq-bot/types";
import type { ChatMessage, SenderKind } from "../worker/chat/protocol";

export type MessageRow = {
  id: number;
  kind: string;
  sender_id: number | null;
  sender_name: string;
  text: string;
  client_msg_id: string | null;
  sources: string | null;
  /** 1 on low-confidence bot answers (column added later: absent/null on older rows). */
  offer_human?: number | null;
  at: number;
};

export function rowToMessage(r: MessageRow): ChatMessage {
  const m: ChatMessage = {
    id: r.id,
    from: { kind: r.kind as SenderKind, id: r.sender_id, name: r.sender_name },
    text: r.text,
    at: r.at,
  };
  if (r.client_msg_id) m.clientMsgId = r.client_msg_id;
  if (r.sources) m.sources = JSON.parse(r.sources) as string[];
  if (r.offer_human) m.offerHuman = true;
  return m;
}

/**
 * The conversation as the bot reads it: the shopper is "user", bot and agents are "assistant", system
 * notices (queue position, who joined) are left out. Oldest first, at most `max` turns.
 */
export function toChatTurns(messages: readonly ChatMessage[], max: number): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    if (m.from.kind === "system") continue;
    const turn: ChatTurn = { role: m.from.kind === "shopper" ? "user" : "assistant", text: m.text };
    if (m.sources?.length) turn.sources = m.sources;
    turns.push(turn);
  }
  return turns.slice(-max);
}
