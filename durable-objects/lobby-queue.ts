/**
 * Queue and assignment policy of the agent lobby. Pure: the AgentLobby object reads its tables, asks
 * these functions what to do, and writes the answer back without an await in between.
 */

export interface QueuedChat {
  conversationId: number;
  /** Enqueue order: lower is older (FIFO). */
  seq: number;
  /** When it was queued (ms), and how much earlier the shopper's member tier counts it (会员优先). */
  enqueuedAt?: number;
  boostMs?: number;
}

/**
 * Serving order: by enqueue time moved earlier by the tier's boost, then FIFO. A higher tier waits
 * less, but only by a bounded time: a chat that has waited longer than the boost is still served first.
 */
export const byServingOrder = (a: QueuedChat, b: QueuedChat) =>
  (a.enqueuedAt ?? 0) - (a.boostMs ?? 0) - ((b.enqueuedAt ?? 0) - (b.boostMs ?? 0)) || a.seq - b.seq;

export interface AgentSlot {
  id: number;
  capacity: number;
  /** Conversations currently assigned. */
  load: number;
  online: boolean;
  /** False when the agent set themselves away. */
  available: boolean;
  /** When the agent last received a chat (0 = never): spreads work round-robin among equals. */
  lastAssignedAt: number;
}

export interface Assignment {
  conversationId: number;
  agentId: number;
}

export const hasFreeSlot = (a: AgentSlot) => a.load < a.capacity;

/** Can take an automatic assignment right now. */
export const canAutoAssign = (a: AgentSlot) => a.online && a.available && hasFreeSlot(a);

/**
 * Hands queued chats, oldest first, to agents with a free slot: the least loaded first, then the one
 * who waited longest since their last chat, then the lowest id (deterministic).
 */
export function planAssignments(queue: readonly QueuedChat[], agents: readonly AgentSlot[], now: number) {
  const pool = agents.map((a) => ({ ...a }));
  const out: Assignment[] = [];
  for (const chat of [...queue].sort(byServingOrder)) {
    let best: AgentSlot | undefined;
    for (const a of pool) {
      if (!canAutoAssign(a)) continue;
      if (
        !best ||
        a.load < best.load ||
        (a.load === best.load &&
          (a.lastAssignedAt < best.lastAssignedAt ||
            (a.lastAssignedAt === best.lastAssignedAt && a.id < best.id)))
      )
        best = a;
    }
    if (!best) break; // nobody has room: every later chat waits too (FIFO is not skipped)
    best.load++;
    best.lastAssignedAt = now;
    out.push({ conversationId: chat.conversationId, agentId: best.id });
  }
  return out;
}

/** 1-based place in the queue, or null when not queued. */
export function queuePosition(queue: readonly QueuedChat[], conversationId: number): number | null {
  const sorted = [...queue].sort(byServingOrder);
  const i = sorted.findIndex((c) => c.conversationId === conversationId);
  return i < 0 ? null : i + 1;
}

export type TransferCheck = { ok: true } | { ok: false; code: string; message: string };

/** Whether `from` may hand `conversationId` (currently assigned to `currentAgentId`) to `to`. */
export function checkTransfer(
  currentAgentId: number | undefined,
  fromAgentId: number,
  to: AgentSlot | undefined,
): TransferCheck {
  if (currentAgentId !== fromAgentId)
    return { ok: false, code: "NOT_ASSIGNED", message: "该会话不在您的接待列表中" };
  if (!to) return { ok: false, code: "AGENT_NOT_FOUND", message: "目标客服不存在" };
  if (to.id === fromAgentId) return { ok: false, code: "SAME_AGENT", message: "不能转接给自己" };
  if (!to.online) return { ok: false, code: "AGENT_OFFLINE", message: "目标客服不在线" };
  if (!hasFreeSlot(to)) return { ok: false, code: "AGENT_FULL", message: "目标客服接待已满" };
  return { ok: true };
}

/** Whether an agent may claim a queued chat themselves (away agents may: claiming is explicit). */
export function checkClaim(agent: AgentSlot, queued: boolean): TransferCheck {
  if (!queued) return { ok: false, code: "NOT_QUEUED", message: "该会话不在排队中，可能已被接入" };
  if (!hasFreeSlot(agent))
    return { ok: false, code: "AGENT_FULL", message: "您的接待已满，请先结束其他会话" };
  return { ok: true };
}
