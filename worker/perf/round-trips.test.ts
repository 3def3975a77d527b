/**
 * Issue #16: libSQL round trips per shopper request, counted by the local Hrana gateway while the real
 * worker (workerd) answers. Each request must stay within its budget: the goal where it is met,
 * otherwise today's count, so that any regression fails here (docs/benchmarks.md has the table).
 */
import { describe, expect, it } from "vitest";
import {
  FLOW_GOAL,
  flowRoundTrips,
  measureRoundTrips,
  type RoundTripRow,
  roundTripTable,
} from "../../bench/lib/round-trips";
import { useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

/**
 * The goals apply to what the caller waits for: the round trips made before the answer (the
 * worker's Server-Timing). Every request meets its goal; a request not at it yet would list its current
 * count here as its ceiling.
 */
const CEILINGS: Record<string, number> = {};

/**
 * Everything a request causes, also after its answer (gateway count, quiet to quiet), where that is more
 * than before the answer: the StockCounter's coalesced snapshot publish and the outbox's delivery record
 * (receipts, stock_state), written from `waitUntil`. Held at today's counts so a regression fails.
 */
const TOTAL_CEILINGS: Record<string, number> = {
  // + the StockCounter's snapshot publish; + the delivery record (the timer's receipt).
  "POST /api/orders": 4,
  // + the StockCounter's snapshot publish; + the delivery record (receipts, stock_state).
  "payment notification (WeChat Pay)": 4,
  // + the delivery record (receipts, stock_state); + the StockCounter's snapshot publish.
  "POST /api/orders/{id}/cancel": 4,
  flow: 10,
};

describe("libSQL round trips per request", () => {
  let rows: RoundTripRow[];

  it("every measured request answers successfully", async () => {
    rows = await measureRoundTrips(f);
    console.log(roundTripTable(rows));
    for (const r of rows)
      expect({ name: r.name, ok: r.status >= 200 && r.status < 300 }).toEqual({ name: r.name, ok: true });
  }, 120_000);

  it("each request stays within its round-trip budget before its answer", () => {
    const over = rows
      .filter((r) => r.beforeReply > (CEILINGS[r.name] ?? r.goal))
      .map((r) => ({
        name: r.name,
        beforeReply: r.beforeReply,
        budget: CEILINGS[r.name] ?? r.goal,
        log: r.log,
      }));
    expect(over).toEqual([]);
  });

  it("what each request causes after its answer stays within today's counts", () => {
    const over = rows
      .filter((r) => r.roundTrips > (TOTAL_CEILINGS[r.name] ?? CEILINGS[r.name] ?? r.goal))
      .map((r) => ({ name: r.name, roundTrips: r.roundTrips, log: r.log }));
    expect(over).toEqual([]);
  });

  it("the worker reports every round trip it waited for (Server-Timing never exceeds the gateway's count)", () => {
    const wrong = rows.filter(
      (r) => r.beforeReply > r.roundTrips || (r.roundTrips > 0 && r.beforeReply === 0),
    );
    expect(
      wrong.map((r) => ({ name: r.name, beforeReply: r.beforeReply, roundTrips: r.roundTrips })),
    ).toEqual([]);
  });

  it("create + pay + notification together stay within the flow budget", () => {
    const flow = flowRoundTrips(rows);
    expect(flow.beforeReply).toBeLessThanOrEqual(FLOW_GOAL);
    expect(flow.roundTrips).toBeLessThanOrEqual(TOTAL_CEILINGS.flow!);
  });
});
