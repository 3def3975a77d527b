/**
 * Agents read orders only for the shoppers they are serving in a chat, with the receiver's phone
 * masked; merchants see everything. Over HTTP against the real worker.
 */
import { expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();

type Row = { id: number; receiverPhone: string };

it("an agent sees the orders of the shopper they are chatting with, phones masked, and no one else's", async () => {
  const skuId = await f.createSku(19_900, 5);
  const served = await f.newShopper("正在咨询的顾客");
  const other = await f.newShopper("别的顾客");
  const mine = await json(await f.placeOrder(served.token, [{ skuId, quantity: 1 }]));
  const theirs = await json(await f.placeOrder(other.token, [{ skuId, quantity: 1 }]));
  const agent = await staffToken(f.stack, "agent", "scope-agent");
  const agentId = Number(
    (await f.stack.sql.execute("SELECT id FROM staff WHERE username = 'scope-agent'")).rows[0]!.id,
  );
  const servedId = Number(
    (
      await f.stack.sql.execute({
        sql: "SELECT shopper_id FROM orders WHERE id = ?",
        args: [Number(mine.id)],
      })
    ).rows[0]!.shopper_id,
  );
  const conv = await f.stack.sql.execute({
    sql: `INSERT INTO conversations (shopper_id, status, agent_id, created_at, updated_at, assigned_at)
          VALUES (?, 'assigned', ?, ?, ?, ?) RETURNING id`,
    args: [servedId, agentId, Date.now(), Date.now(), Date.now()],
  });

  const list = await json(await f.stack.fetch("/api/admin/orders", { token: agent }));
  expect((list.items as Row[]).map((o) => [o.id, o.receiverPhone])).toEqual([[mine.id, "138****8000"]]);
  const detail = await f.stack.fetch(`/api/admin/orders/${mine.id}`, { token: agent });
  expect(detail.status).toBe(200);
  expect(((await json(detail)).address as { phone: string }).phone).toBe("138****8000");
  expect((await f.stack.fetch(`/api/admin/orders/${theirs.id}`, { token: agent })).status).toBe(404);

  // The merchant sees every order, unmasked.
  const all = await json(await f.stack.fetch("/api/admin/orders", { token: f.merchant }));
  const ids = (all.items as Row[]).map((o) => o.id);
  expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  expect((all.items as Row[]).every((o) => o.receiverPhone === "13800138000")).toBe(true);

  // Once the chat is closed, the agent no longer sees that shopper's orders.
  await f.stack.sql.execute({
    sql: "UPDATE conversations SET status = 'closed', closed_at = ? WHERE id = ?",
    args: [Date.now(), Number(conv.rows[0]!.id)],
  });
  expect((await json(await f.stack.fetch("/api/admin/orders", { token: agent }))).items).toEqual([]);
  expect((await f.stack.fetch(`/api/admin/orders/${mine.id}`, { token: agent })).status).toBe(404);
});

it("the shop's notices are for merchants; an agent sees only the notices addressed to them", async () => {
  const skuId = await f.createSku(9_900, 2);
  const shopper = await f.newShopper("通知测试");
  const order = await json(await f.placeOrder(shopper.token, [{ skuId, quantity: 1 }]));
  const agent = await staffToken(f.stack, "agent", "notice-agent");
  const other = await staffToken(f.stack, "agent", "notice-agent-2");
  const agentId = Number(
    (await f.stack.sql.execute("SELECT id FROM staff WHERE username = 'notice-agent'")).rows[0]!.id,
  );
  await f.stack.sql.execute({
    sql: `INSERT INTO merchant_notifications (kind, audience, staff_id, title, body, ref_type, ref_id, dedupe_key, created_at)
          VALUES ('chat_assigned', 'staff', ?, '新会话', '有顾客等待接待', 'chat', '1', 'staff-notice-1', ?)`,
    args: [agentId, Date.now()],
  });
  const titles = async (token: string) =>
    (
      (await json(await f.stack.fetch("/api/notifications", { token }))).items as {
        title: string;
        body: string;
      }[]
    ).map((n) => n.title);
  const merchantTitles = await titles(f.merchant);
  expect(merchantTitles).toContain("新订单");
  expect(merchantTitles).not.toContain("新会话");
  expect(await titles(agent)).toEqual(["新会话"]);
  expect(await titles(other)).toEqual([]);
  // Marking all read touches only the agent's own.
  await f.stack.fetch("/api/notifications/read", { method: "POST", token: agent, json: { all: true } });
  const unreadMerchant = await json(
    await f.stack.fetch("/api/notifications?unread=1", { token: f.merchant }),
  );
  expect(
    (unreadMerchant.items as { body: string }[]).some((n) => n.body.includes(String(order.orderNo))),
  ).toBe(true);
});
