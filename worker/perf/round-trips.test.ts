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
 * Requests not at the goal yet: their current count is the ceiling (lower it as they improve).
 * The catalog reads pay one extra round trip on an edge-cache miss: the catalog version check
 * (catalog_revision) that keys the cache, before the read itself. A hit is the version check alone.
 */
const CEILINGS: Record<string, number> = {
  "GET /api/home (cache miss)": 2,
  "GET /api/categories (cache miss)": 2,
  "GET /api/products (cache miss)": 2,
  "GET /api/products/{id} (cache miss)": 2,
  // The idempotency claim with every pricing read; the order batch with the outbox claim; the StockCounter's
  // snapshot publish; the outbox record with the reply's reads.
  "POST /api/orders": 4,
  // Read the order; the transition batch (with the payment log row, the outbox claim and the subscribers'
  // preloads); the stock_state compare-and-set; the StockCounter's own snapshot publish; the outbox record.
  "payment notification (WeChat Pay)": 5,
  // Read the order with its payments; the transition batch with the claim; the outbox record (with the
  // stock_state and the reply's reads); the StockCounter's snapshot publish (it may land just after the
  // reply; it is counted either way).
  "POST /api/orders/{id}/cancel": 4,
  "GET /api/cart (first request of a session)": 2,
  flow: 11,
};

describe("libSQL round trips per request", () => {
  let rows: RoundTripRow[];

  it("every measured request answers successfully", async () => {
    rows = await measureRoundTrips(f);
    console.log(roundTripTable(rows));
    for (const r of rows)
      expect({ name: r.name, ok: r.status >= 200 && r.status < 300 }).toEqual({ name: r.name, ok: true });
  }, 120_000);

  it("each request stays within its round-trip budget", () => {
    const over = rows
      .filter((r) => r.roundTrips > (CEILINGS[r.name] ?? r.goal))
      .map((r) => ({
        name: r.name,
        roundTrips: r.roundTrips,
        budget: CEILINGS[r.name] ?? r.goal,
        log: r.log,
      }));
    expect(over).toEqual([]);
  });

  it("create + pay + notification together stay within the flow budget", () => {
    expect(flowRoundTrips(rows)).toBeLessThanOrEqual(CEILINGS.flow ?? FLOW_GOAL);
  });
});
