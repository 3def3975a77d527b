// Parcel tracking at the protocol level: the "ship" subscriber writes the parcels and subscribes them at
// the 快递100 simulator, whose signed pushes reach the real worker in workerd over HTTP; the parcel views
// show the traces newest first. Forged, unsigned, tampered, stale and duplicate pushes change nothing.
// Orders are arranged in SQL and the subscriber run from Node to reach each edge case directly; the whole
// flow through the ship endpoint is in shipping-flow.test.ts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kuaidi100Simulator, startKuaidi100Simulator } from "../../dev/kuaidi100-simulator/server";
import { type Forwarder, startForwarder } from "../../test/forwarder";
import { type Stack, shopperToken, staffToken, startStack } from "../../test/harness";
import { createDb, type Db } from "../db/client";
import type { Env } from "../env";
import type { OrderDeps } from "../orders/deps";
import type { OrderEvent } from "../orders/events";
import { orders } from "../orders/schema";
import type { OrderRow } from "../orders/transition";
import type { Logger } from "../shared/log";
import { PUSH_ACK, PUSH_BAD_SIGN, PUSH_RETRY, signPush } from "./kuaidi100";
import { orderParcels } from "./schema";
import { handleKuaidi100Push, type LogisticsHooks, trackingConfig } from "./tracking";
import { parcelTrackingSubscriber } from "./tracking-subscriber";

let stack: Stack;
let sim: Kuaidi100Simulator;
let forwarder: Forwarder;
let db: Db;
let env: Env;
let alice: string;
let bob: string;
let merchant: string;
let agent: string;

beforeAll(async () => {
  forwarder = await startForwarder();
  sim = await startKuaidi100Simulator({ stepMs: 0, retryDelayMs: 10, maxAttempts: 2 });
  const vars = { ...sim.config, TRACKING_CALLBACK_BASE_URL: forwarder.url };
  stack = await startStack({ vars });
  forwarder.setTarget(stack.baseUrl);
  db = createDb(stack.vars.LIBSQL_URL!);
  env = stack.vars as unknown as Env;
  [alice, bob, merchant, agent] = await Promise.all([
    shopperToken(stack, "物流买家甲"),
    shopperToken(stack, "物流买家乙"),
    staffToken(stack, "merchant_admin"),
    staffToken(stack, "agent"),
  ]);
}, 90_000);

afterAll(async () => {
  await stack?.close();
  await sim?.close();
  await forwarder?.close();
});

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Node-side order dependencies over the same database (for running the subscriber and push handler). */
function nodeDeps(extra: { logistics?: LogisticsHooks } = {}): OrderDeps {
  return {
    db,
    env,
    log: quiet,
    waitUntil: () => {},
    afterReply: (task) => void task(),
    subscribers: [],
    payments: { closeOpenTrades: async () => false },
    logistics: { onOrderSigned: async () => {} },
    ...extra,
  } as OrderDeps;
}

let seq = 0;

/** A shipped order of the shopper with that nickname, written directly (its placing is tested elsewhere). */
async function shippedOrder(nickname: string): Promise<OrderRow> {
  const shopper = await stack.sql.execute({
    sql: "SELECT id FROM shoppers WHERE nickname = ?",
    args: [nickname],
  });
  const now = Date.now();
  const orderNo = `${now}${String(++seq).padStart(9, "0")}`;
  await stack.sql.execute({
    sql: `INSERT INTO orders (order_no, shopper_id, status, version, items_total_fen, shipping_fen, discount_fen,
            payable_fen, adjustments, address, receiver_name, receiver_phone, idempotency_key, stock_state,
            pay_deadline, shipped_at, created_at, updated_at)
          VALUES (?, ?, 'shipped', 3, 329900, 0, 0, 329900, '[]', '{}', '张三', '13800138000', ?, 'confirmed', ?, ?, ?, ?)`,
    args: [orderNo, Number(shopper.rows[0]!.id), `k-${orderNo}`, now, now, now, now],
  });
  return (await db.select().from(orders).where(eq(orders.orderNo, orderNo)))[0]!;
}

const shipEvent = (parcels: { carrierCode: string; trackingNo: string }[]): OrderEvent & { id: number } => ({
  id: 0,
  kind: "ship",
  fromStatus: "paid",
  toStatus: "shipped",
  actorKind: "merchant",
  data: { parcels },
});

