/**
 * Repair work orders over HTTP in workerd: an agent opens one from a chat for an installed washer (in
 * warranty by its serial: free), the technician books, arrives and finishes, the shopper confirms; a
 * product bought elsewhere is registered by serial + invoice photo, approved, repaired out of warranty,
 * and its charge paid through the payment simulator before the shopper can confirm. Roles, other
 * people's work orders and bad input are refused with nothing written.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { staffToken } from "../../../test/harness";
import { json, useOrderFixture } from "../../../test/order-fixture";
import { createDb } from "../../db/client";
import { addDays, beijingDate } from "../../installation/schedule";
import { openRepairWorkOrder } from "./service";

const f = useOrderFixture();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const today = beijingDate(Date.now());
const HOUR = 3600_000;

type Json = Awaited<ReturnType<typeof json>>;
interface Repair {
  workOrderNo: string;
  status: string;
  statusLabel: string;
  source: string;
  problem: string;
  product: { name: string; serialNo: string | null };
  contact: { name: string; phone: string; address: string };
  warranty: { inWarranty: boolean; note: string };
  technician: { id: number; name: string } | null;
  appointmentAt: number | null;
  partsFen: number;
  laborFen: number;
  chargeFen: number;
  charge: { chargeNo: string; amountFen: number; status: string } | null;
  paymentDue: boolean;
  actions: string[];
  timeline: { action: string; toStatus: string; actorKind: string }[];
}

const get = (path: string, token: string) => f.stack.fetch(path, { token });
const post = (path: string, token: string, body?: unknown) =>
  f.stack.fetch(path, { method: "POST", token, ...(body === undefined ? {} : { json: body }) });
const count = (sql: string, args: (string | number)[] = []) => f.count(sql, args);

async function expectError(res: Response, status: number, message: RegExp | string) {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  if (typeof message === "string") expect(body.error?.message).toBe(message);
  else expect(body.error?.message).toMatch(message);
  return body;
}
async function ok<T = Json>(res: Response, status = 200): Promise<T> {
  const body = await json(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body as T;
}

async function staffLogin(username: string, password: string) {
  const body = await ok(
    await f.stack.fetch("/api/auth/staff-login", { method: "POST", json: { username, password } }),
  );
  return String(body.token);
}
async function staffId(username: string) {
  return Number(
    (await f.stack.sql.execute({ sql: "SELECT id FROM staff WHERE username = ?", args: [username] })).rows[0]!
      .id,
  );
}
async function shopperIdOf(nickname: string) {
  return Number(
    (await f.stack.sql.execute({ sql: "SELECT id FROM shoppers WHERE nickname = ?", args: [nickname] }))
      .rows[0]!.id,
  );
}
async function uploadPhoto(token: string): Promise<string> {
  const body = await ok(
    await f.stack.fetch("/api/after-sales/photos", {
      method: "POST",
      token,
      headers: { "content-type": "image/png" },
      body: PNG,
    }),
    201,
  );
  return String(body.key);
}
/** A conversation of the shopper's that an agent has taken (the chat rooms write these rows). */
async function assignedConversation(shopperId: number, agentId: number) {
  const now = Date.now();
  const r = await f.stack.sql.execute({
    sql: `INSERT INTO conversations (shopper_id, status, agent_id, created_at, updated_at, assigned_at)
          VALUES (?, 'assigned', ?, ?, ?, ?) RETURNING id`,
    args: [shopperId, agentId, now, now, now],
  });
  return Number(r.rows[0]!.id);
}

let agent: string;
let otherAgent: string;
let tech: string;
let otherTech: string;
let techId: number;
let buyer: { token: string; addressId: number };
let stranger: { token: string; addressId: number };
let washerItemId: number;
let strangerItemId: number;
let conversationId: number;

/**
 * A washer sold here and installed: the merchant's installation setup, the paid order's installation
 * work order booked by the shopper and completed by the installer with serial WM-IN-0001 (the warranty
 * registration the repair looks its serial up in).
 */
