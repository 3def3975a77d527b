/**
 * Delivery + installation booking over HTTP in workerd: merchant setup, a paid order's work order,
 * concurrent booking of the last units, reschedule around the cut-off, the installer's day, completion
 * with photo and serial, and the warranty found by that serial.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";
import { createDb, type Db } from "../db/client";
import type { Env } from "../env";
import type { OrderEvent } from "../orders/events";
import { loadOrder } from "../orders/transition";
import { addDays, beijingDate } from "./schedule";
import { installationWorkOrdersSubscriber } from "./subscriber";

const f = useOrderFixture();
let db: Db;
const env = () => f.stack.vars as unknown as Env;

const today = beijingDate(Date.now());
const day = (n: number) => addDays(today, n);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

type Json = Awaited<ReturnType<typeof json>>;
type Slot = {
  id: number;
  date: string;
  label: string;
  remaining: number;
  bookable: boolean;
  current: boolean;
};
type WorkOrder = {
  id: number;
  status: string;
  quantity?: number;
  product: { name: string; quantity: number };
  slot: { id: number; date: string; label: string } | null;
  actions: string[];
  serialNos: string[];
  photoUrl: string | null;
  changeDeadlineLabel: string | null;
};

async function count(sql: string, args: (string | number)[] = []) {
  return Number((await f.stack.sql.execute({ sql, args })).rows[0]!.n);
}
const get = (path: string, token: string) => f.stack.fetch(path, { token });
const post = (path: string, token: string, body?: unknown) =>
  f.stack.fetch(path, { method: "POST", token, ...(body === undefined ? {} : { json: body }) });
const send = (method: string, path: string, token: string, body: unknown) =>
  f.stack.fetch(path, { method, token, json: body });

async function expectError(res: Response, status: number, message: RegExp | string) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (typeof message === "string") expect(body.error?.message).toBe(message);
  else expect(body.error?.message).toMatch(message);
  return body;
}

async function staffLogin(username: string, password: string) {
  const res = await f.stack.fetch("/api/auth/staff-login", { method: "POST", json: { username, password } });
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(200);
  return String(body.token);
}

/** Runs the subscriber's statements for an order, as the pay event's batch does. */
async function applySubscriber(orderId: number) {
  const order = (await loadOrder(db, orderId))!;
  const event: OrderEvent = {
    kind: "pay",
    fromStatus: "pending_payment",
    toStatus: "paid",
    actorKind: "gateway",
    data: null,
  };
  const [first, ...rest] = installationWorkOrdersSubscriber.inTransaction!(db, env(), event, order);
  await db.batch([first!, ...rest]);
}

async function paidOrder(token: string, items: { skuId: number; quantity: number }[]) {
  const res = await f.placeOrder(token, items);
  const order = await json(res);
  expect(res.status, JSON.stringify(order)).toBe(201);
  expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  expect((await f.orderRow(Number(order.id))).status).toBe("paid");
  return order;
}

/** A copy of a paid order and its lines for another shopper (arranging many paid orders quickly). */
async function cloneOrder(orderId: number, shopperId: number): Promise<number> {
  const cols = (await f.stack.sql.execute("PRAGMA table_info(orders)")).rows
    .map((r) => String(r.name))
    .filter((c) => c !== "id");
  const fresh: Record<string, string> = {
    order_no: `'C' || abs(random() % 1000000000000)`,
    idempotency_key: `'clone-' || abs(random())`,
    shopper_id: String(shopperId),
  };
  const r = await f.stack.sql.execute({
    sql: `INSERT INTO orders (${cols.join(",")}) SELECT ${cols.map((c) => fresh[c] ?? c).join(",")} FROM orders WHERE id = ? RETURNING id`,
    args: [orderId],
  });
  const id = Number(r.rows[0]!.id);
  const itemCols = (await f.stack.sql.execute("PRAGMA table_info(order_items)")).rows
    .map((x) => String(x.name))
    .filter((c) => c !== "id");
  await f.stack.sql.execute({
    sql: `INSERT INTO order_items (${itemCols.join(",")}) SELECT ${itemCols.map((c) => (c === "order_id" ? String(id) : c)).join(",")} FROM order_items WHERE order_id = ?`,
    args: [orderId],
  });
  await applySubscriber(id);
  return id;
}

