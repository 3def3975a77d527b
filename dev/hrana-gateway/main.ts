/**
 * CLI: `tsx dev/hrana-gateway/main.ts --db .data/local.db --port 8080 [--host 127.0.0.1] [--auth-token T]`
 * Prints one JSON line with the URL, then serves until SIGINT/SIGTERM.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { startHranaGateway } from "./index";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: ".data/local.db" },
    port: { type: "string", default: "8080" },
    host: { type: "string", default: "127.0.0.1" },
    "auth-token": { type: "string" },
    "idle-transaction-ms": { type: "string" },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(JSON.stringify({ level: "error", msg: "invalid --port", port: values.port }));
  process.exit(2);
}
mkdirSync(dirname(values.db), { recursive: true });
const debug = process.env.LOG_LEVEL === "debug";
const gateway = await startHranaGateway({
  dbPath: values.db,
  port,
  host: values.host,
  authToken: values["auth-token"] ?? process.env.LIBSQL_AUTH_TOKEN,
  idleTransactionMs: values["idle-transaction-ms"] ? Number(values["idle-transaction-ms"]) : undefined,
  log: (event) => {
    if (event.level === "debug" && !debug) return;
    console.error(JSON.stringify({ t: Date.now(), component: "hrana-gateway", ...event }));
  },
});
console.log(
  JSON.stringify({
    t: Date.now(),
    level: "info",
    msg: "hrana gateway listening",
    url: gateway.url,
    db: values.db,
  }),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void gateway.close().then(() => process.exit(0));
  });
}
