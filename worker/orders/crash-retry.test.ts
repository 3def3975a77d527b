/**
 * A checkout whose runtime dies between holding the stock and writing the order: the workerd process
 * is killed around a request stopped dead at the `checkout_after_reserve` failpoint, then restarted on
 * the same database and Durable Object state. The shopper's retry under the same Idempotency-Key
 * reuses the dead attempt's order number and hold; without a retry, the sweep releases the hold.
 */
import { expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

const claims = (key: string) =>
  f.stack.sql.execute({ sql: "SELECT * FROM order_requests WHERE idempotency_key = ?", args: [key] });

/** Starts a checkout that stops dead after reserving, waits for its hold, then kills the runtime. */
async function crashAfterReserve(token: string, skuId: number, quantity: number, key: string) {
  await f.restartWorker({ FAILPOINTS: "checkout_after_reserve" });
  const stuck = f.placeOrder(token, [{ skuId, quantity }], key).catch(() => undefined);
  for (let i = 0; i < 100 && (await f.stockOf(skuId)).reserved < quantity; i++)
    await new Promise((r) => setTimeout(r, 50));
  expect(await f.stockOf(skuId)).toMatchObject({ reserved: quantity });
  await f.restartWorker({ FAILPOINTS: "" });
  await stuck;
  const [claim] = (await claims(key)).rows;
  expect(claim).toBeDefined();
  expect(await f.count("SELECT count(*) AS n FROM orders WHERE idempotency_key = ?", [key])).toBe(0);
  return { orderNo: String(claim!.order_no) };
}

/** What a minute (or five) of waiting does to a claim. */
const age = (key: string, ms: number) =>
  f.stack.sql.execute({
    sql: "UPDATE order_requests SET created_at = created_at - ? WHERE idempotency_key = ?",
    args: [ms, key],
  });

it("the retry after a crash reuses the dead attempt's order number and hold: the units are held once", async () => {
  const skuId = await f.createSku(88_800, 5);
  const { token } = await f.newShopper("崩溃后重试");
  const key = `crash-retry-${Date.now()}`;
  const { orderNo } = await crashAfterReserve(token, skuId, 2, key);

  await age(key, 61_000); // the dead request's claim is stale now
  const res = await f.placeOrder(token, [{ skuId, quantity: 2 }], key);
  expect(res.status).toBe(201);
  const order = await json(res);
  expect(order.orderNo).toBe(orderNo);
  expect(await f.stockOf(skuId)).toMatchObject({ available: 3, reserved: 2, sold: 0 });
  expect((await claims(key)).rows).toHaveLength(0);
  // And it is an ordinary order: paying it sells exactly those two units.
  await f.startPaying(token, Number(order.id), "wechat");
  await f.payAtGateway("wechat", orderNo);
  expect(await f.stockOf(skuId)).toMatchObject({ available: 3, reserved: 0, sold: 2 });
});

it("without a retry the sweep gives the abandoned hold back, and a later submit places a fresh order", async () => {
  const skuId = await f.createSku(66_600, 4);
  const { token } = await f.newShopper("崩溃后放弃");
  const key = `crash-abandon-${Date.now()}`;
  const { orderNo } = await crashAfterReserve(token, skuId, 3, key);

  // Too young: a live request might still own it.
  let swept = await json(
    await f.stack.fetch("/api/admin/orders/sweep", { method: "POST", token: f.merchant }),
  );
  expect(swept.abandonedHoldsReleased).toBe(0);
  expect(await f.stockOf(skuId)).toMatchObject({ reserved: 3 });

  await age(key, 6 * 60_000);
  swept = await json(await f.stack.fetch("/api/admin/orders/sweep", { method: "POST", token: f.merchant }));
  expect(swept.abandonedHoldsReleased).toBe(1);
  expect(await f.stockOf(skuId)).toMatchObject({ available: 4, reserved: 0 });
  expect((await claims(key)).rows).toHaveLength(0);

  const res = await f.placeOrder(token, [{ skuId, quantity: 3 }], key);
  expect(res.status).toBe(201);
  expect((await json(res)).orderNo).not.toBe(orderNo);
  expect(await f.stockOf(skuId)).toMatchObject({ available: 1, reserved: 3 });
});