let acSku: number;
let fridgeSku: number;
let acCategoryId: number;
let areaId: number;
let buyer: { token: string; addressId: number };
let workOrderId: number;

beforeAll(async () => {
  db = createDb(f.stack.vars.LIBSQL_URL!);
  acSku = await f.createSku(329_900, 100, "测试空调");
  fridgeSku = await f.createSku(199_900, 100, "测试冰箱");
  // 测试分类 (where the fixture puts products) becomes a child of 空调: the parent's service applies.
  const parent = await json(await post("/api/admin/categories", f.merchant, { name: "空调" }));
  acCategoryId = Number(parent.id);
  await f.stack.sql.execute({
    sql: "UPDATE categories SET parent_id = ? WHERE name = '测试分类'",
    args: [acCategoryId],
  });
  const fridges = await json(await post("/api/admin/categories", f.merchant, { name: "冰箱" }));
  await f.stack.sql.execute({
    sql: "UPDATE products SET category_id = ? WHERE id = (SELECT product_id FROM skus WHERE id = ?)",
    args: [Number(fridges.id), fridgeSku],
  });
}, 60_000);

describe("merchant setup", () => {
  it("configures the air conditioners' installation service; bad fees are refused and nothing is written", async () => {
    const bad = await send("PUT", `/api/admin/installation/services/${acCategoryId}`, f.merchant, {
      requiresInstallation: true,
      bracketFeeFen: -1,
    });
    await expectError(bad, 400, /^请求参数有误，bracketFeeFen：/);
    expect(await count("SELECT count(*) n FROM install_services")).toBe(0);
    await expectError(
      await send("PUT", "/api/admin/installation/services/999999", f.merchant, {
        requiresInstallation: true,
      }),
      404,
      "分类不存在",
    );

    const res = await send("PUT", `/api/admin/installation/services/${acCategoryId}`, f.merchant, {
      requiresInstallation: true,
      includes: "含基础安装、3米铜管、打孔1个",
      bracketFeeFen: 8000,
      highAltitudeFeeFen: 15000,
      carryFeePerFloorFen: 2000,
      carryFreeFloors: 1,
    });
    expect(res.status).toBe(200);
    const list = await json(await get("/api/admin/installation/services", f.merchant));
    expect(list.items).toEqual([
      expect.objectContaining({ categoryId: acCategoryId, categoryName: "空调", bracketFeeFen: 8000 }),
    ]);
  });

  it("creates a service area; invalid regions or overlapping windows are 400 in Chinese and write nothing", async () => {
    const base = {
      name: "深圳",
      regions: [{ code: "440300", name: "深圳市" }],
      windows: [
        { start: "09:00", end: "12:00", capacity: 2 },
        { start: "13:00", end: "18:00", capacity: 2 },
      ],
    };
    await expectError(
      await post("/api/admin/installation/areas", f.merchant, {
        ...base,
        regions: [{ code: "4403", name: "深圳市" }],
      }),
      400,
      /地区编码应为 6 位数字/,
    );
    await expectError(
      await post("/api/admin/installation/areas", f.merchant, {
        ...base,
        windows: [...base.windows, { start: "11:00", end: "14:00", capacity: 1 }],
      }),
      400,
      /重叠/,
    );
    await expectError(
      await post("/api/admin/installation/areas", f.merchant, { ...base, regions: [{ code: "449900" }] }),
      400,
      "地区编码 449900 不存在",
    );
    expect(await count("SELECT count(*) n FROM install_areas")).toBe(0);

    const res = await post("/api/admin/installation/areas", f.merchant, base);
    const area = await json(res);
    expect(res.status, JSON.stringify(area)).toBe(201);
    expect(area.cutoff).toEqual({ daysBefore: 1, time: "18:00", label: "服务前一天 18:00" });
    areaId = Number(area.id);
  });

  it("generates slots for a date range once; listing shows Beijing dates and windows", async () => {
    await expectError(
      await post(`/api/admin/installation/areas/${areaId}/slots/generate`, f.merchant, {
        from: day(3),
        to: day(1),
      }),
      400,
      /结束日期不能早于开始日期/,
    );
    expect(await count("SELECT count(*) n FROM install_slots")).toBe(0);
    const gen = await json(
      await post(`/api/admin/installation/areas/${areaId}/slots/generate`, f.merchant, {
        from: day(1),
        to: day(14),
      }),
    );
    expect(gen).toEqual({ created: 28, skipped: 0 });
    const again = await json(
      await post(`/api/admin/installation/areas/${areaId}/slots/generate`, f.merchant, {
        from: day(1),
        to: day(2),
      }),
    );
    expect(again).toEqual({ created: 0, skipped: 4 });
    const slots = await json(
      await get(`/api/admin/installation/areas/${areaId}/slots?from=${day(1)}&to=${day(1)}`, f.merchant),
    );
    expect((slots.items as Slot[]).map((s) => [s.date, s.label])).toEqual([
      [day(1), "09:00–12:00"],
      [day(1), "13:00–18:00"],
    ]);
  });
});

