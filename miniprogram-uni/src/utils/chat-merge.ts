import type { ChatMessage } from "../../../worker/chat/protocol";

export interface Bubble extends ChatMessage {
  /** Optimistic bubble not yet confirmed by the room; or streamed bot text still arriving. */
  pending?: boolean;
  failed?: boolean;
  streamId?: string;
}

const unconfirmed = (b: Bubble) => Boolean(b.pending || b.failed);

/** Merges a stored message into the list: replaces its optimistic/streamed bubble, ignores duplicates. */
export function mergeMessage(list: Bubble[], m: ChatMessage, streamId?: string): Bubble[] {
  if (list.some((b) => b.id === m.id && !unconfirmed(b))) return list;
  const i = list.findIndex(
    (b) =>
      unconfirmed(b) && ((m.clientMsgId && b.clientMsgId === m.clientMsgId) || (streamId && b.streamId === streamId)),
  );
  const next = i >= 0 ? [...list.slice(0, i), { ...m }, ...list.slice(i + 1)] : [...list, { ...m }];
  // Stored messages in id order; bubbles still waiting for the room stay at the end.
  return next.sort((a, b) => Number(unconfirmed(a)) - Number(unconfirmed(b)) || a.id - b.id);
}

export function newClientMsgId(): string {
  return `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
