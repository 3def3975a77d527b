/**
 * The order-event outbox against a real libSQL file behind the local Hrana gateway, through the
 * production driver (@libsql/client/web + drizzle): in-transaction subscribers commit with the
 * event, after-commit subscribers are retried until they succeed and never run twice for one event.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HranaGateway, startHranaGateway } from "../../dev/hrana-gateway/index";
import { applyMigrations } from "../../dev/migrate";
import { createDb, type Db } from "../db/client";
import type { Env } from "../env";
import { merchantNotifications } from "../notifications/schema";
import { createLogger } from "../shared/log";
import type { OrderDeps } from "./deps";
import { eventStatements, type OrderEventSubscriber } from "./events";
import { commitAndDeliver, deliverOrderEvents, MAX_DELIVERY_ATTEMPTS } from "./outbox";
import { orderEvents } from "./schema";
import { loadOrder, type OrderRow, SYSTEM } from "./transition";

let dir: string;
let gateway: HranaGateway;
let db: Db;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "jiadian-outbox-"));
  gateway = await startHranaGateway({ dbPath: join(dir, "outbox.db") });
  await applyMigrations(gateway.url);
  db = createDb(gateway.url);
  await db.run(
    sql`INSERT INTO shoppers (id, openid, nickname, created_at) VALUES (1, 'dev:outbox', 'outbox', 0)`,
  );
});
afterAll(async () => {
  await gateway.close();
  await rm(dir, { recursive: true, force: true });
});

let orderSeq = 0;
async function newOrder(): Promise<OrderRow> {
  const no = `T${Date.now()}${++orderSeq}`;
  await db.run(sql`INSERT INTO orders (order_no, shopper_id, status, version, items_total_fen, shipping_fen,
      discount_fen, payable_fen, adjustments, address, receiver_name, receiver_phone, idempotency_key,
      stock_state, pay_deadline, created_at, updated_at)
    VALUES (${no}, 1, 'paid', 2, 100, 0, 0, 100, '[]', '{}', '张三', '13800000000', ${no}, 'reserved', 0, 0, 0)`);
  const row = await db.select({ id: sql<number>`id` }).from(sql`orders`).where(sql`order_no = ${no}`).get();
  return (await loadOrder(db, row!.id))!;
}

/** A subscriber that records each effect, and fails its first `failures` calls. */
function recorder(name: string, failures = 0) {
  const effects: number[] = [];
  let calls = 0;
  const sub: OrderEventSubscriber = {
    name,
    kinds: ["pay"],
    async afterCommit(_deps, event) {
      calls++;
      // Yield so concurrent deliverers really interleave here.
      await new Promise((r) => setTimeout(r, 5));
      if (calls <= failures) throw new Error(`${name} down`);
      effects.push(event.id);
    },
  };
  return { sub, effects, calls: () => calls };
}

/** Work a request leaves for after its answer (`afterReply`), started by `replied`. */
let later: (() => Promise<unknown>)[] = [];
const replied = async () => {
  const tasks = later;
  later = [];
  await Promise.all(tasks.map((t) => t()));
};

function depsWith(subscribers: OrderEventSubscriber[]): OrderDeps {
  return {
    db,
    env: {} as Env,
    log: createLogger("error"),
    waitUntil: () => {},
    afterReply: (task) => {
      later.push(task);
    },
    subscribers,
    payments: { closeOpenTrades: async () => false },
    logistics: { onOrderSigned: async () => {} },
  };
}

const payStatements = (deps: OrderDeps, order: OrderRow) =>
  eventStatements(deps, order.id, order, {
    kind: "pay",
    seq: order.version + 1,
    fromStatus: "pending_payment",
    toStatus: "paid",
    actor: SYSTEM,
    reason: "test",
  });

const lastEvent = async (order: OrderRow) =>
  (await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).all()).at(-1)!;

async function recordPay(deps: OrderDeps, order: OrderRow) {
  const [first, ...rest] = payStatements(deps, order);
  await db.batch([first!, ...rest]);
  return lastEvent(order);
}

const noticesOf = (order: OrderRow) =>
  db.select().from(merchantNotifications).where(eq(merchantNotifications.body, order.orderNo));

/** An after-commit subscriber whose effect is a statement it returns: a notice, committed with its receipt. */
const noticeAfterCommit = (name: string): OrderEventSubscriber => ({
  name,
  kinds: ["pay"],
  afterCommit: async (_deps, event, o) => [
    db.insert(merchantNotifications).values({
      audience: "merchant",
      kind: "test",
      title: `${name} ${event.id}`,
      body: o.orderNo,
      createdAt: 0,
      dedupeKey: `${name}:${event.id}`,
    }),
  ],
});