beforeAll(async () => {
  const washers = await ok(await post("/api/admin/categories", f.merchant, { name: "洗衣机" }), 201);
  const skuId = await f.createSku(259_900, 20, "测试滚筒洗衣机");
  await f.stack.sql.execute({
    sql: "UPDATE categories SET parent_id = ? WHERE name = '测试分类'",
    args: [Number(washers.id)],
  });
  const testCategory = Number(
    (await f.stack.sql.execute("SELECT id FROM categories WHERE name = '测试分类'")).rows[0]!.id,
  );
  await ok(
    await f.stack.fetch(`/api/admin/installation/services/${testCategory}`, {
      method: "PUT",
      token: f.merchant,
      json: { requiresInstallation: true, includes: "含基础安装" },
    }),
  );
  const area = await ok(
    await post("/api/admin/installation/areas", f.merchant, {
      name: "深圳",
      regions: [{ code: "440300" }],
      windows: [{ start: "09:00", end: "12:00", capacity: 5 }],
    }),
    201,
  );
  const areaId = Number(area.id);
  const generated = await json(
    await post(`/api/admin/installation/areas/${areaId}/slots/generate`, f.merchant, {
      from: addDays(today, 3),
      to: addDays(today, 4),
    }),
  );
  expect(generated).toEqual({ created: 2, skipped: 0 });
  for (const [username, displayName] of [
    ["tech-zhang", "维修师傅 张"],
    ["tech-other", "维修师傅 赵"],
  ] as const)
    await ok(
      await post("/api/admin/installation/installers", f.merchant, {
        username,
        password: "jiadian-tech-1",
        displayName,
        areaIds: [areaId],
      }),
      201,
    );
  tech = await staffLogin("tech-zhang", "jiadian-tech-1");
  otherTech = await staffLogin("tech-other", "jiadian-tech-1");
  techId = await staffId("tech-zhang");
  agent = await staffToken(f.stack, "agent", "agent-li");
  otherAgent = await staffToken(f.stack, "agent", "agent-wu");

  buyer = await f.newShopper("repair-buyer");
  stranger = await f.newShopper("repair-stranger");
  const paid = async (token: string) => {
    const order = await ok(await f.placeOrder(token, [{ skuId, quantity: 1 }]), 201);
    expect((await f.startPaying(token, Number(order.id), "wechat")).status).toBe(200);
    expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
    return Number(order.id);
  };
  const orderId = await paid(buyer.token);
  washerItemId = Number(
    (await f.stack.sql.execute({ sql: "SELECT id FROM order_items WHERE order_id = ?", args: [orderId] }))
      .rows[0]!.id,
  );
  const strangerOrder = await paid(stranger.token);
  strangerItemId = Number(
    (
      await f.stack.sql.execute({
        sql: "SELECT id FROM order_items WHERE order_id = ?",
        args: [strangerOrder],
      })
    ).rows[0]!.id,
  );

  // Installation: book, on the way, done with photo and serial.
  const installWo = Number(
    (
      await f.stack.sql.execute({
        sql: "SELECT id FROM install_work_orders WHERE order_item_id = ?",
        args: [washerItemId],
      })
    ).rows[0]!.id,
  );
  const slots = await ok<{ items: { id: number; bookable: boolean }[] }>(
    await get(`/api/installation/work-orders/${installWo}/slots`, buyer.token),
  );
  const slot = slots.items.find((s) => s.bookable)!;
  await ok(
    await post(`/api/installation/work-orders/${installWo}/booking`, buyer.token, { slotId: slot.id }),
  );
  await ok(await post(`/api/installer/work-orders/${installWo}/on-the-way`, tech));
  const form = new FormData();
  form.set("photo", new Blob([PNG]), "photo.png");
  form.set("serialNo", "WM-IN-0001");
  const encoded = new Request("http://local/", { method: "POST", body: form });
  await ok(
    await f.stack.fetch(`/api/installer/work-orders/${installWo}/done`, {
      method: "POST",
      token: tech,
      headers: { "content-type": encoded.headers.get("content-type")! },
      body: new Uint8Array(await encoded.arrayBuffer()),
    }),
  );
  conversationId = await assignedConversation(await shopperIdOf("repair-buyer"), await staffId("agent-li"));
}, 120_000);

