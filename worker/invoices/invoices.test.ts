/**
 * 电子发票 over HTTP in workerd: the shopper asks on a paid order, the merchant issues it by uploading
 * the tax platform's PDF (to R2) or refuses it with a reason, the shopper downloads it; a cancelled
 * order's open request is cancelled through the order event seam.
 */
import { describe, expect, it } from "vitest";
import { staffToken } from "../../test/harness";
import { json, useOrderFixture } from "../../test/order-fixture";

const f = useOrderFixture();
const COMPANY = {
  kind: "company",
  title: "深圳家电科技有限公司",
  taxNo: "91350100M000100Y43",
  email: "fp@example.cn",
};
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function paidOrder(nickname: string, priceFen = 259_900) {
  const skuId = await f.createSku(priceFen, 5);
  const shopper = await f.newShopper(nickname);
  const order = await json(await f.placeOrder(shopper.token, [{ skuId, quantity: 1 }]));
  expect((await f.startPaying(shopper.token, Number(order.id), "wechat")).status).toBe(200);
  expect((await f.payAtGateway("wechat", String(order.orderNo))).status).toBe(200);
  return {
    ...shopper,
    id: Number(order.id),
    orderNo: String(order.orderNo),
    payableFen: Number(order.payableFen),
  };
}

const ask = (token: string, orderId: number, body: unknown) =>
  f.stack.fetch(`/api/orders/${orderId}/invoice`, { method: "PUT", token, json: body });

function issue(token: string, invoiceId: number, invoiceNo: string, file: Uint8Array) {
  const form = new FormData();
  form.set("invoiceNo", invoiceNo);
  form.set("file", new Blob([file], { type: "application/pdf" }), "invoice.pdf");
  return fetch(`${f.stack.baseUrl}/api/admin/invoices/${invoiceId}/issue`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
}

describe("电子发票", () => {
  it("asked for on a paid order, issued once with its PDF, downloaded by its shopper only", async () => {
    const o = await paidOrder("开票买家");
    const before = await json(await f.stack.fetch(`/api/orders/${o.id}/invoice`, { token: o.token }));
    expect(before).toMatchObject({ canRequest: true, estimatedFen: o.payableFen, invoice: null });

    // A wrong check character: 400 naming the field, nothing written.
    const bad = await ask(o.token, o.id, { ...COMPANY, taxNo: "91350100M000100Y44" });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error).toMatchObject({ details: [{ path: "taxNo" }] });
    expect(await f.count("SELECT count(*) AS n FROM invoices")).toBe(0);

    const asked = await json(await ask(o.token, o.id, COMPANY));
    expect(asked.invoice).toMatchObject({ status: "requested", kind: "company", taxNo: COMPANY.taxNo });
    const detail = await json(await f.stack.fetch(`/api/orders/${o.id}`, { token: o.token }));
    expect((detail.timeline as { kind: string }[]).map((e) => e.kind)).toContain("invoice_requested");

    // Someone else's order does not exist for them.
    const other = await f.newShopper("别人");
    expect((await f.stack.fetch(`/api/orders/${o.id}/invoice`, { token: other.token })).status).toBe(404);
    expect((await ask(other.token, o.id, COMPANY)).status).toBe(404);

    // Agents may not issue; operations may list.
    const agent = await staffToken(f.stack, "agent");
    expect((await f.stack.fetch("/api/admin/invoices", { token: agent })).status).toBe(403);
    const ops = await staffToken(f.stack, "operations");
    const page = await json(await f.stack.fetch("/api/admin/invoices?status=requested", { token: ops }));
    const item = (page.items as { id: number; orderNo: string; refundableFen: number }[]).find(
      (i) => i.orderNo === o.orderNo,
    )!;
    expect(item.refundableFen).toBe(o.payableFen);

    // Not a PDF, or a malformed number: refused, nothing issued.
    const html = new TextEncoder().encode("<html>not a pdf</html>");
    expect((await issue(ops, item.id, "24312000000012345678", html)).status).toBe(400);
    expect((await issue(ops, item.id, "123", PDF)).status).toBe(400);

    // Two clicks at once: exactly one issue.
    const both = await Promise.all([
      issue(ops, item.id, "24312000000012345678", PDF),
      issue(f.merchant, item.id, "24312000000087654321", PDF),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = await json(both.find((r) => r.status === 200)!);
    expect(won).toMatchObject({ status: "issued", amountFen: o.payableFen, hasFile: true });
    expect(
      await f.count("SELECT count(*) AS n FROM order_events WHERE order_id = ? AND kind = 'invoice_issued'", [
        o.id,
      ]),
    ).toBe(1);

    // Issued: the shopper can no longer change it, and can download it.
    const late = await ask(o.token, o.id, { kind: "personal", title: "个人" });
    expect(late.status).toBe(409);
    expect((await json(late)).error).toMatchObject({ code: "INVOICE_ISSUED" });
    const file = await f.stack.fetch(`/api/orders/${o.id}/invoice/file`, { token: o.token });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("cache-control")).toContain("no-store");
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    expect((await f.stack.fetch(`/api/orders/${o.id}/invoice/file`, { token: other.token })).status).toBe(
      404,
    );

    const notices = await json(await f.stack.fetch("/api/notifications", { token: o.token }));
    expect((notices.items as { kind: string }[]).filter((n) => n.kind === "invoice_issued")).toHaveLength(1);
  }, 60_000);

  it("a refused request can be corrected and asked again; cancelling the order cancels it; unpaid orders cannot ask", async () => {
    const o = await paidOrder("驳回买家", 99_900);
    const asked = await json(await ask(o.token, o.id, { kind: "personal", title: "李四" }));
    const id = Number((asked.invoice as { id: number }).id);
    const refused = await f.stack.fetch(`/api/admin/invoices/${id}/reject`, {
      method: "POST",
      token: f.merchant,
      json: { reason: "个人抬头请填写真实姓名" },
    });
    expect(await json(refused)).toMatchObject({ status: "rejected", rejectReason: "个人抬头请填写真实姓名" });
    // Refusing twice: the second finds nothing to refuse.
    expect(
      (
        await f.stack.fetch(`/api/admin/invoices/${id}/reject`, {
          method: "POST",
          token: f.merchant,
          json: { reason: "再次驳回" },
        })
      ).status,
    ).toBe(409);
    const again = await json(await ask(o.token, o.id, { kind: "personal", title: "李四四" }));
    expect(again.invoice).toMatchObject({ status: "requested", title: "李四四", rejectReason: null });

    const cancelled = await f.stack.fetch(`/api/orders/${o.id}/cancel`, {
      method: "POST",
      token: o.token,
      json: { reason: "不想要了" },
    });
    expect(cancelled.status).toBe(200);
    const after = await json(await f.stack.fetch(`/api/orders/${o.id}/invoice`, { token: o.token }));
    expect(after).toMatchObject({ canRequest: false, invoice: { status: "cancelled" } });
    expect((await ask(o.token, o.id, { kind: "personal", title: "李四" })).status).toBe(409);

    const skuId = await f.createSku(10_000, 3);
    const unpaid = await json(await f.placeOrder(o.token, [{ skuId, quantity: 1 }]));
    const r = await ask(o.token, Number(unpaid.id), { kind: "personal", title: "李四" });
    expect(r.status).toBe(409);
    expect((await json(r)).error).toMatchObject({ code: "ORDER_NOT_INVOICEABLE" });
  }, 60_000);
});