const eventRow = (id: number) => db.select().from(orderEvents).where(eq(orderEvents.id, id)).get();

describe("order event outbox", () => {
  let order: OrderRow;
  beforeEach(async () => {
    order = await newOrder();
    later = [];
  });

  it("in-transaction statements commit with the event, and not at all when the batch fails", async () => {
    const notice: OrderEventSubscriber = {
      name: "notice",
      kinds: ["pay"],
      inTransaction: (d, _env, _e, o) => [
        d.insert(merchantNotifications).values({
          audience: "merchant",
          kind: "test",
          title: "t",
          body: o.orderNo,
          createdAt: 0,
          dedupeKey: `test:${o.orderNo}`,
        }),
      ],
    };
    const deps = depsWith([notice]);
    const event = await recordPay(deps, order);
    expect(event.delivery).toBe("none"); // nothing to do after the commit
    const notices = () =>
      db.select().from(merchantNotifications).where(eq(merchantNotifications.body, order.orderNo)).all();
    expect(await notices()).toHaveLength(1);
    // Same seq again: the event's unique (order, seq) fails the batch, so the notice is not written twice.
    await expect(recordPay(deps, order)).rejects.toThrow();
    expect(await notices()).toHaveLength(1);
  });

  it("retries a failing subscriber with backoff, without re-running the one that succeeded", async () => {
    const flaky = recorder("flaky", 1);
    const steady = recorder("steady");
    const deps = depsWith([flaky.sub, steady.sub]);
    const event = await recordPay(deps, order);
    expect(event.delivery).toBe("pending");

    const now = Date.now();
    expect(await deliverOrderEvents(deps, { orderId: order.id, now })).toEqual({ delivered: 0, failed: 1 });
    let row = await eventRow(event.id);
    expect(row).toMatchObject({ delivery: "pending", deliveryAttempts: 1, deliveryLeaseUntil: null });
    expect(row!.deliveryError).toMatch(/flaky down/);
    expect(row!.nextDeliveryAt).toBeGreaterThan(now);
    expect(steady.effects).toEqual([event.id]);

    // Not due yet: nothing happens.
    expect(await deliverOrderEvents(deps, { orderId: order.id, now })).toEqual({ delivered: 0, failed: 0 });
    // Due: the flaky one succeeds, the steady one is not called again.
    const later = row!.nextDeliveryAt;
    expect(await deliverOrderEvents(deps, { orderId: order.id, now: later })).toEqual({
      delivered: 1,
      failed: 0,
    });
    row = await eventRow(event.id);
    expect(row).toMatchObject({ delivery: "done", deliveryError: null });
    expect(flaky.effects).toEqual([event.id]);
    expect(steady.calls()).toBe(1);
    // Delivered: another pass finds nothing.
    expect(await deliverOrderEvents(deps, { now: later + 1 })).toMatchObject({ delivered: 0 });
  });

  it("concurrent duplicate deliveries have one effect", async () => {
    const once = recorder("once");
    const deps = depsWith([once.sub]);
    const event = await recordPay(deps, order);
    const results = await Promise.all(
      Array.from({ length: 12 }, () => deliverOrderEvents(deps, { orderId: order.id })),
    );
    expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    expect(once.effects).toEqual([event.id]);
    expect((await eventRow(event.id))?.delivery).toBe("done");
  });

  it("a deliverer that died mid-way is taken over after its lease, and receipts skip what it finished", async () => {
    const a = recorder("a");
    const b = recorder("b");
    const deps = depsWith([a.sub, b.sub]);
    const event = await recordPay(deps, order);
    const now = Date.now();
    // Simulate a crash: the event was claimed and "a" succeeded (its receipt exists), then nothing.
    await db.run(sql`UPDATE order_events SET delivery_lease_until = ${now + 60_000} WHERE id = ${event.id}`);
    await db.run(
      sql`INSERT INTO order_event_receipts (event_id, subscriber, created_at) VALUES (${event.id}, 'a', ${now})`,
    );
    expect(await deliverOrderEvents(deps, { orderId: order.id, now })).toEqual({ delivered: 0, failed: 0 });
    expect(await deliverOrderEvents(deps, { orderId: order.id, now: now + 60_001 })).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(a.calls()).toBe(0);
    expect(b.effects).toEqual([event.id]);
  });

  it("parks an event as dead after the last attempt, and the sweep no longer picks it up", async () => {
    const broken = recorder("broken", Number.POSITIVE_INFINITY);
    const deps = depsWith([broken.sub]);
    const event = await recordPay(deps, order);
    let t = Date.now();
    for (let i = 1; i <= MAX_DELIVERY_ATTEMPTS; i++) {
      expect(await deliverOrderEvents(deps, { orderId: order.id, now: t })).toEqual({
        delivered: 0,
        failed: 1,
      });
      t = (await eventRow(event.id))!.nextDeliveryAt;
    }
    expect(await eventRow(event.id)).toMatchObject({
      delivery: "dead",
      deliveryAttempts: MAX_DELIVERY_ATTEMPTS,
    });
    expect(await deliverOrderEvents(deps, { now: t + 86_400_000 })).toEqual({ delivered: 0, failed: 0 });
    expect(broken.calls()).toBe(MAX_DELIVERY_ATTEMPTS);
  });

  it("an event claimed in its change's batch is delivered exactly once while sweeps run concurrently", async () => {
    const once = recorder("once");
    const deps = depsWith([once.sub]);
    const sweeps = Array.from({ length: 6 }, () => deliverOrderEvents(deps, { limit: 50 }));
    await commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order));
    await replied();
    const swept = await Promise.all([...sweeps, deliverOrderEvents(deps, { limit: 50 })]);
    const event = await lastEvent(order);
    expect(once.effects).toEqual([event.id]);
    expect(swept.reduce((n, r) => n + r.delivered + r.failed, 0)).toBe(0);
    expect(await eventRow(event.id)).toMatchObject({ delivery: "done", deliveryAttempts: 1 });
  });

  it("a claim keyed by an SQL expression (an order inserted in the same batch) delivers with its preload", async () => {
    const seen: unknown[] = [];
    const sub: OrderEventSubscriber<{ n: number }[]> = {
      name: "by-sql",
      kinds: ["pay"],
      preload: (d, orderId) =>
        d.select({ n: sql<number>`count(*)` }).from(orderEvents).where(eq(orderEvents.orderId, orderId)),
      async afterCommit(_deps, _event, _o, preloaded) {
        seen.push(preloaded);
        return undefined;
      },
    };
    const deps = depsWith([sub as OrderEventSubscriber]);
    const idSql = sql`(SELECT id FROM orders WHERE order_no = ${order.orderNo})`;
    await commitAndDeliver(deps, idSql, ["pay"], payStatements(deps, order));
    await replied();
    expect(seen).toEqual([[{ n: 1 }]]);
    expect((await lastEvent(order)).delivery).toBe("done");
  });

  it("a change whose batch fails claims nothing: its earlier event stays due for the sweep", async () => {
    const once = recorder("once");
    const deps = depsWith([once.sub]);
    const event = await recordPay(deps, order);
    // The same seq again: the batch fails on the event's unique (order, seq), and the claim with it.
    await expect(commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order))).rejects.toThrow();
    expect(await eventRow(event.id)).toMatchObject({
      delivery: "pending",
      deliveryAttempts: 0,
      deliveryLeaseUntil: null,
    });
    expect(await deliverOrderEvents(deps, { limit: 50 })).toMatchObject({ failed: 0 });
    expect(once.effects).toEqual([event.id]);
  });

  it("preloads ride in the claim; what a subscriber returns commits with its receipt, never after a failure", async () => {
    let calls = 0;
    const seen: unknown[] = [];
    const noted: OrderEventSubscriber<{ orderNo: string }[]> = {
      name: "noted",
      kinds: ["pay"],
      preload: (d, orderId) =>
        d.select({ orderNo: sql<string>`order_no` }).from(sql`orders`).where(sql`id = ${orderId}`),
      async afterCommit(_deps, event, o, preloaded) {
        seen.push(preloaded);
        if (++calls === 1) throw new Error("noted down");
        return [
          db.insert(merchantNotifications).values({
            audience: "merchant",
            kind: "test",
            title: `event ${event.id}`,
            body: o.orderNo,
            createdAt: 0,
            dedupeKey: `noted:${event.id}`,
          }),
        ];
      },
    };
    const deps = depsWith([noted as OrderEventSubscriber]);
    const notices = () =>
      db.select().from(merchantNotifications).where(eq(merchantNotifications.body, order.orderNo)).all();
    await commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order));
    await replied();
    const event = await lastEvent(order);
    expect(await notices()).toHaveLength(0); // the failed run wrote nothing
    // The sweep's pass (its own preload batch) succeeds: the notice and the receipt together, once.
    expect(await deliverOrderEvents(deps, { now: (await eventRow(event.id))!.nextDeliveryAt })).toEqual({
      delivered: 1,
      failed: 0,
    });
    expect(await notices()).toHaveLength(1);
    expect(seen).toEqual([[{ orderNo: order.orderNo }], [{ orderNo: order.orderNo }]]);
    expect(await deliverOrderEvents(deps, { now: Date.now() + 86_400_000 })).toEqual({
      delivered: 0,
      failed: 0,
    });
    expect(calls).toBe(2);
  });

  it("a change's delivery record is written after the reply: the effect first, the receipt once the answer is out", async () => {
    const once = recorder("once");
    const notice = noticeAfterCommit("notice-after");
    const deps = depsWith([once.sub, notice]);
    const { reads } = await commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order), {
      reads: [db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))],
      see: "change",
    });
    const event = await lastEvent(order);
    // The reply's read rode in the change's batch: it sees the event, claimed, not yet delivered.
    expect((reads![0] as { id: number; delivery: string }[]).map((e) => [e.id, e.delivery])).toEqual([
      [event.id, "pending"],
    ]);
    expect(once.effects).toEqual([event.id]);
    expect(later).toHaveLength(1);
    expect(await eventRow(event.id)).toMatchObject({ delivery: "pending", deliveryAttempts: 1 });
    expect(await noticesOf(order)).toHaveLength(0);
    // Held by the lease meanwhile: a sweep does not deliver it again.
    expect(await deliverOrderEvents(deps, { limit: 50 })).toEqual({ delivered: 0, failed: 0 });
    await replied();
    expect(await eventRow(event.id)).toMatchObject({ delivery: "done", deliveryLeaseUntil: null });
    expect(await noticesOf(order)).toHaveLength(1);
    expect(once.calls()).toBe(1);
  });

  it("reads that must see the delivery ride in its record, before the reply", async () => {
    const notice = noticeAfterCommit("notice-seen");
    const deps = depsWith([notice]);
    const { reads } = await commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order), {
      reads: [noticesOf(order)],
      see: "delivery",
    });
    expect(reads![0]).toHaveLength(1);
    expect(later).toHaveLength(0);
    expect((await lastEvent(order)).delivery).toBe("done");
  });

  it("a subscriber that sees earlier effects runs after they are committed", async () => {
    const writer: OrderEventSubscriber = {
      name: "writer",
      kinds: ["pay"],
      afterCommit: async (_deps, _event, o) => [
        db.update(orderEvents).set({ reason: "written" }).where(eq(orderEvents.orderId, o.id)),
      ],
    };
    const seenReasons: string[][] = [];
    const reader = (name: string, sees: boolean): OrderEventSubscriber => ({
      name,
      kinds: ["pay"],
      seesEarlierEffects: () => sees,
      async afterCommit(_deps, _event, o) {
        const rows = await db.select().from(orderEvents).where(eq(orderEvents.orderId, o.id)).all();
        seenReasons.push(rows.map((r) => `${name}:${r.reason}`));
      },
    });
    const deps = depsWith([writer, reader("blind", false), reader("sees", true)]);
    await commitAndDeliver(deps, order.id, ["pay"], payStatements(deps, order));
    // "blind" ran before anything was committed; "sees" made the outbox commit the writer's statement.
    expect(seenReasons).toEqual([["blind:test"], ["sees:written"]]);
    await replied();
    expect((await lastEvent(order)).delivery).toBe("done");
  });

  it("when committing earlier effects fails, the delivery records nothing: no receipt without its statement", async () => {
    const broken: OrderEventSubscriber = {
      name: "broken-writer",
      kinds: ["pay"],
      afterCommit: async () => [db.run(sql`INSERT INTO no_such_table VALUES (1)`)],
    };
    const sees = recorder("sees-after");
    const deps = depsWith([broken, { ...sees.sub, seesEarlierEffects: () => true }]);
    const event = await recordPay(deps, order);
    await expect(deliverOrderEvents(deps, { orderId: order.id })).rejects.toThrow(/no_such_table/);
    expect(sees.calls()).toBe(0);
    const receipts = await db.all(
      sql`SELECT subscriber FROM order_event_receipts WHERE event_id = ${event.id}`,
    );
    expect(receipts).toEqual([]);
    expect((await eventRow(event.id))?.delivery).toBe("pending");
  });
});