async function slotsFor(token: string, id: number) {
  const body = await json(await get(`/api/installation/work-orders/${id}/slots`, token));
  return body.items as Slot[];
}
const slotOn = (slots: Slot[], date: string, label = "09:00–12:00") =>
  slots.find((s) => s.date === date && s.label === label)!;

describe("a paid order with an air conditioner", () => {
  it("gets one work order for the AC line (the parent category's service), none for the fridge", async () => {
    buyer = await f.newShopper("装机顾客");
    await paidOrder(buyer.token, [
      { skuId: acSku, quantity: 1 },
      { skuId: fridgeSku, quantity: 1 },
    ]);
    const list = await json(await get("/api/installation/work-orders", buyer.token));
    const items = list.items as (WorkOrder & Json)[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: "awaiting_booking",
      statusLabel: "待预约",
      product: { quantity: 1 },
      includes: "含基础安装、3米铜管、打孔1个",
      address: { city: "深圳市", district: "南山区", phone: "13800138000" },
      slot: null,
      actions: ["book"],
    });
    expect(items[0]!.product.name).toMatch(/^测试空调/);
    workOrderId = items[0]!.id;
  });

  it("is idempotent: the pay event seen again creates no second work order", async () => {
    const orderId = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT order_id FROM install_work_orders WHERE id = ?",
          args: [workOrderId],
        })
      ).rows[0]!.order_id,
    );
    await applySubscriber(orderId);
    await applySubscriber(orderId);
    expect(await count("SELECT count(*) n FROM install_work_orders WHERE order_id = ?", [orderId])).toBe(1);
  });

  it("charges the chosen extras on the AC line and lists them on its work order", async () => {
    const shopper = await f.newShopper("选支架顾客");
    const res = await f.stack.fetch("/api/orders", {
      method: "POST",
      token: shopper.token,
      headers: { "idempotency-key": `extras-${Date.now()}` },
      json: {
        items: [
          { skuId: acSku, quantity: 1 },
          { skuId: fridgeSku, quantity: 1 },
        ],
        installation: { bracket: [acSku, fridgeSku], highAltitude: [acSku], floor: 5, hasLift: false },
      },
    });
    const order = await json(res);
    expect(res.status, JSON.stringify(order)).toBe(201);
    const charges = (
      order.adjustments as { step: string; label: string; amountFen: number; skuId?: number }[]
    )
      .filter((a) => a.step === "installation")
      .map((a) => [a.label, a.amountFen, a.skuId]);
    // The fridge has no service: its bracket choice is ignored, and nothing is carried for it.
    expect(charges).toEqual([
      ["支架 ×1", 8000, acSku],
      ["高空作业 ×1", 15000, acSku],
      ["送货上楼（无电梯，5楼）×1", 4 * 2000, acSku],
    ]);
    expect((await f.startPaying(shopper.token, Number(order.id), "wechat")).status).toBe(200);
    expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
    const list = await json(await get("/api/installation/work-orders", shopper.token));
    expect((list.items as { extras: string[] }[]).map((w) => w.extras)).toEqual([
      ["支架 ×1", "高空作业 ×1", "送货上楼（无电梯，5楼）×1"],
    ]);
  });

  it("lists the area's bookable slots for the next 14 days with remaining units", async () => {
    const slots = await slotsFor(buyer.token, workOrderId);
    expect(slots.length).toBeGreaterThanOrEqual(26); // tomorrow's may be past today's 18:00 cut-off
    expect(slots.every((s) => s.date > today && s.date <= day(14))).toBe(true);
    expect(slotOn(slots, day(5))).toMatchObject({ remaining: 2, bookable: true, current: false });
  });

  it("hides another shopper's work order (404) and refuses staff on shopper routes", async () => {
    const other = await f.newShopper("别人");
    await expectError(
      await get(`/api/installation/work-orders/${workOrderId}`, other.token),
      404,
      "安装工单不存在",
    );
    await expectError(
      await get(`/api/installation/work-orders/${workOrderId}/slots`, other.token),
      404,
      "安装工单不存在",
    );
    const slot = slotOn(await slotsFor(buyer.token, workOrderId), day(5));
    await expectError(
      await post(`/api/installation/work-orders/${workOrderId}/booking`, other.token, { slotId: slot.id }),
      404,
      "安装工单不存在",
    );
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [slot.id])).toBe(0);
    expect((await json(await get("/api/installation/work-orders", other.token))).items).toEqual([]);
    await expectError(await get("/api/installation/work-orders", f.merchant), 403, "仅限顾客账号使用");
  });

  it("books a slot; a slot of another area or a missing one is 404 and books nothing", async () => {
    const other = await json(
      await post("/api/admin/installation/areas", f.merchant, {
        name: "杭州",
        regions: [{ code: "330100" }],
        windows: [{ start: "09:00", end: "12:00", capacity: 5 }],
      }),
    );
    expect(other.regions).toEqual([{ code: "330100", name: "杭州市" }]);
    await post(`/api/admin/installation/areas/${other.id}/slots/generate`, f.merchant, {
      from: day(5),
      to: day(5),
    });
    const hangzhouSlot = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT id FROM install_slots WHERE area_id = ?",
          args: [Number(other.id)],
        })
      ).rows[0]!.id,
    );
    for (const slotId of [hangzhouSlot, 999_999])
      await expectError(
        await post(`/api/installation/work-orders/${workOrderId}/booking`, buyer.token, { slotId }),
        404,
        "时段不存在或不在您的服务区域内",
      );
    await expectError(
      await post(`/api/installation/work-orders/${workOrderId}/booking`, buyer.token, { slotId: "x" }),
      400,
      /^请求参数有误，slotId：/,
    );
    expect(await count("SELECT count(*) n FROM install_work_order_events")).toBe(0);

    const slot = slotOn(await slotsFor(buyer.token, workOrderId), day(5));
    const res = await post(`/api/installation/work-orders/${workOrderId}/booking`, buyer.token, {
      slotId: slot.id,
    });
    const wo = (await json(res)) as unknown as WorkOrder;
    expect(res.status, JSON.stringify(wo)).toBe(200);
    expect(wo).toMatchObject({
      status: "booked",
      slot: { id: slot.id, date: day(5), label: "09:00–12:00" },
      actions: ["reschedule", "cancel_booking"],
      changeDeadlineLabel: "服务前一天 18:00",
    });
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [slot.id])).toBe(1);
    await expectError(
      await post(`/api/installation/work-orders/${workOrderId}/booking`, buyer.token, { slotId: slot.id }),
      409,
      "安装工单当前状态为「已预约」，不能预约",
    );
  });
});

