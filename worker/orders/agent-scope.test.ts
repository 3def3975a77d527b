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
