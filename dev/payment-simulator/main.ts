/**
 * CLI: `npx tsx dev/payment-simulator/main.ts [--port 8790] [--notify-base-url http://127.0.0.1:8787]
 *       [--signer publicKey|platformCert] [--dev-vars .dev.vars.payments]`
 * Prints the simulator URL and the settings the worker needs; with --dev-vars also writes them in
 * dotenv form (newlines escaped as \n, which the config loader accepts). Ctrl-C stops it.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { startPaymentSimulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PAYMENT_SIM_PORT ?? "8790" },
    host: { type: "string", default: "127.0.0.1" },
    "notify-base-url": {
      type: "string",
      default: process.env.PAYMENT_NOTIFY_BASE_URL ?? "http://127.0.0.1:8787",
    },
    signer: { type: "string", default: "publicKey" },
    "dev-vars": { type: "string" },
  },
});

if (values.signer !== "publicKey" && values.signer !== "platformCert") {
  console.error("--signer must be publicKey or platformCert");
  process.exit(2);
}

const sim = await startPaymentSimulator({
  port: Number(values.port),
  host: values.host,
  notifyBaseUrl: values["notify-base-url"],
  wechatSigner: values.signer,
});

// Single quotes: dotenv leaves the content alone (JSON escapes survive); newlines become a literal \n.
const dotenv = Object.entries(sim.config)
  .map(([k, v]) => `${k}='${v.replace(/\n/g, "\\n")}'`)
  .join("\n");
if (values["dev-vars"]) await writeFile(values["dev-vars"], `${dotenv}\n`, { mode: 0o600 });

console.log(
  JSON.stringify({
    msg: "payment simulator ready",
    url: sim.url,
    cashier: `${sim.url}/pay?method=wechat|alipay&out_trade_no=…`,
    control: `${sim.url}/_sim/trades`,
    notifyBaseUrl: values["notify-base-url"],
    devVars: values["dev-vars"] ?? null,
  }),
);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sim.close().then(() => process.exit(0));
  });
}
