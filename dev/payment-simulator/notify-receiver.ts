// A stand-in for the worker's notify endpoints: runs the REAL provider code (parseNotification, ack/nack)
// behind a Node HTTP server, for tests and for poking at the simulator by hand.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ALIPAY_NOTIFY_PATH,
  type PaymentProviders,
  WECHAT_NOTIFY_PATH,
} from "../../worker/payments/gateways/config";
import {
  assertPaidAmount,
  type PaymentEvent,
  type PaymentMethod,
  PaymentRejection,
  type RejectionReason,
} from "../../worker/payments/gateways/types";

export type Received =
  | { method: PaymentMethod; ok: true; event: PaymentEvent }
  | { method: PaymentMethod; ok: false; reason: RejectionReason | "HANDLER_FAILED"; message: string };

export interface NotifyReceiver {
  url: string;
  received: Received[];
  /** Answer the next `n` notifications with a failure (as if our database were down). */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startNotifyReceiver(opts: {
  providers: () => PaymentProviders;
  /** The order amounts we "know", for the BAD_AMOUNT check the orders domain does. */
  orderAmountFen?: (method: PaymentMethod, outTradeNo: string) => number | undefined;
  now?: () => number;
}): Promise<NotifyReceiver> {
  const received: Received[] = [];
  let failures = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const method: PaymentMethod | undefined =
      req.url === WECHAT_NOTIFY_PATH ? "wechat" : req.url === ALIPAY_NOTIFY_PATH ? "alipay" : undefined;
    const provider = method && opts.providers()[method];
    if (!method || !provider || req.method !== "POST") {
      res.writeHead(404).end();
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    let reply: Response;
    try {
      const event = await provider.parseNotification({ headers, rawBody, nowMs: (opts.now ?? Date.now)() });
      if (event.kind === "paid") {
        const expected = opts.orderAmountFen?.(method, event.outTradeNo);
        if (expected !== undefined) assertPaidAmount(event, expected);
      }
      if (failures > 0) {
        failures--;
        received.push({ method, ok: false, reason: "HANDLER_FAILED", message: "simulated outage" });
        reply = provider.nack("系统繁忙", 500);
      } else {
        received.push({ method, ok: true, event });
        reply = provider.ack();
      }
    } catch (e) {
      if (!(e instanceof PaymentRejection)) throw e;
      received.push({ method, ok: false, reason: e.reason, message: e.message });
      reply = provider.nack(e.message, 401);
    }
    res.writeHead(reply.status, Object.fromEntries(reply.headers));
    res.end(Buffer.from(await reply.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    failNext: (n) => {
      failures = n;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
