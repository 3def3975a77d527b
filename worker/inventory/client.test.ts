/**
 * The client's fan-out and compensation when an object call fails in transit — which the workerd
 * integration tests cannot provoke. Each "object" here runs the real stock-ledger transitions in memory;
 * `lose` makes a call apply its transition and then fail, like a response lost on the way back.
 */
import { describe, expect, it } from "vitest";
import {
  adjust,
  availableOf,
  confirm,
  emptyState,
  type Reservation,
  release,
  reserve,
  revert,
  type StockState,
  type Transition,
} from "../../durable-objects/stock-ledger";
import { confirmItems, reserveItems, type StockEnv } from "./client";

class MemoryCounter {
  state: StockState;
  reservations = new Map<string, Reservation>();
  lose = new Set<string>();
  constructor(skuId: number, units: number) {
    this.state = adjust(
      emptyState(skuId, 0),
      { mode: "restock", quantity: units },
      { reason: "t", actor: "t" },
      0,
    ).state;
  }
  private run<R>(method: string, t: Transition<R>): Promise<R> {
    this.state = t.state;
    if (t.reservation) this.reservations.set(t.reservation.orderNo, t.reservation);
    if (t.deleteReservation) this.reservations.delete(t.deleteReservation);
    return this.lose.has(method)
      ? Promise.reject(new Error("network connection lost"))
      : Promise.resolve(t.result);
  }
  reserve(_sku: number, orderNo: string, qty: number, ttlMs: number) {
    return this.run(
      "reserve",
      reserve(this.state, this.reservations.get(orderNo), { orderNo, qty, ttlMs }, Date.now()),
    );
  }
  confirm(_sku: number, orderNo: string, opts: { reReserve?: boolean } = {}) {
    return this.run(
      "confirm",
      confirm(this.state, this.reservations.get(orderNo), { reReserve: !!opts.reReserve }, Date.now()),
    );
  }
  release(_sku: number, orderNo: string, opts: { compensation?: boolean; reason?: string } = {}) {
    return this.run(
      "release",
      release(
        this.state,
        this.reservations.get(orderNo),
        { compensation: !!opts.compensation, reason: opts.reason ?? null },
        Date.now(),
      ),
    );
  }
  revert(_sku: number, orderNo: string) {
    return this.run("revert", revert(this.state, this.reservations.get(orderNo), Date.now()));
  }
}

function world(units: Record<number, number>) {
  const objects = new Map(
    Object.entries(units).map(([id, n]) => [`sku:${id}`, new MemoryCounter(Number(id), n)]),
  );
  const env = {
    STOCK_COUNTER: { idFromName: (name: string) => name, get: (name: string) => objects.get(name) },
  } as unknown as StockEnv;
  const counts = () =>
    Object.fromEntries(
      [...objects].map(([k, o]) => [
        k,
        { reserved: o.state.reserved, sold: o.state.sold, available: availableOf(o.state) },
      ]),
    );
  /** reserveItems against this world with a one-minute hold. */
  const reserveAll = (orderNo: string, ...items: { skuId: number; qty: number }[]) =>
    reserveItems(env, orderNo, items, 60_000);
  return { env, obj: (id: number) => objects.get(`sku:${id}`)!, counts, reserveAll };
}

describe("reserveItems when an object call fails in transit", () => {
  it("compensates the SKU whose answer was lost as well as the ones that answered, then reports 503", async () => {
    const w = world({ 1: 5, 2: 5, 3: 5 });
    w.obj(3).lose.add("reserve");
    await expect(
      w.reserveAll("o1", { skuId: 1, qty: 2 }, { skuId: 2, qty: 2 }, { skuId: 3, qty: 2 }),
    ).rejects.toMatchObject({ status: 503, code: "STOCK_UNAVAILABLE" });
    for (const id of [1, 2, 3]) expect(w.obj(id).state.reserved).toBe(0);
  });

  it("merges repeated SKUs of one order into one hold", async () => {
    const w = world({ 1: 5 });
    const r = await w.reserveAll("o2", { skuId: 1, qty: 2 }, { skuId: 1, qty: 3 });
    expect(r).toEqual({ ok: true });
    expect(w.obj(1).reservations.get("o2")?.qty).toBe(5);
  });

  it("does not compensate a hold an earlier attempt of the same order made", async () => {
    const w = world({ 1: 5, 2: 1 });
    expect(await w.reserveAll("o3", { skuId: 1, qty: 2 })).toEqual({ ok: true });
    const r = await w.reserveAll("o3", { skuId: 1, qty: 2 }, { skuId: 2, qty: 2 });
    expect(r).toEqual({ ok: false, code: "OUT_OF_STOCK", skuId: 2, available: 1 });
    expect(w.obj(1).state.reserved).toBe(2);
  });
});

describe("confirmItems is all or nothing", () => {
  it("a confirm that fails on one SKU reverts the SKUs it sold", async () => {
    const w = world({ 1: 5, 2: 5 });
    await w.reserveAll("o4", { skuId: 1, qty: 1 }, { skuId: 2, qty: 1 });
    await w.env.STOCK_COUNTER.get(w.env.STOCK_COUNTER.idFromName("sku:2")).release(2, "o4");
    expect(await confirmItems(w.env, "o4", [1, 2])).toEqual({
      ok: false,
      code: "RESERVATION_RELEASED",
      skuId: 2,
    });
    expect(w.counts()).toEqual({
      "sku:1": { reserved: 0, sold: 0, available: 5 },
      "sku:2": { reserved: 0, sold: 0, available: 5 },
    });
    // Payment arrived anyway: explicit re-reserve sells both, once.
    expect(await confirmItems(w.env, "o4", [1, 2], { reReserve: true })).toEqual({ ok: true });
    expect(await confirmItems(w.env, "o4", [1, 2], { reReserve: true })).toEqual({ ok: true });
    expect(w.obj(1).state.sold + w.obj(2).state.sold).toBe(2);
  });
});
