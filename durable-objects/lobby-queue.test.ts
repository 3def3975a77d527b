import { describe, expect, it } from "vitest";
import { type AgentSlot, checkClaim, checkTransfer, planAssignments, queuePosition } from "./lobby-queue";

const agent = (id: number, over: Partial<AgentSlot> = {}): AgentSlot => ({
  id,
  capacity: 2,
  load: 0,
  online: true,
  available: true,
  lastAssignedAt: 0,
  ...over,
});
const queue = (...ids: number[]) => ids.map((conversationId, i) => ({ conversationId, seq: i + 1 }));

describe("planAssignments", () => {
  it("hands chats out oldest first and never beyond capacity", () => {
    const plan = planAssignments(queue(10, 11, 12, 13, 14), [agent(1, { capacity: 1 }), agent(2)], 100);
    expect(plan).toHaveLength(3);
    expect(plan.map((p) => p.conversationId)).toEqual([10, 11, 12]);
    const perAgent = (id: number) => plan.filter((p) => p.agentId === id).length;
    expect(perAgent(1)).toBe(1);
    expect(perAgent(2)).toBe(2);
  });

  it("orders by seq, not by array position", () => {
    const q = [
      { conversationId: 7, seq: 9 },
      { conversationId: 8, seq: 2 },
    ];
    expect(planAssignments(q, [agent(1, { capacity: 1 })], 1)).toEqual([{ conversationId: 8, agentId: 1 }]);
  });

  it("prefers the least loaded agent, then the one idle longest, then the lowest id", () => {
    expect(planAssignments(queue(1), [agent(1, { load: 1 }), agent(2)], 5)[0]?.agentId).toBe(2);
    expect(
      planAssignments(queue(1), [agent(1, { lastAssignedAt: 50 }), agent(2, { lastAssignedAt: 10 })], 60)[0]
        ?.agentId,
    ).toBe(2);
    expect(planAssignments(queue(1), [agent(3), agent(2)], 5)[0]?.agentId).toBe(2);
  });

  it("spreads a burst round-robin among equal agents", () => {
    const plan = planAssignments(queue(1, 2, 3, 4), [agent(1), agent(2)], 5);
    expect(plan.map((p) => p.agentId)).toEqual([1, 2, 1, 2]);
  });

  it("skips offline, away and full agents", () => {
    const agents = [
      agent(1, { online: false }),
      agent(2, { available: false }),
      agent(3, { load: 2, capacity: 2 }),
    ];
    expect(planAssignments(queue(1, 2), agents, 5)).toEqual([]);
  });

  it("does not mutate its inputs", () => {
    const agents = [agent(1)];
    planAssignments(queue(1), agents, 5);
    expect(agents[0]?.load).toBe(0);
  });
});

describe("queuePosition", () => {
  it("is 1-based in FIFO order, null when absent", () => {
    const q = [
      { conversationId: 5, seq: 30 },
      { conversationId: 6, seq: 10 },
    ];
    expect(queuePosition(q, 6)).toBe(1);
    expect(queuePosition(q, 5)).toBe(2);
    expect(queuePosition(q, 7)).toBeNull();
  });
});

describe("checkTransfer / checkClaim", () => {
  it("only the assigned agent may transfer, to another online agent with room", () => {
    expect(checkTransfer(1, 2, agent(3))).toMatchObject({ ok: false, code: "NOT_ASSIGNED" });
    expect(checkTransfer(1, 1, undefined)).toMatchObject({ ok: false, code: "AGENT_NOT_FOUND" });
    expect(checkTransfer(1, 1, agent(1))).toMatchObject({ ok: false, code: "SAME_AGENT" });
    expect(checkTransfer(1, 1, agent(2, { online: false }))).toMatchObject({ code: "AGENT_OFFLINE" });
    expect(checkTransfer(1, 1, agent(2, { load: 2 }))).toMatchObject({ code: "AGENT_FULL" });
    expect(checkTransfer(1, 1, agent(2, { available: false }))).toEqual({ ok: true });
  });

  it("claims need a queued chat and a free slot", () => {
    expect(checkClaim(agent(1), false)).toMatchObject({ code: "NOT_QUEUED" });
    expect(checkClaim(agent(1, { load: 2 }), true)).toMatchObject({ code: "AGENT_FULL" });
    expect(checkClaim(agent(1, { available: false }), true)).toEqual({ ok: true });
  });
});

describe("会员优先 (member tier boost)", () => {
  const agent = { id: 1, capacity: 1, load: 0, online: true, available: true, lastAssignedAt: 0 };
  const MIN = 60_000;
  it("a higher tier waits less, but only by its boost: an older chat beyond the boost is still first", () => {
    const queue = [
      { conversationId: 1, seq: 1, enqueuedAt: 100 * MIN, boostMs: 0 },
      { conversationId: 2, seq: 2, enqueuedAt: 103 * MIN, boostMs: 15 * MIN },
      { conversationId: 3, seq: 3, enqueuedAt: 104 * MIN, boostMs: 2 * MIN },
    ];
    expect(planAssignments(queue, [agent], 0)).toEqual([{ conversationId: 2, agentId: 1 }]);
    expect(queuePosition(queue, 2)).toBe(1);
    expect(queuePosition(queue, 1)).toBe(2);
    const longWait = [{ ...queue[0]!, enqueuedAt: 80 * MIN }, queue[1]!];
    expect(planAssignments(longWait, [agent], 0)).toEqual([{ conversationId: 1, agentId: 1 }]);
  });

  it("without boosts the order stays FIFO by seq", () => {
    const queue = [
      { conversationId: 7, seq: 2, enqueuedAt: 5 },
      { conversationId: 8, seq: 1, enqueuedAt: 5 },
    ];
    expect(queuePosition(queue, 8)).toBe(1);
  });
});