/** What the "ship" transition does with the subscriber: parcels in the batch, subscription after commit. */
async function ship(order: OrderRow, parcels: { carrierCode: string; trackingNo: string }[]) {
  const sub = parcelTrackingSubscriber(trackingConfig(env));
  const event = shipEvent(parcels);
  const statements = sub.inTransaction!(db, env, event, order);
  await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
  await sub.afterCommit!(nodeDeps(), event, order);
}

interface ParcelsBody {
  orderId: number;
  parcels: {
    carrierCode: string;
    carrierName: string;
    trackingNo: string;
    state: number | null;
    stateText: string;
    signedAt: number | null;
    subscribedAt?: number | null;
    traces: { time: number; context: string; status: string }[];
  }[];
}

async function parcelsOf(orderId: number, token = alice, admin = false) {
  const res = await stack.fetch(`/api${admin ? "/admin" : ""}/logistics/orders/${orderId}/parcels`, {
    token,
  });
  return { status: res.status, body: (await res.json()) as ParcelsBody };
}

/** POSTs a push to the worker's callback as 快递100 would (form param + sign). */
async function push(fields: Record<string, string>) {
  const res = await stack.fetch("/api/logistics/kuaidi100/callback", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.json() };
}

const count = async (sql: string, args: (string | number)[] = []) =>
  Number((await stack.sql.execute({ sql, args })).rows[0]!.n);

describe("carriers", () => {
  it("lists the carriers by 快递100 code, without a login", async () => {
    const res = await stack.fetch("/api/logistics/carriers");
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { code: string; name: string }[] };
    expect(items.map((c) => c.code)).toContain("debangwuliu");
    expect(items.find((c) => c.code === "shunfeng")?.name).toBe("顺丰速运");
  });
});

