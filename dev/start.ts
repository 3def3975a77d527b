/**
 * `npm start`: the whole store locally, with no account and no network.
 * libSQL file (.data/) behind the Hrana gateway → migrations → the worker in workerd with real Durable
 * Objects (state in .data/workerd) → demo data when the database is empty → URLs and logins.
 * Ctrl-C stops everything (Miniflare disposes workerd; nothing is left running).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createClient } from "@libsql/client/web";
import { createDb } from "../worker/db/client";
import { seedFaq } from "../worker/faq/service";
import { type HranaGateway, startHranaGateway } from "./hrana-gateway/index";
import { startKuaidi100Simulator } from "./kuaidi100-simulator/server";
import { step, warn } from "./log";
import { applyMigrations } from "./migrate";
import { startPaymentSimulator } from "./payment-simulator/server";
import { seedCatalog } from "./seed/seed-catalog";
import { DEMO_INSTALLERS, INSTALLER_PASSWORD, seedInstallation } from "./seed/seed-installation";
import { seedLogistics } from "./seed/seed-logistics";
import { seedOutlets } from "./seed/seed-outlets";
import { seedStock } from "./seed/seed-stock";
import { seedTradeIn } from "./seed/seed-trade-in";
import { DEMO_STAFF, ensureStaff } from "./seed/staff";
import { startWorkerRuntime, type WorkerRuntime } from "./worker-runtime";

const ROOT = resolve(import.meta.dirname, "..");
const DATA = resolve(ROOT, process.env.DATA_DIR ?? ".data");
const PORT = Number(process.env.PORT ?? 8787);
const LIBSQL_PORT = Number(process.env.LIBSQL_PORT ?? PORT + 1);
const PAYMENT_SIM_PORT = Number(process.env.PAYMENT_SIM_PORT ?? PORT + 2);
const KUAIDI100_SIM_PORT = Number(process.env.KUAIDI100_SIM_PORT ?? PORT + 3);
const H5_DIR = resolve(ROOT, "miniprogram-uni/dist/build/h5");
/** The merchant console builds into the H5 output, served at /admin (see admin-console/vite.config.ts). */
const ADMIN_DIR = resolve(H5_DIR, "admin");

const closers: (() => Promise<void>)[] = [];