describe("capacity under concurrency", () => {
  it("30 shoppers booking a slot with 3 units at once: exactly 3 get it, the rest 409 该时段已约满", async () => {
    const slot = slotOn(await slotsFor(buyer.token, workOrderId), day(4));
    const patched = await send("PATCH", `/api/admin/installation/slots/${slot.id}`, f.merchant, {
      capacity: 3,
    });
    expect(patched.status).toBe(200);

    const sourceOrder = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT order_id FROM install_work_orders WHERE id = ?",
          args: [workOrderId],
        })
      ).rows[0]!.order_id,
    );
    const shoppers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const { token } = await f.newShopper(`抢约顾客${i}`);
        const me = await json(await get("/api/me", token));
        return { token, id: Number(me.id) };
      }),
    );
    const workOrders: { token: string; id: number }[] = [];
    for (const s of shoppers) {
      const orderId = await cloneOrder(sourceOrder, s.id);
      const row = await f.stack.sql.execute({
        sql: "SELECT id FROM install_work_orders WHERE order_id = ?",
        args: [orderId],
      });
      workOrders.push({ token: s.token, id: Number(row.rows[0]!.id) });
    }

    const results = await Promise.all(
      workOrders.map((w) =>
        post(`/api/installation/work-orders/${w.id}/booking`, w.token, { slotId: slot.id }),
      ),
    );
    const bodies = await Promise.all(results.map((r) => json(r)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(27);
    for (const b of bodies.filter((_, i) => statuses[i] === 409))
      expect(b.error).toEqual(
        expect.objectContaining({ code: "SLOT_FULL", message: "该时段已约满，请选择其他时段" }),
      );
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [slot.id])).toBe(3);
    expect(await count("SELECT count(*) n FROM install_work_orders WHERE slot_id = ?", [slot.id])).toBe(3);
    expect(
      await count("SELECT count(*) n FROM install_work_order_events WHERE slot_id = ? AND action = 'book'", [
        slot.id,
      ]),
    ).toBe(3);
    // The database itself refuses an overbooked slot, whatever statement tries.
    await expect(
      f.stack.sql.execute({
        sql: "UPDATE install_slots SET booked = booked + 1 WHERE id = ?",
        args: [slot.id],
      }),
    ).rejects.toThrow(/CHECK constraint failed/);
  });

  it("refuses a capacity below what is booked (409) and nothing changes", async () => {
    const slot = slotOn(await slotsFor(buyer.token, workOrderId), day(4));
    await expectError(
      await send("PATCH", `/api/admin/installation/slots/${slot.id}`, f.merchant, { capacity: 2 }),
      409,
      "该时段已预约 3 台，容量不能小于已预约数量",
    );
    expect(await count("SELECT capacity n FROM install_slots WHERE id = ?", [slot.id])).toBe(3);
  });
});

