/**
 * The API's body-size limit over HTTP: a valid JSON body padded past 256 KB is refused with 413 in the
 * usual error shape before any handler reads it (nothing written), whether it announces its length or
 * streams chunked; file routes keep their larger bounds.
 */
import { once } from "node:events";
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { json, useOrderFixture } from "../../test/order-fixture";
import { API_BODY_LIMIT_BYTES } from "./body-limit";

const f = useOrderFixture();

/**
 * POSTs a chunked body (no Content-Length) one chunk at a time and stops writing as soon as the server
 * answers: the server refuses before the body ends, and writing on into a connection it is closing would
 * make the client fail (ECONNRESET) instead of reading the answer it already sent.
 */
function postChunkedUntilAnswered(
  url: string,
  token: string,
  chunks: Uint8Array[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      },
      (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => {
          body += d;
        });
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      },
    );
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    (async () => {
      for (const chunk of chunks) {
        if (answered) return;
        if (!req.write(chunk)) await once(req, "drain");
        // Let the server read (and answer) before the next chunk.
        await new Promise((r) => setTimeout(r, 20));
      }
      if (!answered) req.end();
    })().catch(() => undefined);
  });
}
const pad = (n: number) => "x".repeat(n);
const over = API_BODY_LIMIT_BYTES + 1024;

async function expect413(res: Response, code = "PAYLOAD_TOO_LARGE") {
  const body = (await res.json()) as { error?: { code: string; message: string } };
  expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(413);
  expect(body.error?.code).toBe(code);
  expect(body.error?.message).toMatch(/过大|不能超过/);
}

describe("body-size limit on /api/*", () => {
  it("login, cart, quote and product PATCH refuse a body padded past 256 KB and write nothing", async () => {
    const skuId = await f.createSku(199_900, 10, "限长冰箱");
    const productId = Number(
      (await f.stack.sql.execute({ sql: "SELECT product_id FROM skus WHERE id = ?", args: [skuId] })).rows[0]!
        .product_id,
    );
    const { token } = await f.newShopper("限长买家");
    await expect413(
      await f.stack.fetch("/api/auth/staff-login", {
        method: "POST",
        json: { username: "test-merchant_admin", password: "test-password-123", pad: pad(over) },
      }),
    );
    await expect413(
      await f.stack.fetch("/api/cart/items", {
        method: "POST",
        token,
        json: { skuId, quantity: 1, pad: pad(over) },
      }),
    );
    await expect413(
      await f.stack.fetch("/api/checkout/quote", {
        method: "POST",
        token,
        json: { items: [{ skuId, quantity: 1 }], pad: pad(over) },
      }),
    );
    await expect413(
      await f.stack.fetch(`/api/admin/products/${productId}`, {
        method: "PATCH",
        token: f.merchant,
        json: { name: "被改掉的名字", description: pad(over) },
      }),
    );
    expect(await f.count("SELECT count(*) AS n FROM cart_items")).toBe(0);
    const name = (
      await f.stack.sql.execute({ sql: "SELECT name FROM products WHERE id = ?", args: [productId] })
    ).rows[0]!.name;
    expect(name).not.toBe("被改掉的名字");

    // 10 MB: workerd answers 413 as soon as the handler returns and closes the connection without
    // reading the rest, so a client still writing may see the reset instead of the answer. Either
    // way the body was not read: nothing is written.
    const outcome = await f.stack
      .fetch("/api/cart/items", {
        method: "POST",
        token,
        json: { skuId, quantity: 1, pad: pad(10 * 1024 * 1024) },
      })
      .then((r) => r.status)
      .catch((e: Error) => String((e.cause as Error | undefined)?.message ?? e.message));
    expect(String(outcome)).toMatch(/^413$|ECONNRESET|EPIPE|other side closed/);
    expect(await f.count("SELECT count(*) AS n FROM cart_items")).toBe(0);

    // The same requests without the padding go through.
    const ok = await f.stack.fetch("/api/cart/items", {
      method: "POST",
      token,
      json: { skuId, quantity: 1 },
    });
    expect(ok.status, await ok.clone().text()).toBeLessThan(300);
  });

  it("counts a chunked body with no Content-Length as it streams", async () => {
    const { token } = await f.newShopper("分块买家");
    const res = await postChunkedUntilAnswered(`${f.stack.baseUrl}/api/cart/items`, token, [
      new TextEncoder().encode('{"skuId":1,"quantity":1,"pad":"'),
      ...Array.from({ length: 8 }, () => new TextEncoder().encode(pad(64 * 1024))),
    ]);
    expect(res.status, res.body.slice(0, 300)).toBe(413);
    const body = JSON.parse(res.body) as { error?: { code: string; message: string } };
    expect(body.error?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.error?.message).toMatch(/过大|不能超过/);
  });

  it("a method-overridden PATCH (the mini program's POST + X-HTTP-Method-Override) is limited too", async () => {
    const res = await f.stack.fetch("/api/admin/products/1", {
      method: "POST",
      token: f.merchant,
      headers: { "x-http-method-override": "PATCH" },
      json: { name: "x", description: pad(over) },
    });
    await expect413(res);
  });

  it("image upload and product import keep their own, larger bounds", async () => {
    // 1 MB is over the JSON limit but within the image's 5 MB: the upload route decides (not an image: 415).
    const image = await f.stack.fetch("/api/admin/images", {
      method: "POST",
      token: f.merchant,
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(1024 * 1024),
    });
    expect(image.status, JSON.stringify(await json(image))).toBe(415);

    // The other upload routes are bounded by 5 MB too: a 1 MB body reaches them (and their auth).
    const photo = await f.stack.fetch("/api/after-sales/photos", {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(1024 * 1024),
    });
    expect(photo.status).toBe(401);
    const done = await f.stack.fetch("/api/installer/work-orders/1/done", {
      method: "POST",
      token: f.merchant,
      headers: { "content-type": "application/octet-stream" },
      body: new Uint8Array(1024 * 1024),
    });
    expect(done.status).toBe(403);

    const imported = await f.stack.fetch("/api/admin/products/import?dryRun=1", {
      method: "POST",
      token: f.merchant,
      json: Array.from({ length: 3 }, () => ({ name: pad(100_000) })),
    });
    expect(imported.status).not.toBe(413);
  });
});