async function sessionSecret(): Promise<string> {
  // Kept across restarts so logins survive; production sets SESSION_SECRET as a wrangler secret.
  const file = resolve(DATA, "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("hex");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  await mkdir(DATA, { recursive: true });

  let libsqlUrl = process.env.LIBSQL_URL;
  const libsqlToken = process.env.LIBSQL_AUTH_TOKEN;
  if (!libsqlUrl) {
    const gateway: HranaGateway = await startHranaGateway({
      dbPath: resolve(DATA, "jiadian.db"),
      port: LIBSQL_PORT,
    });
    closers.push(() => gateway.close());
    libsqlUrl = gateway.url;
    step(`libSQL file .data/jiadian.db via Hrana gateway ${libsqlUrl}`);
  } else step(`libSQL at ${libsqlUrl}`);

  await applyMigrations(libsqlUrl, libsqlToken);
  step("migrations applied");
  const sql = createClient({ url: libsqlUrl, authToken: libsqlToken });
  closers.push(async () => sql.close());
  await ensureStaff(sql);
  const db = createDb(libsqlUrl, libsqlToken);
  const [faqs, outlets] = [await seedFaq(db), await seedOutlets(db)];
  if (faqs || outlets) step(`seeded ${faqs} FAQ entries and ${outlets} repair outlets`);

  // WeChat Pay v3 and Alipay as local servers with test keys: the worker's real signing and
  // verification code runs against them, and their cashier page lets a shopper pay.
  const payments = await startPaymentSimulator({
    port: PAYMENT_SIM_PORT,
    notifyBaseUrl: `http://127.0.0.1:${PORT}`,
    retryTimeScale: 0.01,
  });
  closers.push(() => payments.close());
  step(`payment simulator (WeChat Pay v3 + Alipay, test keys) at ${payments.url}`);
  // 快递100's subscription and push protocol: shipped waybills get a realistic trace, one step a while.
  const trackingStepMs = Number(process.env.KUAIDI100_STEP_MS ?? 20_000);
  const kuaidi100 = await startKuaidi100Simulator({ port: KUAIDI100_SIM_PORT, stepMs: trackingStepMs });
  closers.push(() => kuaidi100.close());
  step(`快递100 simulator (test key; parcels advance every ${trackingStepMs / 1000} s) at ${kuaidi100.url}`);

  const vars: Record<string, string> = {
    ...payments.config,
    ...kuaidi100.config,
    TRACKING_CALLBACK_BASE_URL: `http://127.0.0.1:${PORT}`,
    LIBSQL_URL: libsqlUrl,
    ...(libsqlToken ? { LIBSQL_AUTH_TOKEN: libsqlToken } : {}),
    SESSION_SECRET: process.env.SESSION_SECRET ?? (await sessionSecret()),
    DEV_LOGIN: "1",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    CORS_ORIGINS: process.env.CORS_ORIGINS ?? "http://localhost:5173,http://127.0.0.1:5173",
    // A real LLM provider or WeChat app, when the developer exports their settings.
    ...passThrough(/^(LLM_|WECHAT_APP_|WECHAT_API_BASE$)/),
  };

  const hasH5 = await ensureH5Build();
  const hasAdmin = hasH5 && (await ensureAdminBuild());
  const worker: WorkerRuntime = await startWorkerRuntime({
    vars,
    port: PORT,
    persistDir: resolve(DATA, "workerd"),
  });
  closers.push(() => worker.close());
  step(`worker running in workerd at ${worker.url}`);
  // Local stand-in for the cron trigger in wrangler.toml (Miniflare does not fire crons by itself):
  // the orders sweep (auto-cancel / auto-complete backstop, payment reconciliation) every minute.
  const cron = setInterval(async () => {
    try {
      await (await worker.mf.getWorker()).scheduled({ cron: "* * * * *" });
    } catch (e) {
      warn(`scheduled sweep failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, 60_000);
  closers.push(async () => clearInterval(cron));
  await seedDemoData(worker.url);

  console.log(`
家电商城 jiadian-mall is running
  Store (H5)   ${hasH5 ? `${worker.url}/` : "not built yet: run `npm run build:h5` and restart"}
  Console      ${hasAdmin ? `${worker.url}/admin/ (商家后台)` : "not built yet: run `npm run build:admin` and restart"}
  API          ${worker.url}/api
  API docs     ${worker.url}/api/docs
  Payments     simulator cashier at ${payments.url} (test keys, no real money)
  Staff logins ${DEMO_STAFF.map((s) => `${s.username} / ${s.password} (${s.role})`).join(", ")}
  Installers   ${DEMO_INSTALLERS.map((i) => i.username).join(", ")} / ${INSTALLER_PASSWORD} (POST /api/auth/staff-login)
  Tracking     快递100 simulator at ${kuaidi100.url} (shipped waybills advance every ${trackingStepMs / 1000} s)
  Shoppers     development login by nickname (POST /api/auth/dev-login)
Ctrl-C to stop.`);
}

/** The store's H5 build, built once on first start (about a minute) so `npm start` serves the whole store. */
async function ensureH5Build(): Promise<boolean> {
  if (existsSync(resolve(H5_DIR, "index.html"))) return true;
  if (!existsSync(resolve(ROOT, "miniprogram-uni/node_modules"))) {
    warn("miniprogram-uni/node_modules is missing (npm install installs it): the H5 store is not served");
    return false;
  }
  step("building the H5 store once (npm run build:h5)…");
  const code = await new Promise<number | null>((done) =>
    spawn("npm", ["run", "--silent", "build:h5"], { cwd: ROOT, stdio: "inherit" }).on("exit", done),
  );
  if (code !== 0) warn("H5 build failed: the API still runs; see the output above");
  return code === 0;
}

/** The merchant console, built once when missing (an H5 build empties its folder). */
async function ensureAdminBuild(): Promise<boolean> {
  if (existsSync(resolve(ADMIN_DIR, "index.html"))) return true;
  if (!existsSync(resolve(ROOT, "admin-console/node_modules"))) {
    warn("admin-console/node_modules is missing (npm install installs it): the console is not served");
    return false;
  }
  step("building the merchant console once (npm run build:admin)…");
  const code = await new Promise<number | null>((done) =>
    spawn("npm", ["run", "--silent", "build:admin"], { cwd: ROOT, stdio: "inherit" }).on("exit", done),
  );
  if (code !== 0) warn("console build failed: the store and the API still run; see the output above");
  return code === 0;
}

function passThrough(pattern: RegExp): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => pattern.test(e[0]) && !!e[1]),
  );
}

/** Demo data through the real API, only into an empty database (each seeder checks for itself). */
async function seedDemoData(baseUrl: string) {
  const merchant = DEMO_STAFF.find((s) => s.role === "merchant_admin")!;
  const login = await fetch(`${baseUrl}/api/auth/staff-login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: merchant.username, password: merchant.password }),
  });
  if (!login.ok) throw new Error(`merchant login failed: ${login.status} ${await login.text()}`);
  const { token: merchantToken } = (await login.json()) as { token: string };
  const catalog = await seedCatalog({ baseUrl, merchantToken }, (m) => step(`seed: ${m}`));
  step(
    catalog.skipped
      ? "catalog already present: not seeded again"
      : `seeded ${catalog.categories} categories, ${catalog.products} products, ${catalog.skus.length} SKUs`,
  );
  const stock = await seedStock({ baseUrl, merchantToken }, catalog.skus);
  if (stock.restocked) step(`seeded stock: ${stock.units} units over ${stock.restocked} SKUs`);
  const inst = await seedInstallation({ baseUrl, merchantToken });
  if (inst.areas || inst.slots)
    step(
      `seeded installation: ${inst.services} services, ${inst.areas} areas, ${inst.installers} installers, ${inst.slots} slots`,
    );
  const tradeIn = await seedTradeIn({ baseUrl, merchantToken });
  if (tradeIn.valuations)
    step(`seeded the trade-in valuation table: ${tradeIn.valuations} kinds of old appliance`);
  const logistics = await seedLogistics({ baseUrl, merchantToken });
  if (logistics.templates)
    step(
      `seeded ${logistics.templates} freight templates and delivery rules (${logistics.products} products)`,
    );
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const close of closers.reverse()) await close().catch((e) => warn(`while stopping: ${e}`));
  process.exit(code);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());

main().catch(async (e) => {
  warn(`start failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  await stop(1);
});