describe("an agent opens a work order from a chat; in warranty it is free", () => {
  let no: string;
  const base = () => ({ conversationId, orderItemId: washerItemId, problem: "滚筒不转，显示 E21" });

  it("refuses the wrong roles, another agent's chat, other shoppers' items and bad input, writing nothing", async () => {
    await expectError(
      await post("/api/admin/after-sales/repairs", buyer.token, base()),
      403,
      "没有权限执行此操作",
    );
    await expectError(await post("/api/admin/after-sales/repairs", tech, base()), 403, "没有权限执行此操作");
    await expectError(
      await post("/api/admin/after-sales/repairs", otherAgent, base()),
      403,
      "只能为您正在接待的会话中的顾客开维修工单",
    );
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), problem: " " }),
      400,
      "请求参数有误，problem：请描述故障情况",
    );
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), registrationId: 1 }),
      400,
      "请求参数有误，orderItemId：请指定报修的订单商品或已登记的产品（二选一）",
    );
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, {
        ...base(),
        contact: { name: "张三", phone: "123", address: "深圳市南山区" },
      }),
      400,
      "请求参数有误，contact.phone：请填写 11 位手机号",
    );
    // The chat's shopper is not the buyer of this line: it is not disclosed.
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), orderItemId: strangerItemId }),
      404,
      "订单商品不存在",
    );
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), serialNo: "WM-XX-9999" }),
      400,
      "序列号 WM-XX-9999 不属于该订单商品，请核对",
    );
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), conversationId: 999999 }),
      404,
      "客服会话不存在",
    );
    // A photo the shopper never uploaded (another shopper's upload).
    const foreign = await uploadPhoto(stranger.token);
    await expectError(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), photos: [foreign] }),
      400,
      "照片无效或已失效，请重新上传",
    );
    expect(await count("SELECT count(*) n FROM repair_work_orders")).toBe(0);
    expect(await count("SELECT count(*) n FROM repair_work_order_events")).toBe(0);
  });

  it("opens it for the chat's shopper, in warranty by the installed serial, with the order's address", async () => {
    const photo = await uploadPhoto(buyer.token);
    const body = await ok<{ workOrderNo: string; created: boolean; workOrder: Repair }>(
      await post("/api/admin/after-sales/repairs", agent, { ...base(), photos: [photo] }),
      201,
    );
    no = body.workOrderNo;
    expect(no).toMatch(/^RW\d{24}$/);
    expect(body.created).toBe(true);
    expect(body.workOrder).toMatchObject({
      status: "received",
      statusLabel: "已受理",
      source: "agent",
      product: { serialNo: "WM-IN-0001" },
      contact: { name: "张三", phone: "13800138000" },
      warranty: { inWarranty: true },
      technician: null,
      actions: ["assign", "cancel"],
      timeline: [{ action: "open", toStatus: "received", actorKind: "agent" }],
    });
    expect(body.workOrder.warranty.note).toMatch(
      /^在保修期内：洗衣机整机保修至 \d{4}-\d{2}-\d{2}（自安装之日/,
    );
    expect(body.workOrder.contact.address).toContain("科技园 1 号");

    // The shopper sees it; another shopper does not, and neither does an unassigned technician.
    const mine = await ok<{ items: Repair[] }>(await get("/api/after-sales/repairs", buyer.token));
    expect(mine.items.map((r) => r.workOrderNo)).toEqual([no]);
    expect(
      (await ok<{ items: Repair[] }>(await get("/api/after-sales/repairs", stranger.token))).items,
    ).toEqual([]);
    await expectError(await get(`/api/after-sales/repairs/${no}`, stranger.token), 404, "维修工单不存在");
    await expectError(await get(`/api/installer/repairs/${no}`, tech), 404, "维修工单不存在");
    await expectError(await get("/api/after-sales/repairs/RW123", buyer.token), 400, /工单号格式不正确/);
  });

  it("assigns a technician (an installer-role account only); other technicians cannot see it", async () => {
    const techs = await ok<{ items: { id: number; name: string }[] }>(
      await get("/api/admin/after-sales/technicians", agent),
    );
    expect(techs.items.map((t) => t.name)).toEqual(["维修师傅 张", "维修师傅 赵"]);
    await expectError(
      await post(`/api/admin/after-sales/repairs/${no}/assign`, agent, {
        technicianId: await staffId("agent-li"),
      }),
      400,
      "指派的账号不是在职的安装/维修师傅",
    );
    await expectError(
      await post(`/api/admin/after-sales/repairs/${no}/assign`, tech, { technicianId: techId }),
      403,
      "没有权限执行此操作",
    );
    const assigned = await ok<Repair>(
      await post(`/api/admin/after-sales/repairs/${no}/assign`, agent, { technicianId: techId }),
    );
    expect(assigned).toMatchObject({
      status: "awaiting_appointment",
      statusLabel: "待预约",
      technician: { id: techId, name: "维修师傅 张" },
    });
    await expectError(await get(`/api/installer/repairs/${no}`, otherTech), 404, "维修工单不存在");
    await expectError(await post(`/api/installer/repairs/${no}/arrive`, otherTech), 404, "维修工单不存在");
    expect((await ok<{ items: Repair[] }>(await get("/api/installer/repairs", otherTech))).items).toEqual([]);
    const list = await ok<{ items: Repair[] }>(await get("/api/installer/repairs", tech));
    expect(list.items.map((r) => [r.workOrderNo, r.actions])).toEqual([[no, ["schedule"]]]);
    await expectError(await get("/api/installer/repairs", buyer.token), 403, "没有权限执行此操作");
    await expectError(await get("/api/installer/repairs", agent), 403, "没有权限执行此操作");
  });

  it("the technician books the visit (the shopper is told), arrives once under concurrency, finishes for free", async () => {
    await expectError(await post(`/api/installer/repairs/${no}/arrive`, tech), 409, "请先与顾客预约上门时间");
    const before = await count("SELECT version n FROM repair_work_orders WHERE work_order_no = ?", [no]);
    await expectError(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: Date.now() - HOUR }),
      400,
      "上门时间需晚于当前时间",
    );
    await expectError(
      await post(`/api/installer/repairs/${no}/appointment`, tech, {
        appointmentAt: Date.now() + 40 * 24 * HOUR,
      }),
      400,
      "上门时间需在 30 天之内",
    );
    await expectError(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: "明天下午" }),
      400,
      /^请求参数有误，appointmentAt：/,
    );
    expect(await count("SELECT version n FROM repair_work_orders WHERE work_order_no = ?", [no])).toBe(
      before,
    );

    const at = Date.now() + 26 * HOUR;
    const booked = await ok<Repair>(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: at }),
    );
    expect(booked).toMatchObject({
      status: "awaiting_appointment",
      appointmentAt: at,
      actions: ["schedule", "arrive"],
    });
    const notices = await ok<{ items: { kind: string; title: string; body: string }[] }>(
      await get("/api/notifications", buyer.token),
    );
    expect(notices.items.find((n) => n.kind === "repair_scheduled")).toMatchObject({
      title: "维修师傅已预约上门",
      body: expect.stringContaining(`师傅维修师傅 张将于`),
    });

    const arrivals = await Promise.all(
      [1, 2, 3].map(() => post(`/api/installer/repairs/${no}/arrive`, tech)),
    );
    expect(arrivals.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(
      await count(
        "SELECT count(*) n FROM repair_work_order_events e JOIN repair_work_orders w ON w.id = e.work_order_id WHERE w.work_order_no = ? AND e.action = 'arrive'",
        [no],
      ),
    ).toBe(1);

    await expectError(
      await post(`/api/installer/repairs/${no}/finish`, tech, {
        parts: [{ name: "排水泵", quantity: 0, unitFen: 8000 }],
        resolution: "更换排水泵",
      }),
      400,
      /^请求参数有误，parts\.0\.quantity：/,
    );
    const done = await ok<Repair>(
      await post(`/api/installer/repairs/${no}/finish`, tech, {
        parts: [{ name: "排水泵", quantity: 1, unitFen: 8000 }],
        laborFen: 5000,
        resolution: "更换排水泵，试机正常",
      }),
    );
    expect(done).toMatchObject({
      status: "done",
      partsFen: 8000,
      laborFen: 5000,
      chargeFen: 0,
      charge: null,
      paymentDue: false,
    });
    expect(await count("SELECT count(*) n FROM charges WHERE source_ref = ?", [no])).toBe(0);
    const after = await ok<{ items: { kind: string; body: string }[] }>(
      await get("/api/notifications", buyer.token),
    );
    expect(after.items.find((n) => n.kind === "repair_done")?.body).toContain("保修期内，配件与人工免费");
  });

  it("only the shopper confirms, once", async () => {
    await expectError(await post(`/api/after-sales/repairs/${no}/confirm`, tech), 403, "仅限顾客账号使用");
    await expectError(
      await post(`/api/after-sales/repairs/${no}/confirm`, stranger.token),
      404,
      "维修工单不存在",
    );
    const confirmed = await ok<Repair>(await post(`/api/after-sales/repairs/${no}/confirm`, buyer.token));
    expect(confirmed.status).toBe("confirmed");
    expect(confirmed.timeline.map((e) => [e.action, e.toStatus, e.actorKind])).toEqual([
      ["open", "received", "agent"],
      ["assign", "awaiting_appointment", "agent"],
      ["schedule", "awaiting_appointment", "technician"],
      ["arrive", "on_site", "technician"],
      ["finish", "done", "technician"],
      ["confirm", "confirmed", "shopper"],
    ]);
    await expectError(
      await post(`/api/after-sales/repairs/${no}/confirm`, buyer.token),
      409,
      "维修工单当前状态为「已确认」，不能确认完工",
    );
  });
});

