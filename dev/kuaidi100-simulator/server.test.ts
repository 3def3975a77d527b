// The simulator against the worker's own 快递100 client and push verification: subscriptions are
// answered as 快递100 answers them, pushes arrive signed (node:crypto MD5 on this side, the worker's
// pure MD5 on the other), carry the whole journey newest first, and are re-sent until acknowledged.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PUSH_ACK,
  PUSH_BAD_SIGN,
  parsePushParam,
  readPushForm,
  type SubscribeRequest,
  subscribeAtKuaidi100,
  verifyPushSign,
} from "../../worker/logistics/kuaidi100";
import {
  KUAIDI100_TEST_KEY,
  KUAIDI100_TEST_SALT,
  type Kuaidi100Simulator,
  startKuaidi100Simulator,
} from "./server";

interface Received {
  param: string;
  sign: string;
}

/** A callback endpoint that records pushes and answers like our worker (optionally failing the first ones). */
async function startReceiver() {
  const received: Received[] = [];
  let failNext = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const form = readPushForm(body);
      received.push(form);
      const ok = failNext === 0 && verifyPushSign(form.param, form.sign, KUAIDI100_TEST_SALT);
      if (failNext > 0) failNext--;
      res.writeHead(ok ? 200 : 500, { "content-type": "application/json" });
      res.end(JSON.stringify(ok ? PUSH_ACK : PUSH_BAD_SIGN));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    received,
    failNextReplies(n: number) {
      failNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

let sim: Kuaidi100Simulator;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startKuaidi100Simulator({ stepMs: 0, retryDelayMs: 10 });
});
afterAll(async () => {
  await sim.close();
  await receiver.close();
});

const request = (number: string, over: Partial<SubscribeRequest> = {}): SubscribeRequest => ({
  company: "zhongtong",
  number,
  key: KUAIDI100_TEST_KEY,
  callbackUrl: receiver.url,
  salt: KUAIDI100_TEST_SALT,
  ...over,
});
const subscribe = (r: SubscribeRequest) => subscribeAtKuaidi100(fetch, sim.pollUrl, r);

describe("subscriptions", () => {
  it("accepts a waybill, answers 501 to a repeat, and refuses bad key, carrier, number or callback", async () => {
    expect(await subscribe(request("ZT1000000001"))).toEqual({
      ok: true,
      duplicate: false,
      returnCode: "200",
      message: "提交成功",
    });
    expect(await subscribe(request("ZT1000000001"))).toMatchObject({
      ok: true,
      duplicate: true,
      returnCode: "501",
    });
    expect(await subscribe(request("ZT1000000002", { key: "wrong" }))).toMatchObject({
      ok: false,
      returnCode: "600",
    });
    expect(await subscribe(request("ZT1000000003", { company: "nosuchcarrier" }))).toMatchObject({
      ok: false,
      returnCode: "700",
    });
    expect(await subscribe(request("X".repeat(33)))).toMatchObject({ ok: false, returnCode: "700" });
    expect(await subscribe(request("ZT1000000004", { callbackUrl: "ftp://x" }))).toMatchObject({
      ok: false,
      returnCode: "700",
    });
    expect(await subscribe(request("SF1000000005", { company: "shunfeng" }))).toMatchObject({
      ok: false,
      returnCode: "700",
    });
    expect(await subscribe(request("SF1000000005", { company: "shunfeng", phone: "8000" }))).toMatchObject({
      ok: true,
    });
    expect(sim.subscriptions.has("zhongtong:ZT1000000002")).toBe(false);
  });
});

describe("pushes", () => {
  it("tells the journey step by step, signed, full history newest first, ending 签收 + shutdown", async () => {
    expect((await subscribe(request("ZT2000000001"))).ok).toBe(true);
    const before = receiver.received.length;
    const states: number[] = [];
    for (;;) {
      const delivery = await sim.advance("ZT2000000001");
      if (!delivery) break;
      expect(delivery.acknowledged).toBe(true);
      states.push(delivery.state);
    }
    expect(states).toEqual([1, 0, 0, 0, 0, 0, 5, 3]);
    const pushes = receiver.received.slice(before);
    expect(pushes).toHaveLength(8);
    for (const p of pushes) expect(verifyPushSign(p.param, p.sign, KUAIDI100_TEST_SALT)).toBe(true);

    const first = parsePushParam(pushes[0]!.param)!;
    expect(first).toMatchObject({
      company: "zhongtong",
      number: "ZT2000000001",
      state: 1,
      monitorStatus: "polling",
    });
    expect(first.traces).toHaveLength(1);
    expect(first.traces[0]!.context).toMatch(/已揽收/);

    const last = parsePushParam(pushes[7]!.param)!;
    expect(last).toMatchObject({ state: 3, checked: true, monitorStatus: "shutdown" });
    expect(last.traces).toHaveLength(8);
    expect(last.traces[0]!.status).toBe("签收");
    const times = last.traces.map((t) => t.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(8);
    expect(await sim.advance("ZT2000000001")).toBeNull();
  });

  it("ends a waybill ending in 14 with 拒签 → 退回 → 退签", async () => {
    expect((await subscribe(request("ZT3000000014"))).ok).toBe(true);
    const states: number[] = [];
    for (let d = await sim.advance("ZT3000000014"); d; d = await sim.advance("ZT3000000014"))
      states.push(d.state);
    expect(states.slice(-4)).toEqual([5, 14, 6, 4]);
  });

  it("re-sends a push until it is acknowledged", async () => {
    expect((await subscribe(request("ZT4000000001"))).ok).toBe(true);
    receiver.failNextReplies(2);
    const delivery = await sim.advance("ZT4000000001");
    expect(delivery?.attempts.map((a) => a.acknowledged)).toEqual([false, false, true]);
    expect(delivery?.acknowledged).toBe(true);
  });

  it("signs with the salt of the subscription, as 快递100 does", async () => {
    expect((await subscribe(request("ZT5000000001", { salt: "another-salt" }))).ok).toBe(true);
    const delivery = await sim.advance("ZT5000000001");
    // Our receiver only knows the test salt, so it refuses every attempt.
    expect(delivery?.acknowledged).toBe(false);
    expect(delivery?.attempts).toHaveLength(4);
    const p = receiver.received.at(-1)!;
    expect(verifyPushSign(p.param, p.sign, "another-salt")).toBe(true);
  });

  it("advances by itself every stepMs", async () => {
    const timed = await startKuaidi100Simulator({ stepMs: 20 });
    try {
      const before = receiver.received.length;
      const r = await subscribeAtKuaidi100(fetch, timed.pollUrl, request("ZT6000000001"));
      expect(r.ok).toBe(true);
      const sub = timed.subscriptions.get("zhongtong:ZT6000000001")!;
      for (let i = 0; i < 200 && sub.deliveries.filter((d) => d.acknowledged).length < 2; i++)
        await new Promise((res) => setTimeout(res, 25));
      expect(sub.deliveries.filter((d) => d.acknowledged).length).toBeGreaterThanOrEqual(2);
      expect(receiver.received.length - before).toBeGreaterThanOrEqual(2);
    } finally {
      await timed.close();
    }
  });
});
