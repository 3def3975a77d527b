/**
 * Order-aware bot answers through the real worker: orders placed and paid over HTTP, shipped by the
 * merchant, traced by the (simulated) 快递100 pushing to the worker; the shopper then asks the bot in
 * the chat room about "my fridge" and gets that order's status and its newest trace line — never another
 * order's, never another shopper's. Retrieval only (no LLM configured).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kuaidi100Simulator, startKuaidi100Simulator } from "../../dev/kuaidi100-simulator/server";
import { type Forwarder, startForwarder } from "../../test/forwarder";
import { json, useOrderFixture } from "../../test/order-fixture";
import { type Frame, TestSocket } from "../../test/ws-client";
import { createDb } from "../db/client";
import { seedFaq } from "../faq/service";

let sim: Kuaidi100Simulator;
let forwarder: Forwarder;
const vars: Record<string, string> = {};
beforeAll(async () => {
  forwarder = await startForwarder();
  // stepMs 0: the test advances the waybill itself.
  sim = await startKuaidi100Simulator({ stepMs: 0 });
  Object.assign(vars, sim.config, { TRACKING_CALLBACK_BASE_URL: forwarder.url });
});
const f = useOrderFixture(vars);
const sockets: TestSocket[] = [];
beforeAll(async () => {
  forwarder.setTarget(f.stack.baseUrl);
  await seedFaq(createDb(f.stack.vars.LIBSQL_URL!));
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await sim.close();
  await forwarder.close();
});

async function paidOrder(token: string, name: string) {
  const sku = await f.createSku(329900, 5, name);
  const order = await json(await f.placeOrder(token, [{ skuId: sku, quantity: 1 }]));
  expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
  await f.payAtGateway("wechat", String(order.orderNo));
  return { id: Number(order.id), orderNo: String(order.orderNo) };
}

/** Opens the shopper's chat and returns an ask(question) → the bot's answer text. */
async function chatAs(token: string) {
  const conv = await f.stack.fetch("/api/chat/conversations", { method: "POST", token });
  const { conversation } = (await conv.json()) as { conversation: { id: number } };
  const url = `${f.stack.baseUrl.replace(/^http/, "ws")}/api/chat/conversations/${conversation.id}/ws`;
  const ws = await TestSocket.open(url, { authorization: `Bearer ${token}` });
  sockets.push(ws);
  await ws.waitFor((fr) => fr.type === "history", "history");
  let n = 0;
  return async (text: string): Promise<Frame["message"]> => {
    const from = ws.frames.length;
    ws.send({ type: "message", text, clientMsgId: `q${++n}` });
    const answer = await ws.waitFor(
      (fr) => fr.type === "message" && fr.message.from.kind === "bot",
      `bot answer to ${text}`,
      from,
    );
    return answer.message;
  };
}

describe("the bot answers questions about the shopper's own orders", () => {
  it("names the asked-about order's status and newest trace line, and only that order", async () => {
    const { token } = await f.newShopper("问冰箱的顾客");
    const fridge = await paidOrder(token, "海尔 500L 十字门冰箱");
    const tv = await paidOrder(token, "小米 65寸 电视");
    const shipped = await f.stack.fetch(`/api/admin/orders/${fridge.id}/ship`, {
      method: "POST",
      token: f.merchant,
      json: { parcels: [{ carrierCode: "shunfeng", trackingNo: "SF1400002026777" }] },
    });
    expect(shipped.status).toBe(200);
    await sim.advance("SF1400002026777");
    await sim.advance("SF1400002026777");
    const parcels = (await json(
      await f.stack.fetch(`/api/logistics/orders/${fridge.id}/parcels`, { token }),
    )) as { parcels: { traces: { context: string }[] }[] };
    const newest = parcels.parcels[0]!.traces[0]!.context;
    const older = parcels.parcels[0]!.traces[1]!.context;
    expect(newest).not.toBe(older);

    const ask = await chatAs(token);
    const fridgeAnswer = await ask("我的冰箱到哪了");
    expect(fridgeAnswer.text).toContain(fridge.orderNo);
    expect(fridgeAnswer.text).toContain("已发货");
    expect(fridgeAnswer.text).toContain("SF1400002026777");
    expect(fridgeAnswer.text).toContain(`最新物流`);
    expect(fridgeAnswer.text).toContain(newest);
    expect(fridgeAnswer.text).not.toContain(older);
    expect(fridgeAnswer.text).not.toContain(tv.orderNo);

    // The other order: paid, not shipped, so no waybill and no trace.
    const tvAnswer = await ask("电视发货了没");
    expect(tvAnswer.text).toContain(tv.orderNo);
    expect(tvAnswer.text).toContain("待发货");
    expect(tvAnswer.text).not.toContain("最新物流");
    expect(tvAnswer.text).not.toContain(fridge.orderNo);

    // A shopper without orders is told so, and never sees someone else's.
    const { token: other } = await f.newShopper("没下单的顾客");
    const none = await (await chatAs(other))("我的冰箱到哪了");
    expect(none.text).toContain("没有查到订单");
    expect(none.text).not.toContain(fridge.orderNo);
  });
});