describe("reschedule and cancel", () => {
  it("moves the booking before the cut-off: the old slot's unit goes back, the new one is taken", async () => {
    const slots = await slotsFor(buyer.token, workOrderId);
    const old = slots.find((s) => s.current)!;
    const next = slotOn(slots, day(6), "13:00–18:00");
    const res = await post(`/api/installation/work-orders/${workOrderId}/reschedule`, buyer.token, {
      slotId: next.id,
    });
    const wo = (await json(res)) as unknown as WorkOrder;
    expect(res.status, JSON.stringify(wo)).toBe(200);
    expect(wo).toMatchObject({
      status: "rescheduled",
      slot: { id: next.id, date: day(6), label: "13:00–18:00" },
    });
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [old.id])).toBe(0);
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [next.id])).toBe(1);
  });

  it("refuses a reschedule to a full slot as a whole: the current booking stays", async () => {
    const slots = await slotsFor(buyer.token, workOrderId);
    const current = slots.find((s) => s.current)!;
    const full = slotOn(slots, day(4));
    expect(full).toMatchObject({ remaining: 0, bookable: false });
    await expectError(
      await post(`/api/installation/work-orders/${workOrderId}/reschedule`, buyer.token, { slotId: full.id }),
      409,
      "该时段已约满，请选择其他时段",
    );
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [current.id])).toBe(1);
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [full.id])).toBe(3);
    expect(await count("SELECT slot_id n FROM install_work_orders WHERE id = ?", [workOrderId])).toBe(
      current.id,
    );
  });

  it("after the cut-off the shopper can neither reschedule nor cancel (409 in Chinese); the merchant still can", async () => {
    const slots = await slotsFor(buyer.token, workOrderId);
    const current = slots.find((s) => s.current)!;
    const target = slotOn(slots, day(7));
    // The merchant moves the cut-off to a week before the slot: the booking (6 days out) is past it.
    const patched = await send("PATCH", `/api/admin/installation/areas/${areaId}`, f.merchant, {
      cutoff: { daysBefore: 7, time: "18:00" },
    });
    expect(patched.status).toBe(200);
    try {
      await expectError(
        await post(`/api/installation/work-orders/${workOrderId}/reschedule`, buyer.token, {
          slotId: target.id,
        }),
        409,
        "已过改约截止时间（服务前 7 天 18:00），如需改约或取消请联系客服",
      );
      await expectError(
        await post(`/api/installation/work-orders/${workOrderId}/cancel-booking`, buyer.token),
        409,
        /^已过改约截止时间/,
      );
      const view = (await json(
        await get(`/api/installation/work-orders/${workOrderId}`, buyer.token),
      )) as unknown as WorkOrder;
      expect(view.actions).toEqual([]);
      expect(await count("SELECT slot_id n FROM install_work_orders WHERE id = ?", [workOrderId])).toBe(
        current.id,
      );

      const merchantMove = await post(
        `/api/admin/installation/work-orders/${workOrderId}/reschedule`,
        f.merchant,
        {
          slotId: current.id === target.id ? slotOn(slots, day(8)).id : target.id,
        },
      );
      expect(merchantMove.status).toBe(200);
    } finally {
      await send("PATCH", `/api/admin/installation/areas/${areaId}`, f.merchant, {
        cutoff: { daysBefore: 1, time: "18:00" },
      });
    }
  });

  it("cancels a booking before the cut-off (back to awaiting_booking, unit returned) and books again", async () => {
    const before = (await json(
      await get(`/api/installation/work-orders/${workOrderId}`, buyer.token),
    )) as unknown as WorkOrder;
    const held = before.slot!.id;
    const res = await post(`/api/installation/work-orders/${workOrderId}/cancel-booking`, buyer.token);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: "awaiting_booking", slot: null, actions: ["book"] });
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [held])).toBe(0);
    const again = await post(`/api/installation/work-orders/${workOrderId}/booking`, buyer.token, {
      slotId: held,
    });
    expect(again.status).toBe(200);
    expect(await count("SELECT booked n FROM install_slots WHERE id = ?", [held])).toBe(1);
  });
});