describe("cancelling", () => {
  it("the shopper cancels before the visit (with a reason); afterwards nobody can act on it", async () => {
    const opened = await ok<{ workOrderNo: string }>(
      await post("/api/admin/after-sales/repairs", agent, {
        conversationId,
        orderItemId: washerItemId,
        serialNo: "wm-in-0001",
        problem: "门锁打不开",
      }),
      201,
    );
    const no = opened.workOrderNo;
    await ok(await post(`/api/admin/after-sales/repairs/${no}/assign`, agent, { technicianId: techId }));
    await expectError(
      await post(`/api/after-sales/repairs/${no}/cancel`, buyer.token, { reason: "" }),
      400,
      /请填写取消原因/,
    );
    await expectError(
      await post(`/api/after-sales/repairs/${no}/cancel`, stranger.token, { reason: "不修了" }),
      404,
      "维修工单不存在",
    );
    const cancelled = await ok<Repair & { cancelReason: string }>(
      await post(`/api/after-sales/repairs/${no}/cancel`, buyer.token, { reason: "自己修好了" }),
    );
    expect(cancelled).toMatchObject({
      status: "cancelled",
      statusLabel: "已取消",
      cancelReason: "自己修好了",
      actions: [],
    });
    await expectError(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: Date.now() + HOUR }),
      409,
      "维修工单当前状态为「已取消」，不能预约上门",
    );
    await expectError(
      await post(`/api/admin/after-sales/repairs/${no}/cancel`, f.merchant, { reason: "重复" }),
      409,
      "维修工单当前状态为「已取消」，不能取消工单",
    );
    const staffView = await ok<Repair>(await get(`/api/admin/after-sales/repairs/${no}`, agent));
    expect(staffView.timeline.map((e) => [e.action, e.actorKind])).toEqual([
      ["open", "agent"],
      ["assign", "agent"],
      ["cancel", "shopper"],
    ]);
    const list = await ok<{ items: Repair[] }>(
      await get("/api/admin/after-sales/repairs?status=cancelled", agent),
    );
    expect(list.items.map((r) => r.workOrderNo)).toEqual([no]);
  });
});