describe("tracking an order's parcels", () => {
  let order: OrderRow;

  beforeAll(async () => {
    order = await shippedOrder("物流买家甲");
    await ship(order, [
      { carrierCode: "shunfeng", trackingNo: "SF7100000001" },
      { carrierCode: "debangwuliu", trackingNo: "DPK7100000014" },
    ]);
  });

  it("stores the parcels and subscribes each at 快递100 once, 顺丰 with the receiver's phone tail", async () => {
    expect(sim.subscriptions.get("shunfeng:SF7100000001")).toMatchObject({
      phone: "8000",
      callbackUrl: `${forwarder.url}/api/logistics/kuaidi100/callback`,
    });
    expect(sim.subscriptions.has("debangwuliu:DPK7100000014")).toBe(true);
    const { status, body } = await parcelsOf(order.id, merchant, true);
    expect(status).toBe(200);
    expect(body.parcels.map((p) => [p.carrierName, p.trackingNo, p.stateText, p.traces.length])).toEqual([
      ["顺丰速运", "SF7100000001", "已发货", 0],
      ["德邦物流", "DPK7100000014", "已发货", 0],
    ]);
    expect(body.parcels.every((p) => typeof p.subscribedAt === "number")).toBe(true);

    // A redelivered event subscribes nothing twice and inserts nothing twice.
    await ship(order, [
      { carrierCode: "shunfeng", trackingNo: "SF7100000001" },
      { carrierCode: "debangwuliu", trackingNo: "DPK7100000014" },
    ]);
    expect(await count("SELECT count(*) AS n FROM order_parcels WHERE order_id = ?", [order.id])).toBe(2);
    expect(
      await count("SELECT sum(subscribe_attempts) AS n FROM order_parcels WHERE order_id = ?", [order.id]),
    ).toBe(2);
  });

  it("stores a signed push's traces and shows them newest first", async () => {
    for (let i = 0; i < 3; i++) expect((await sim.advance("SF7100000001"))?.acknowledged).toBe(true);
    const { status, body } = await parcelsOf(order.id);
    expect(status).toBe(200);
    const sf = body.parcels.find((p) => p.trackingNo === "SF7100000001")!;
    expect(sf.state).toBe(0);
    expect(sf.stateText).toBe("运输中");
    expect(sf.traces).toHaveLength(3);
    expect(sf.traces[2]!.context).toMatch(/已揽收/);
    expect(sf.traces[0]!.context).toMatch(/已到达/);
    const times = sf.traces.map((t) => t.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The shopper's view leaves out the subscription's internals.
    expect(sf).not.toHaveProperty("subscribedAt");
  });

  it("stores nothing twice when a push is repeated, and a late older push does not move the state back", async () => {
    const deliveries = sim.subscriptions.get("shunfeng:SF7100000001")!.deliveries;
    const latest = deliveries.at(-1)!.param;
    const traces = () => count("SELECT count(*) AS n FROM parcel_traces");
    const before = await traces();
    expect(await push({ param: latest, sign: signPush(latest, sim.config.KUAIDI100_SALT) })).toEqual({
      status: 200,
      body: PUSH_ACK,
    });
    const first = deliveries[0]!.param;
    expect((await push({ param: first, sign: signPush(first, sim.config.KUAIDI100_SALT) })).body).toEqual(
      PUSH_ACK,
    );
    expect(await traces()).toBe(before);
    const sf = (await parcelsOf(order.id)).body.parcels.find((p) => p.trackingNo === "SF7100000001")!;
    expect([sf.state, sf.traces.length]).toEqual([0, 3]);
  });

  it("refuses forged, tampered and unsigned pushes and changes nothing", async () => {
    const snapshot = async () =>
      JSON.stringify([
        (await stack.sql.execute("SELECT * FROM order_parcels ORDER BY id")).rows,
        await count("SELECT count(*) AS n FROM parcel_traces"),
      ]);
    const before = await snapshot();
    const genuine = sim.subscriptions.get("shunfeng:SF7100000001")!.deliveries.at(-1)!.param;
    const signedFor = JSON.parse(genuine) as { lastResult: { state: string; data: { context: string }[] } };
    signedFor.lastResult.state = "3";
    signedFor.lastResult.data.unshift({
      ...signedFor.lastResult.data[0]!,
      context: "【深圳市】已签收（伪造）",
    });
    const forged = JSON.stringify(signedFor);

    const attempts: Record<string, string>[] = [
      { param: forged, sign: signPush(genuine, sim.config.KUAIDI100_SALT) }, // tampered after signing
      { param: forged, sign: signPush(forged, "guessed-salt") }, // forged with the wrong salt
      { param: forged, sign: signPush(forged, "") }, // md5(param) alone
      { param: forged }, // unsigned
      { param: forged, sign: "" },
      {}, // empty form
    ];
    for (const fields of attempts)
      expect(await push(fields), JSON.stringify(Object.keys(fields))).toEqual({
        status: 400,
        body: PUSH_BAD_SIGN,
      });
    expect(await snapshot()).toBe(before);
  });

  it("shows a 拒签 parcel as 拒签 in its state and trace, without signing it", async () => {
    let d = await sim.advance("DPK7100000014");
    while (d && d.state !== 14) d = await sim.advance("DPK7100000014");
    expect(d?.acknowledged).toBe(true);
    const dp = (await parcelsOf(order.id)).body.parcels.find((p) => p.trackingNo === "DPK7100000014")!;
    expect([dp.state, dp.stateText, dp.signedAt]).toEqual([14, "拒签", null]);
    expect(dp.traces[0]).toMatchObject({ status: "拒签" });
    expect(dp.traces[0]!.context).toMatch(/拒收/);
  });

  it("records the signing time when the parcel is signed for", async () => {
    let d = await sim.advance("SF7100000001");
    while (d && d.state !== 3) d = await sim.advance("SF7100000001");
    expect(d?.acknowledged).toBe(true);
    const sf = (await parcelsOf(order.id)).body.parcels.find((p) => p.trackingNo === "SF7100000001")!;
    expect([sf.state, sf.stateText]).toEqual([3, "已签收"]);
    expect(sf.signedAt).toBe(sf.traces[0]!.time);
    expect(sf.traces[0]!.status).toBe("签收");
  });

  it("is the owner's only: another shopper, a missing order and a shopper on the staff view are refused", async () => {
    expect((await parcelsOf(order.id, bob)).status).toBe(404);
    expect((await parcelsOf(999_999, alice)).status).toBe(404);
    // An agent sees the parcels of the shoppers they are serving in a chat, no others.
    expect((await parcelsOf(order.id, agent, true)).status).toBe(404);
    await stack.sql.execute({
      sql: `INSERT INTO conversations (shopper_id, status, agent_id, created_at, updated_at)
            SELECT o.shopper_id, 'assigned', s.id, 0, 0 FROM orders o, staff s
            WHERE o.id = ? AND s.username = 'test-agent'`,
      args: [order.id],
    });
    expect((await parcelsOf(order.id, agent, true)).status).toBe(200);
    expect((await parcelsOf(order.id, alice, true)).status).toBe(403);
    expect((await stack.fetch(`/api/logistics/orders/${order.id}/parcels`)).status).toBe(401);
  });

  it("acknowledges a signed push for a waybill it does not know, storing nothing", async () => {
    const before = await count("SELECT count(*) AS n FROM parcel_traces");
    const param = JSON.stringify({
      status: "polling",
      message: "",
      lastResult: {
        state: "0",
        ischeck: "0",
        com: "yunda",
        nu: "YD0000000000",
        data: [{ context: "【上海市】已揽收", time: "2026-12-06 10:00:00", ftime: "2026-12-06 10:00:00" }],
      },
    });
    expect((await push({ param, sign: signPush(param, sim.config.KUAIDI100_SALT) })).body).toEqual(PUSH_ACK);
    expect(await count("SELECT count(*) AS n FROM parcel_traces")).toBe(before);
  });
});

describe("telling the order side once every parcel is signed for", () => {
  it("calls the hook once, when the last parcel is signed, and again after a failure", async () => {
    const order = await shippedOrder("物流买家甲");
    await ship(order, [
      { carrierCode: "zhongtong", trackingNo: "ZT7200000001" },
      { carrierCode: "yunda", trackingNo: "YD7200000002" },
    ]);
    const calls: [number, number][] = [];
    let fail = true;
    const deps = nodeDeps({
      logistics: {
        async onOrderSigned(_deps, orderId, signedAt) {
          calls.push([orderId, signedAt]);
          if (fail) throw new Error("timer unavailable");
        },
      },
    });
    const config = trackingConfig(env);
    const signedPush = (nu: string, com: string, time: string) => {
      const param = JSON.stringify({
        status: "shutdown",
        message: "",
        lastResult: {
          state: "3",
          ischeck: "1",
          com,
          nu,
          data: [{ context: "已签收", time, ftime: time, status: "签收" }],
        },
      });
      return new URLSearchParams({ param, sign: signPush(param, config.salt!) }).toString();
    };

    expect(
      (
        await handleKuaidi100Push(
          deps,
          config,
          signedPush("ZT7200000001", "zhongtong", "2026-12-06 10:00:00"),
        )
      ).body,
    ).toEqual(PUSH_ACK);
    expect(calls).toEqual([]); // one parcel still on its way

    const last = signedPush("YD7200000002", "yunda", "2026-12-07 09:30:00");
    expect(await handleKuaidi100Push(deps, config, last)).toEqual({ status: 500, body: PUSH_RETRY });
    fail = false;
    expect((await handleKuaidi100Push(deps, config, last)).body).toEqual(PUSH_ACK);
    expect((await handleKuaidi100Push(deps, config, last)).body).toEqual(PUSH_ACK);
    const signedAt = Date.UTC(2026, 11, 7, 1, 30, 0);
    expect(calls).toEqual([
      [order.id, signedAt],
      [order.id, signedAt],
    ]);
    const rows = await db.select().from(orderParcels).where(eq(orderParcels.orderId, order.id));
    expect(rows.every((r) => r.signReportedAt !== null)).toBe(true);
  });
});

describe("without a 快递100 key", () => {
  it("stores the parcels as 未订阅 and subscribes nothing", async () => {
    const order = await shippedOrder("物流买家甲");
    const sub = parcelTrackingSubscriber(trackingConfig({ ...env, KUAIDI100_KEY: undefined }));
    const event = shipEvent([{ carrierCode: "ems", trackingNo: "EMS7300000001" }]);
    const statements = sub.inTransaction!(db, env, event, order);
    await db.batch(statements as [(typeof statements)[number], ...typeof statements]);
    await sub.afterCommit!(nodeDeps(), event, order);
    expect(sim.subscriptions.has("ems:EMS7300000001")).toBe(false);
    const { body } = await parcelsOf(order.id);
    expect(body.parcels.map((p) => [p.trackingNo, p.stateText])).toEqual([["EMS7300000001", "未订阅"]]);
  });
});
