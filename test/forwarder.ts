/**
 * A loopback HTTP forwarder whose target is set later: the payment simulator needs the worker's
 * notify URL before the worker (and its port) exists. Each request opens a fresh upstream connection
 * (no keep-alive race with workerd).
 */
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

export interface Forwarder {
  url: string;
  setTarget(url: string): void;
  /** While true, notifications are "lost" on the way (503: the gateway retries, then gives up). */
  setDrop(drop: boolean): void;
  close(): Promise<void>;
}

export async function startForwarder(): Promise<Forwarder> {
  let target = "";
  let drop = false;
  const server = createServer((req, res) => {
    if (drop) {
      req.resume();
      res.writeHead(503);
      res.end();
      return;
    }
    const t = new URL(req.url ?? "/", target).toString();
    const out = request(t, { method: req.method, headers: req.headers, agent: false }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    out.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setTarget: (url) => {
      target = url;
    },
    setDrop: (d) => {
      drop = d;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
