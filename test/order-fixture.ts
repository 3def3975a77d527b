/**
 * Integration fixture for the order and payment tests (Node side only): the real worker stack, the
 * payment simulator speaking the real WeChat Pay v3 / Alipay protocols, and a loopback forwarder so
 * the notify URL the worker gives the gateway is known before the worker's port is.
 */
import { afterAll, beforeAll } from "vitest";
import { type PaymentSimulator, startPaymentSimulator } from "../dev/payment-simulator/server";
import { startForwarder } from "./forwarder";
import { type Stack, shopperToken, staffToken, startStack } from "./harness";

/** The running stack and simulator; the test helpers are bound to it (see `OrderFixture`). */
interface FixtureCore {
  stack: Stack;
  sim: PaymentSimulator;
  merchant: string;
  /** Lose every gateway notification while true. */
  dropNotifications(drop: boolean): void;
  /** Kill and restart the worker runtime (stack.restart) and point the gateway's notifications at the new one. */
  restartWorker(vars?: Record<string, string>): Promise<void>;
  simControl<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; json: T }>;
  close(): Promise<void>;
}

export type OrderFixture = FixtureCore & ReturnType<typeof helpersFor>;

export async function startOrderFixture(vars: Record<string, string> = {}): Promise<OrderFixture> {
  const forwarder = await startForwarder();
  const sim = await startPaymentSimulator({ notifyBaseUrl: forwarder.url });
  const stack = await startStack({ vars: { ...sim.config, ...vars } });
  forwarder.setTarget(stack.baseUrl);
  const merchant = await staffToken(stack, "merchant_admin");
  const core: FixtureCore = {
    stack,
    sim,
    merchant,
    dropNotifications: (d) => forwarder.setDrop(d),
    async restartWorker(vars) {
      await stack.restart(vars);
      forwarder.setTarget(stack.baseUrl);
    },
    async simControl<T>(path: string, body?: unknown) {
      const res = await fetch(sim.url + path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as T };
    },
    async close() {
      await stack.close();
      await sim.close();
      await forwarder.close();
    },
  };
  return { ...core, ...helpersFor(core) };
}

/**
 * Starts the fixture before this file's tests and closes it after them. The returned object is filled
 * in by beforeAll, so use it inside tests and hooks only.
 */
export function useOrderFixture(vars: Record<string, string> = {}): OrderFixture {
  const f = {} as OrderFixture;
  beforeAll(async () => {
    Object.assign(f, await startOrderFixture(vars));
  }, 60_000);
  afterAll(() => f.close());
  return f;
}

type Json = Record<string, unknown> & { error?: { code: string; message: string } };
export const json = async (res: Response) => (await res.json()) as Json;

let seq = 0;

/** The arranging and reading helpers the order and payment tests share, bound to one fixture. */
function helpersFor(f: FixtureCore) {
  async function setStock(skuId: number, available: number) {
    const res = await f.stack.fetch(`/api/admin/inventory/skus/${skuId}/adjustments`, {
      method: "POST",
      token: f.merchant,
      json: { mode: "set", available, reason: "测试" },
    });
    if (!res.ok) throw new Error(`set stock: ${res.status} ${await res.text()}`);
  }

  return {
    setStock,

    /** An on-sale product with one SKU at `priceFen` and `stock` units; returns the SKU id. */
    async createSku(priceFen: number, stock: number, name = "测试冰箱"): Promise<number> {
      const n = ++seq;
      let categoryId = Number(
        (await f.stack.sql.execute("SELECT id FROM categories WHERE name = '测试分类'")).rows[0]?.id ?? 0,
      );
      if (!categoryId) {
        const res = await f.stack.fetch("/api/admin/categories", {
          method: "POST",
          token: f.merchant,
          json: { name: "测试分类" },
        });
        categoryId = Number((await json(res)).id);
      }
      const res = await f.stack.fetch("/api/admin/products", {
        method: "POST",
        token: f.merchant,
        json: {
          categoryId,
          name: `${name}${n}`,
          brand: "海尔",
          status: "on_sale",
          attributes: {},
          skus: [{ skuCode: `T-${n}-${priceFen}`, specs: { 颜色: "白" }, priceFen }],
        },
      });
      const body = await json(res);
      if (res.status !== 201) throw new Error(`create product: ${res.status} ${JSON.stringify(body)}`);
      const skuId = Number((body.skus as { id: number }[])[0]!.id);
      if (stock > 0) await setStock(skuId, stock);
      return skuId;
    },

    async stockOf(skuId: number): Promise<{ available: number; reserved: number; sold: number }> {
      const res = await f.stack.fetch(`/api/admin/inventory/skus/${skuId}`, { token: f.merchant });
      const body = await json(res);
      if (!res.ok) throw new Error(`stock: ${res.status} ${JSON.stringify(body)}`);
      const s = (body.stock ?? body) as { available: number; reserved: number; sold: number };
      return { available: s.available, reserved: s.reserved, sold: s.sold };
    },

    /** A logged-in shopper with a default address. */
    async newShopper(nickname: string): Promise<{ token: string; addressId: number }> {
      const token = await shopperToken(f.stack, nickname);
      const res = await f.stack.fetch("/api/addresses", {
        method: "POST",
        token,
        json: {
          receiverName: "张三",
          phone: "13800138000",
          provinceCode: "440000",
          cityCode: "440300",
          districtCode: "440305",
          detail: "科技园 1 号",
        },
      });
      if (res.status !== 201) throw new Error(`address: ${res.status} ${await res.text()}`);
      return { token, addressId: Number((await json(res)).id) };
    },

    placeOrder(
      token: string,
      items: { skuId: number; quantity: number }[],
      key = `key-${Date.now()}-${++seq}`,
    ): Promise<Response> {
      return f.stack.fetch("/api/orders", {
        method: "POST",
        token,
        json: { items },
        headers: { "idempotency-key": key },
      });
    },

    async orderRow(id: number) {
      return (await f.stack.sql.execute({ sql: "SELECT * FROM orders WHERE id = ?", args: [id] })).rows[0]!;
    },

    /**
     * The shopper starts paying (POST /api/orders/{id}/pay) and, for Alipay H5, the browser opens the
     * cashier redirect, which is when Alipay creates the trade. Returns the API response body.
     */
    async startPaying(token: string, orderId: number, method: "wechat" | "alipay") {
      const res = await f.stack.fetch(`/api/orders/${orderId}/pay`, {
        method: "POST",
        token,
        json: { method, channel: method === "wechat" ? "miniprogram" : "h5" },
      });
      const body = await json(res);
      if (res.status !== 200) return { status: res.status, body };
      const payment = body.payment as { redirectUrl?: string };
      if (payment.redirectUrl) {
        const opened = await fetch(payment.redirectUrl, { redirect: "manual" });
        if (opened.status !== 302) throw new Error(`cashier: ${opened.status} ${await opened.text()}`);
      }
      return { status: res.status, body };
    },

    /** The shopper pays at the (simulated) gateway, which then notifies the worker. */
    payAtGateway(method: "wechat" | "alipay", outTradeNo: string, wait = true) {
      return f.simControl("/_sim/pay", { method, outTradeNo, wait });
    },

    async count(sql: string, args: (string | number)[] = []) {
      return Number((await f.stack.sql.execute({ sql, args })).rows[0]!.n);
    },
  };
}