describe("a product bought elsewhere: registered, approved, repaired out of warranty, charge paid", () => {
  let owner: { token: string; addressId: number };
  let invoice: string;
  let registrationId: number;
  let no: string;
  const twoYearsAgo = addDays(today, -730);
  const input = () => ({
    serialNo: "tv-out-7788",
    productName: "创维 55 英寸液晶电视",
    category: "tv",
    purchaseDate: twoYearsAgo,
    invoicePhoto: invoice,
  });

  beforeAll(async () => {
    owner = await f.newShopper("registration-owner");
    invoice = await uploadPhoto(owner.token);
  });

  it("refuses bad dates, a serial sold here, someone else's photo and non-shoppers, writing nothing", async () => {
    await expectError(
      await post("/api/after-sales/registrations", owner.token, {
        ...input(),
        purchaseDate: addDays(today, 2),
      }),
      400,
      "购买日期不能晚于今天",
    );
    await expectError(
      await post("/api/after-sales/registrations", owner.token, { ...input(), purchaseDate: "2025-02-30" }),
      400,
      "购买日期不是有效的日期",
    );
    await expectError(
      await post("/api/after-sales/registrations", owner.token, { ...input(), purchaseDate: "2025/02/03" }),
      400,
      "请求参数有误，purchaseDate：购买日期格式应为 YYYY-MM-DD",
    );
    await expectError(
      await post("/api/after-sales/registrations", owner.token, { ...input(), serialNo: "ab" }),
      400,
      "请求参数有误，serialNo：序列号应为 6–40 位字母、数字或短横线",
    );
    await expectError(
      await post("/api/after-sales/registrations", owner.token, { ...input(), serialNo: "wm-in-0001" }),
      409,
      "该序列号为本店售出并已在安装时登记保修，无需再登记，可直接申请售后",
    );
    await expectError(
      await post("/api/after-sales/registrations", owner.token, {
        ...input(),
        invoicePhoto: await uploadPhoto(stranger.token),
      }),
      400,
      "发票照片无效或已失效，请重新上传",
    );
    await expectError(
      await post("/api/after-sales/registrations", f.merchant, input()),
      403,
      "仅限顾客账号使用",
    );
    expect(await count("SELECT count(*) n FROM product_registrations")).toBe(0);
  });

  it("registers by serial + invoice photo, pending until the merchant approves; a serial once only", async () => {
    const reg = await ok<Json>(await post("/api/after-sales/registrations", owner.token, input()), 201);
    registrationId = Number(reg.id);
    expect(reg).toMatchObject({
      serialNo: "TV-OUT-7788",
      category: "电视",
      purchaseDate: twoYearsAgo,
      status: "pending",
      statusLabel: "待审核",
      warranty: null,
      invoicePhoto: { key: invoice, url: `/api/after-sales/photos/${invoice}` },
    });
    await expectError(
      await post("/api/after-sales/registrations", stranger.token, {
        ...input(),
        invoicePhoto: await uploadPhoto(stranger.token),
      }),
      409,
      "序列号 TV-OUT-7788 已登记过，请核对",
    );
    await expectError(
      await get(`/api/after-sales/registrations/${registrationId}`, stranger.token),
      404,
      "产品登记不存在",
    );
    const repair = {
      registrationId,
      problem: "开机无画面",
      contact: { name: "李四", phone: "13900139000", address: "深圳市南山区科技园 2 号" },
    };
    await expectError(
      await post("/api/after-sales/repairs", owner.token, repair),
      409,
      "产品登记尚在审核中，审核通过后才能报修",
    );

    await expectError(
      await post(`/api/admin/after-sales/registrations/${registrationId}/approve`, agent),
      403,
      "没有权限执行此操作",
    );
    const pending = await ok<{ items: Json[] }>(
      await get("/api/admin/after-sales/registrations?status=pending", f.merchant),
    );
    expect(pending.items.map((r) => r.id)).toEqual([registrationId]);
    const approved = await ok<Json>(
      await post(`/api/admin/after-sales/registrations/${registrationId}/approve`, f.merchant),
    );
    expect(approved).toMatchObject({ status: "approved", warranty: { inWarranty: false } });
    await expectError(
      await post(`/api/admin/after-sales/registrations/${registrationId}/reject`, f.merchant, {
        reason: "发票模糊",
      }),
      409,
      "该产品登记已审核（已通过）",
    );
    await expectError(
      await f.stack.fetch(`/api/after-sales/registrations/${registrationId}`, {
        method: "DELETE",
        token: owner.token,
      }),
      409,
      "已审核通过的产品登记不能删除",
    );
  });

  it("a rejected registration shows the reason, cannot be repaired, and can be withdrawn", async () => {
    const reg = await ok<Json>(
      await post("/api/after-sales/registrations", owner.token, {
        ...input(),
        serialNo: "TV-BLUR-0001",
        invoicePhoto: await uploadPhoto(owner.token),
      }),
      201,
    );
    await expectError(
      await post(`/api/admin/after-sales/registrations/${reg.id}/reject`, f.merchant, { reason: "" }),
      400,
      /请填写驳回原因/,
    );
    await ok(
      await post(`/api/admin/after-sales/registrations/${reg.id}/reject`, f.merchant, {
        reason: "发票模糊，请重新拍摄",
      }),
    );
    expect(await ok<Json>(await get(`/api/after-sales/registrations/${reg.id}`, owner.token))).toMatchObject({
      status: "rejected",
      statusLabel: "已驳回",
      rejectReason: "发票模糊，请重新拍摄",
    });
    await expectError(
      await post("/api/after-sales/repairs", owner.token, {
        registrationId: Number(reg.id),
        problem: "无画面",
        contact: { name: "李四", phone: "13900139000", address: "深圳市南山区科技园 2 号" },
      }),
      409,
      "产品登记未通过审核，不能报修",
    );
    await ok(
      await f.stack.fetch(`/api/after-sales/registrations/${reg.id}`, {
        method: "DELETE",
        token: owner.token,
      }),
    );
    const mine = await ok<{ items: Json[] }>(await get("/api/after-sales/registrations", owner.token));
    expect(mine.items.map((r) => r.id)).toEqual([registrationId]);
  });

  it("opens a repair out of warranty; the technician's parts and labour become a charge", async () => {
    await expectError(
      await post("/api/after-sales/repairs", stranger.token, {
        registrationId,
        problem: "开机无画面",
        contact: { name: "王五", phone: "13700137000", address: "深圳市南山区科技园 3 号" },
      }),
      404,
      "产品登记不存在",
    );
    const opened = await ok<{ workOrderNo: string; workOrder: Repair }>(
      await post("/api/after-sales/repairs", owner.token, {
        registrationId,
        problem: "开机无画面",
        photos: [await uploadPhoto(owner.token)],
        contact: { name: "李四", phone: "13900139000", address: "深圳市南山区科技园 2 号" },
      }),
      201,
    );
    no = opened.workOrderNo;
    expect(opened.workOrder).toMatchObject({
      source: "registration",
      product: { name: "创维 55 英寸液晶电视", serialNo: "TV-OUT-7788" },
      warranty: { inWarranty: false },
      timeline: [{ action: "open", actorKind: "shopper" }],
    });
    expect(opened.workOrder.warranty.note).toMatch(/^已过整机保修期（.*自发票购买日期（/);

    await ok(await post(`/api/admin/after-sales/repairs/${no}/assign`, f.merchant, { technicianId: techId }));
    await ok(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: Date.now() + 3 * HOUR }),
    );
    await ok(await post(`/api/installer/repairs/${no}/arrive`, tech));
    const done = await ok<Repair>(
      await post(`/api/installer/repairs/${no}/finish`, tech, {
        parts: [
          { name: "电源板", quantity: 1, unitFen: 12_000 },
          { name: "保险丝", quantity: 2, unitFen: 500 },
        ],
        laborFen: 8_000,
        resolution: "更换电源板与保险丝",
      }),
    );
    expect(done).toMatchObject({
      status: "done",
      partsFen: 13_000,
      laborFen: 8_000,
      chargeFen: 21_000,
      charge: { amountFen: 21_000, status: "unpaid" },
      paymentDue: true,
    });
    expect(done.charge!.chargeNo).toMatch(/^SC\d{24}$/);
    const notices = await ok<{ items: { kind: string; body: string }[] }>(
      await get("/api/notifications", owner.token),
    );
    expect(notices.items.find((n) => n.kind === "repair_done")?.body).toContain(
      "维修费用 ¥210.00，请支付后确认完工",
    );
  });

  it("cannot be confirmed until the charge is paid through the gateway", async () => {
    const view = await ok<Repair>(await get(`/api/after-sales/repairs/${no}`, owner.token));
    expect(view.actions).toEqual([]);
    await expectError(
      await post(`/api/after-sales/repairs/${no}/confirm`, owner.token),
      409,
      "请先支付维修费用，再确认完工",
    );

    const chargeNo = view.charge!.chargeNo;
    const pay = await post(`/api/charges/${chargeNo}/pay`, owner.token, {
      method: "wechat",
      channel: "miniprogram",
    });
    expect(pay.status, await pay.clone().text()).toBe(200);
    expect((await f.payAtGateway("wechat", chargeNo)).status).toBe(200);

    const paid = await ok<Repair>(await get(`/api/after-sales/repairs/${no}`, owner.token));
    expect(paid).toMatchObject({ charge: { status: "paid" }, paymentDue: false, actions: ["confirm"] });
    const confirmed = await ok<Repair>(await post(`/api/after-sales/repairs/${no}/confirm`, owner.token));
    expect(confirmed.status).toBe("confirmed");
    expect(await count("SELECT count(*) n FROM charges WHERE source_ref = ?", [no])).toBe(1);
  });
});