describe("installer", () => {
  let installer: string;
  let stranger: string;
  let slotDate: string;

  beforeAll(async () => {
    const res = await post("/api/admin/installation/installers", f.merchant, {
      username: "installer-sz",
      password: "jiadian-installer",
      displayName: "安装师傅 王",
      areaIds: [areaId],
    });
    expect(res.status).toBe(201);
    installer = await staffLogin("installer-sz", "jiadian-installer");
    const other = await post("/api/admin/installation/installers", f.merchant, {
      username: "installer-elsewhere",
      password: "jiadian-installer",
      displayName: "安装师傅 李",
    });
    expect(other.status).toBe(201);
    stranger = await staffLogin("installer-elsewhere", "jiadian-installer");
    const wo = (await json(
      await get(`/api/installation/work-orders/${workOrderId}`, buyer.token),
    )) as unknown as WorkOrder;
    slotDate = wo.slot!.date;
  });

  it("keeps roles apart: shoppers and merchants get 403 on installer routes, installers on admin and shopper routes", async () => {
    await expectError(await get("/api/installer/work-orders", buyer.token), 403, "没有权限执行此操作");
    await expectError(await get("/api/installer/work-orders", f.merchant), 403, "没有权限执行此操作");
    await expectError(await get("/api/admin/installation/areas", installer), 403, "没有权限执行此操作");
    await expectError(await get("/api/installation/work-orders", installer), 403, "仅限顾客账号使用");
    await expectError(await get("/api/installer/work-orders", "not-a-token"), 401, "请先登录");
  });

  it("lists the day's work orders in the installer's areas, with address, phone, product and slot", async () => {
    const mine = await json(await get(`/api/installer/work-orders?date=${slotDate}`, installer));
    expect(mine.date).toBe(slotDate);
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: workOrderId,
        status: "booked",
        address: expect.objectContaining({ phone: "13800138000", detail: "科技园 1 号" }),
        product: expect.objectContaining({ quantity: 1 }),
        slot: expect.objectContaining({ date: slotDate }),
        actions: ["depart"],
      }),
    ]);
    expect((await json(await get(`/api/installer/work-orders?date=${slotDate}`, stranger))).items).toEqual(
      [],
    );
    await expectError(
      await post(`/api/installer/work-orders/${workOrderId}/on-the-way`, stranger),
      404,
      "安装工单不存在",
    );
  });

  const done = async (
    token: string,
    id: number,
    photo: Uint8Array | string | null,
    serialNo: string | null,
  ) => {
    const form = new FormData();
    if (photo !== null) form.set("photo", new Blob([photo]), "photo.png");
    if (serialNo !== null) form.set("serialNo", serialNo);
    // Serialized here: the harness's fetch (npm undici) does not encode Node's global FormData itself.
    const encoded = new Request("http://local/", { method: "POST", body: form });
    return f.stack.fetch(`/api/installer/work-orders/${id}/done`, {
      method: "POST",
      token,
      headers: { "content-type": encoded.headers.get("content-type")! },
      body: new Uint8Array(await encoded.arrayBuffer()),
    });
  };
  const unchanged = async () => {
    const row = (
      await f.stack.sql.execute({
        sql: "SELECT status, photo_key FROM install_work_orders WHERE id = ?",
        args: [workOrderId],
      })
    ).rows[0]!;
    expect({ status: row.status, photo: row.photo_key }).toEqual({ status: "on_the_way", photo: null });
    expect(await count("SELECT count(*) n FROM installed_units")).toBe(0);
  };

  it("marks on the way, then refuses bad completions with Chinese messages and writes nothing", async () => {
    await expectError(await done(installer, workOrderId, PNG, "KFR35GW-001"), 409, /请先点击「出发」/);
    const res = await post(`/api/installer/work-orders/${workOrderId}/on-the-way`, installer);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: "on_the_way", installer: { name: "安装师傅 王" } });
    expect(
      (await json(await get(`/api/installation/work-orders/${workOrderId}`, buyer.token))).statusLabel,
    ).toBe("师傅已出发");

    await expectError(
      await done(installer, workOrderId, PNG, "abc"),
      400,
      "序列号「ABC」格式不正确：应为 6–40 位字母、数字或短横线",
    );
    await expectError(await done(installer, workOrderId, PNG, "KFR35GW_001!"), 400, /格式不正确/);
    await expectError(
      await done(installer, workOrderId, PNG, "SN-000001, SN-000002"),
      400,
      "请填写设备的序列号",
    );
    await expectError(await done(installer, workOrderId, PNG, null), 400, "请填写设备的序列号");
    await expectError(
      await done(installer, workOrderId, "not an image at all", "KFR35GW-001"),
      415,
      "仅支持 JPG、PNG、GIF、WebP 或 SVG 图片",
    );
    await expectError(
      await done(installer, workOrderId, null, "KFR35GW-001"),
      400,
      "请上传安装完成的照片（表单字段 photo）",
    );
    await unchanged();
  });

  it("completes with photo and serial; the shopper sees the photo, another shopper does not", async () => {
    const res = await done(installer, workOrderId, PNG, "kfr35gw-001");
    const wo = (await json(res)) as unknown as WorkOrder;
    expect(res.status, JSON.stringify(wo)).toBe(200);
    expect(wo).toMatchObject({
      status: "done",
      serialNos: ["KFR35GW-001"],
      photoUrl: `/api/installation/work-orders/${workOrderId}/photo`,
    });
    expect(await count("SELECT count(*) n FROM installed_units WHERE work_order_id = ?", [workOrderId])).toBe(
      1,
    );

    const photo = await get(wo.photoUrl!, buyer.token);
    expect(photo.status).toBe(200);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await photo.arrayBuffer())).toEqual(PNG);
    expect((await get(wo.photoUrl!, f.merchant)).status).toBe(200);
    const other = await f.newShopper("偷看照片");
    await expectError(await get(wo.photoUrl!, other.token), 404, "图片不存在");
    await expectError(await get(wo.photoUrl!, stranger), 404, "图片不存在");
    expect((await json(await get(`/api/installation/work-orders/${workOrderId}`, buyer.token))).status).toBe(
      "done",
    );
    expect((await slotsFor(buyer.token, workOrderId)).some((s) => s.bookable)).toBe(false);
  });

  it("registers the warranty by serial: found from the installation day, with the category's policy", async () => {
    const doneAt = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT done_at FROM install_work_orders WHERE id = ?",
          args: [workOrderId],
        })
      ).rows[0]!.done_at,
    );
    const res = await get("/api/after-sales/warranty/by-serial/KFR35GW-001", buyer.token);
    const w = await json(res);
    expect(res.status, JSON.stringify(w)).toBe(200);
    expect(w).toMatchObject({
      serialNo: "KFR35GW-001",
      installedAt: doneAt,
      policy: { category: "空调" },
      status: { startsAt: doneAt, active: true, wholeUnit: { active: true } },
    });
    const status = w.status as { wholeUnit: { endsAt: number } };
    expect(status.wholeUnit.endsAt).toBeGreaterThan(doneAt + 360 * 86_400_000);
    // Case-insensitive, like the installer's input.
    expect((await get("/api/after-sales/warranty/by-serial/kfr35gw-001", buyer.token)).status).toBe(200);
    await expectError(
      await get("/api/after-sales/warranty/by-serial/NOPE-404404", buyer.token),
      404,
      "未找到该序列号的保修登记",
    );
    await expectError(
      await get("/api/after-sales/warranty/by-serial/a", buyer.token),
      400,
      /序列号应为 6–40 位/,
    );
  });

  it("refuses a serial that is already registered (409) and keeps the second work order open", async () => {
    const second = await json(await get("/api/installation/work-orders", buyer.token));
    expect(second.items).toHaveLength(1);
    // Another of the concurrency test's booked work orders, on the installer's area and day.
    const row = (
      await f.stack.sql.execute(
        "SELECT w.id, s.date FROM install_work_orders w JOIN install_slots s ON s.id = w.slot_id WHERE w.status = 'booked' LIMIT 1",
      )
    ).rows[0]!;
    const id = Number(row.id);
    expect((await post(`/api/installer/work-orders/${id}/on-the-way`, installer)).status).toBe(200);
    await expectError(
      await done(installer, id, PNG, "KFR35GW-001"),
      409,
      "序列号 KFR35GW-001 已登记过，请核对",
    );
    expect(
      await count("SELECT count(*) n FROM install_work_orders WHERE id = ? AND status = 'on_the_way'", [id]),
    ).toBe(1);
  });
});
