/**
 * Checkout benchmark: shoppers placing an order and paying it, end to end over loopback HTTP:
 *   POST /api/orders (quote → reserve stock in StockCounter objects → one libSQL batch)
 *   POST /api/orders/{id}/pay (WeChat JSAPI prepay at the payment simulator)
 *   the simulator "pays" and POSTs the signed, encrypted notification; the worker verifies and applies it
 * at 10 and 50 concurrent shoppers (each worker is one shopper). Everything runs on this machine:
 * workerd (Miniflare), the Hrana gateway over a libSQL file, the simulator, and this load generator.
 *
 *   npm run bench -- checkout       BENCH_CHECKOUTS=300 (per concurrency level)
 */
import { cpus, loadavg, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { json, type OrderFixture, startOrderFixture } from "../test/order-fixture";
import { assertLoopback, markdownTable, percentile, runLoad } from "./lib/load";

const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS ?? 300);
const LEVELS = [10, 50];
const SKUS = 20;

interface Timings {
  create: number[];
  pay: number[];
  flow: number[];
}

async function checkoutAndPay(f: OrderFixture, token: string, skuIds: number[], i: number, t: Timings) {
  const t0 = performance.now();
  const sku = skuIds[i % skuIds.length]!;
  const res = await f.stack.fetch("/api/orders", {
    method: "POST",
    token,
    json: { items: [{ skuId: sku, quantity: 1 }] },
    headers: { "idempotency-key": `bench-${process.pid}-${i}` },
  });
  if (res.status !== 201) {
    await res.arrayBuffer();
    return res.status === 409 ? "rejected" : "error";
  }
  const order = await json(res);
  const t1 = performance.now();
  t.create.push(t1 - t0);
  const pay = await f.stack.fetch(`/api/orders/${order.id}/pay`, {
    method: "POST",
    token,
    json: { method: "wechat", channel: "miniprogram" },
  });
  await pay.arrayBuffer();
  if (pay.status !== 200) return "error";
  // The shopper pays; the simulator delivers the notification and waits for our acknowledgement.
  const paid = await f.simControl<{ delivery: { attempts: { status: number }[] } }>("/_sim/pay", {
    method: "wechat",
    outTradeNo: order.orderNo,
  });
  const t2 = performance.now();
  t.pay.push(t2 - t1);
  t.flow.push(t2 - t0);
  const acked = paid.json.delivery?.attempts?.some((a) => a.status >= 200 && a.status < 300);
  return paid.status === 200 && acked ? "ok" : "error";
}

export async function run() {
  const f = await startOrderFixture({ LOG_LEVEL: "error" });
  try {
    assertLoopback(f.stack.baseUrl);
    const total = CHECKOUTS * LEVELS.length + 20;
    const skuIds: number[] = [];
    for (let s = 0; s < SKUS; s++)
      skuIds.push(await f.createSku(99_900 + s * 100, Math.ceil(total / SKUS) + 10, "基准冰箱"));
    const shoppers = await Promise.all(
      Array.from({ length: Math.max(...LEVELS) }, (_, n) => f.newShopper(`bench-shopper-${n}`)),
    );
    // Warm-up: bundle compiled, objects and connections created.
    const warm: Timings = { create: [], pay: [], flow: [] };
    for (let i = 0; i < 10; i++)
      await checkoutAndPay(f, shoppers[i % shoppers.length]!.token, skuIds, -1 - i, warm);

    const rows: (string | number)[][] = [];
    let offset = 0;
    for (const concurrency of LEVELS) {
      const t: Timings = { create: [], pay: [], flow: [] };
      const base = offset;
      // `concurrency` shoppers, each placing and paying one order after another.
      const result = await runLoad({
        requests: CHECKOUTS,
        concurrency,
        send: (i) => checkoutAndPay(f, shoppers[i % concurrency]!.token, skuIds, base + i, t),
      });
      offset += CHECKOUTS;
      for (const xs of [t.create, t.pay, t.flow]) xs.sort((a, b) => a - b);
      rows.push([
        concurrency,
        result.requests,
        result.ok,
        result.errors + result.rejected,
        result.okPerSecond.toFixed(1),
        percentile(t.create, 50).toFixed(0),
        percentile(t.create, 99).toFixed(0),
        percentile(t.flow, 50).toFixed(0),
        percentile(t.flow, 99).toFixed(0),
      ]);
    }
    // Correctness after the run: every counted order is paid exactly once, stock sold matches.
    const paidOrders = Number(
      (await f.stack.sql.execute("SELECT count(*) AS n FROM orders WHERE status = 'paid'")).rows[0]!.n,
    );
    const payEvents = Number(
      (await f.stack.sql.execute("SELECT count(*) AS n FROM order_events WHERE kind = 'pay'")).rows[0]!.n,
    );
    console.log(
      markdownTable(
        [
          "concurrent shoppers",
          "checkouts",
          "paid",
          "failed",
          "paid orders/s",
          "create p50 ms",
          "create p99 ms",
          "create+pay p50 ms",
          "create+pay p99 ms",
        ],
        rows,
      ),
    );
    console.log(
      `\nafter the run: ${paidOrders} paid orders, ${payEvents} pay transitions (must be equal).` +
        ` Machine: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load ${loadavg()[0]!.toFixed(2)}` +
        ` (load generator, workerd, Hrana gateway and payment simulator share it).`,
    );
  } finally {
    await f.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