describe("a repair case's work order", () => {
  it("is opened when the case is approved, free from the delivery date, and the case follows its confirmation", async () => {
    const strangerOrderId = Number(
      (
        await f.stack.sql.execute({
          sql: "SELECT order_id FROM order_items WHERE id = ?",
          args: [strangerItemId],
        })
      ).rows[0]!.order_id,
    );
    const order = await f.orderRow(strangerOrderId);
    await ok(
      await post(`/api/admin/orders/${strangerOrderId}/ship`, f.merchant, {
        carrier: "顺丰速运",
        trackingNo: `SF${Date.now()}`,
      }),
    );
    await ok(await post(`/api/orders/${strangerOrderId}/confirm-receipt`, stranger.token, {}));
    const c = await ok<Json>(
      await post("/api/after-sales/cases", stranger.token, {
        orderNo: order.order_no,
        type: "repair",
        reasonCode: "quality",
        description: "进水很慢",
        items: [{ orderItemId: strangerItemId, quantity: 1 }],
      }),
      201,
    );
    const approved = await ok<Json>(
      await post(`/api/admin/after-sales/cases/${c.caseNo}/approve`, f.merchant),
    );
    expect(approved.status).toBe("repairing");
    const no = String(approved.workOrderNo);
    const wo = await ok<Repair>(await get(`/api/after-sales/repairs/${no}`, stranger.token));
    expect(wo).toMatchObject({
      source: "case",
      problem: "进水很慢",
      product: { serialNo: null },
      warranty: { inWarranty: true },
      timeline: [{ action: "open", actorKind: "system" }],
    });
    expect(wo.warranty.note).toContain("自签收之日");

    await ok(await post(`/api/admin/after-sales/repairs/${no}/assign`, f.merchant, { technicianId: techId }));
    await ok(
      await post(`/api/installer/repairs/${no}/appointment`, tech, { appointmentAt: Date.now() + 2 * HOUR }),
    );
    await ok(await post(`/api/installer/repairs/${no}/arrive`, tech));
    await ok(await post(`/api/installer/repairs/${no}/finish`, tech, { resolution: "清理进水阀滤网" }));
    expect((await ok<Json>(await get(`/api/after-sales/cases/${c.caseNo}`, stranger.token))).status).toBe(
      "repairing",
    );
    await ok(await post(`/api/after-sales/repairs/${no}/confirm`, stranger.token));
    expect(await ok<Json>(await get(`/api/after-sales/cases/${c.caseNo}`, stranger.token))).toMatchObject({
      status: "done",
      workOrderNo: no,
    });
  });
});

describe("openRepairWorkOrder (the after-sales cases' entry point)", () => {
  it("is idempotent per case number, also when called concurrently", async () => {
    const db = createDb(f.stack.vars.LIBSQL_URL!);
    const shopperId = await shopperIdOf("repair-buyer");
    const call = () =>
      openRepairWorkOrder(
        { db },
        { shopperId, source: "case", caseNo: "AS-TEST-0001", orderItemId: washerItemId, problem: "脱水异响" },
      );
    const results = await Promise.all([call(), call(), call(), call()]);
    expect(new Set(results.map((r) => r.workOrderNo)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await count("SELECT count(*) n FROM repair_work_orders WHERE case_no = 'AS-TEST-0001'")).toBe(1);
    expect(
      await count(
        "SELECT count(*) n FROM repair_work_order_events e JOIN repair_work_orders w ON w.id = e.work_order_id WHERE w.case_no = 'AS-TEST-0001'",
      ),
    ).toBe(1);
    await expect(
      openRepairWorkOrder(
        { db },
        { shopperId, source: "case", caseNo: "AS-TEST-0002", orderItemId: strangerItemId, problem: "x" },
      ),
    ).rejects.toMatchObject({ status: 404, message: "订单商品不存在" });
  });
});
