/**
 * Local stand-in for 快递100's 快递信息推送服务 (see worker/logistics/kuaidi100.ts for the protocol and
 * its sources): `POST /poll` takes subscriptions exactly as 快递100 does (form `schema=json&param=…`,
 * key checked, 200 提交成功 / 501 重复订阅 / 600 bad key / 700 bad data), then pushes the waybill's
 * journey (script.ts) to the callbackurl one step at a time, each push the full history newest first,
 * signed md5(param + salt) uppercase with the salt of that subscription, and re-sent until our reply
 * is {"result":true,"returnCode":"200",…}. Stricter than 快递100 in one place: a 顺丰 subscription
 * without `phone` is refused (700), because 快递100 would accept it and then never find a trace.
 *
 * Control (for tests and demos; not part of 快递100):
 * - `POST /_control/advance {"number","company"?}`: push the next step now; answers once delivered.
 * - `GET /_control/subscriptions`: what was subscribed and every delivery attempt.
 * Signing uses node:crypto, independently of the worker's own MD5.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { oneShotFetch } from "../one-shot-fetch";
import { type ScriptStep, traceScript } from "./script";

/** Test credentials: public, for local use only. */
export const KUAIDI100_TEST_KEY = "jiadian-test-kuaidi100-key";
export const KUAIDI100_TEST_SALT = "jiadian-test-kuaidi100-salt";

/** 快递100 company codes the simulator knows (its own list, so our carriers list is checked against it). */
const KNOWN_COMPANIES = new Set([
  "shunfeng",
  "shunfengkuaiyun",
  "jd",
  "ems",
  "youzhengguonei",
  "zhongtong",
  "yuantong",
  "yunda",
  "shentong",
  "huitongkuaidi",
  "debangwuliu",
  "debangkuaidi",
  "jtexpress",
  "rrs",
  "zhaijisong",
  "annengwuliu",
]);

export interface Kuaidi100SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The 授权 key subscriptions must carry (default KUAIDI100_TEST_KEY). */
  key?: string;
  /** The salt the worker should be configured with (its `config`); pushes use each subscription's own salt. */
  salt?: string;
  /** Time between steps after a subscription (default 20 s); 0: steps only through /_control/advance. */
  stepMs?: number;
  /** Before re-sending an unacknowledged push (快递100: about 30 minutes; default 1 s). */
  retryDelayMs?: number;
  /** Sends per push, the first included (快递100: the first and 3 retries). */
  maxAttempts?: number;
  now?: () => number;
}

export interface PushAttempt {
  atMs: number;
  status: number;
  body: string;
  error?: string;
  acknowledged: boolean;
}

export interface PushDelivery {
  step: number;
  /** Exactly what was pushed (signed md5(param + salt)), for replays. */
  param: string;
  state: number;
  monitorStatus: "polling" | "shutdown";
  attempts: PushAttempt[];
  acknowledged: boolean;
}

export interface SimSubscription {
  company: string;
  number: string;
  callbackUrl: string;
  salt: string;
  phone: string;
  subscribedAt: number;
  /** How many steps have been pushed. */
  pushedSteps: number;
  /** The Beijing-time clock of each pushed step (strictly increasing). */
  stepTimes: number[];
  steps: ScriptStep[];
  done: boolean;
  deliveries: PushDelivery[];
}

export interface Kuaidi100Simulator {
  url: string;
  pollUrl: string;
  /** Worker settings that point tracking at this simulator (the callback base URL is the caller's). */
  config: { KUAIDI100_KEY: string; KUAIDI100_SALT: string; KUAIDI100_POLL_URL: string };
  subscriptions: Map<string, SimSubscription>;
  /** Pushes the waybill's next step now; null when unknown or finished. */
  advance(number: string, company?: string): Promise<PushDelivery | null>;
  close(): Promise<void>;
}

const reply = (returnCode: string, message: string) => ({
  result: returnCode === "200",
  returnCode,
  message,
});
const md5Upper = (s: string) => createHash("md5").update(s, "utf8").digest("hex").toUpperCase();
const BEIJING_OFFSET_MS = 8 * 3600_000;
const beijing = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(value));
}

/** 快递100's acknowledgement: result true and returnCode 200 (both as JSON strings or values). */
function isAcknowledged(status: number, body: string): boolean {
  if (status < 200 || status >= 300) return false;
  try {
    const r = JSON.parse(body) as { result?: unknown; returnCode?: unknown };
    return (r.result === true || r.result === "true") && String(r.returnCode) === "200";
  } catch {
    return false;
  }
}

export async function startKuaidi100Simulator(
  opts: Kuaidi100SimulatorOptions = {},
): Promise<Kuaidi100Simulator> {
  const key = opts.key ?? KUAIDI100_TEST_KEY;
  const salt = opts.salt ?? KUAIDI100_TEST_SALT;
  const stepMs = opts.stepMs ?? 20_000;
  const retryDelayMs = opts.retryDelayMs ?? 1_000;
  const maxAttempts = opts.maxAttempts ?? 4;
  const now = opts.now ?? Date.now;
  const subscriptions = new Map<string, SimSubscription>();
  /** One push at a time per waybill: the timer and /_control/advance never interleave. */
  const queues = new Map<string, Promise<unknown>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!closed) fn();
    }, ms);
    timers.add(t);
  };
  const sleep = (ms: number) => new Promise<void>((resolve) => later(ms, resolve));

  function pushBody(sub: SimSubscription): { param: string; monitorStatus: "polling" | "shutdown" } {
    const n = sub.pushedSteps;
    const current = sub.steps[n - 1]!;
    const monitorStatus = n === sub.steps.length ? "shutdown" : "polling";
    const data = sub.steps
      .slice(0, n)
      .map((s, i) => {
        const time = beijing(sub.stepTimes[i]!);
        return {
          context: s.context,
          time,
          ftime: time,
          status: s.status,
          areaCode: s.areaCode,
          areaName: s.areaName,
        };
      })
      .reverse();
    const param = JSON.stringify({
      status: monitorStatus,
      billstatus: "",
      message: "",
      autoCheck: "0",
      comOld: "",
      comNew: "",
      lastResult: {
        message: "ok",
        state: String(current.state),
        status: "200",
        condition: "F00",
        ischeck: current.state === 3 || current.state === 4 ? "1" : "0",
        com: sub.company,
        nu: sub.number,
        data,
      },
    });
    return { param, monitorStatus };
  }

  async function sendOnce(sub: SimSubscription, param: string): Promise<PushAttempt> {
    const atMs = now();
    try {
      const res = await oneShotFetch(sub.callbackUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: new URLSearchParams({ param, sign: md5Upper(param + sub.salt) }).toString(),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await res.text();
      return { atMs, status: res.status, body, acknowledged: isAcknowledged(res.status, body) };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      return { atMs, status: 0, body: "", error, acknowledged: false };
    }
  }

  async function pushNext(sub: SimSubscription): Promise<PushDelivery | null> {
    if (sub.done || closed) return null;
    const t = now();
    sub.stepTimes.push(Math.max(t, (sub.stepTimes.at(-1) ?? 0) + 1_000));
    sub.pushedSteps++;
    sub.done = sub.pushedSteps === sub.steps.length;
    const { param, monitorStatus } = pushBody(sub);
    const delivery: PushDelivery = {
      step: sub.pushedSteps,
      param,
      state: sub.steps[sub.pushedSteps - 1]!.state,
      monitorStatus,
      attempts: [],
      acknowledged: false,
    };
    sub.deliveries.push(delivery);
    for (let i = 0; i < maxAttempts && !closed; i++) {
      if (i > 0) await sleep(retryDelayMs);
      const attempt = await sendOnce(sub, param);
      delivery.attempts.push(attempt);
      if (attempt.acknowledged) {
        delivery.acknowledged = true;
        break;
      }
    }
    return delivery;
  }

  const subKey = (company: string, number: string) => `${company}:${number}`;

  function enqueue(sub: SimSubscription): Promise<PushDelivery | null> {
    const k = subKey(sub.company, sub.number);
    const run = (queues.get(k) ?? Promise.resolve()).then(() => pushNext(sub));
    queues.set(
      k,
      run.catch(() => undefined),
    );
    return run;
  }

  function scheduleSteps(sub: SimSubscription) {
    if (stepMs <= 0) return;
    const tick = () =>
      void enqueue(sub).then(() => {
        if (!sub.done) later(stepMs, tick);
      });
    later(stepMs, tick);
  }

  function subscribe(body: string): { returnCode: string; message: string } {
    const form = new URLSearchParams(body);
    if (form.get("schema") !== "json") return { returnCode: "700", message: "schema 参数必须为 json" };
    let param: {
      company?: unknown;
      number?: unknown;
      key?: unknown;
      parameters?: { callbackurl?: unknown; salt?: unknown; phone?: unknown };
    };
    try {
      param = JSON.parse(form.get("param") ?? "");
    } catch {
      return { returnCode: "700", message: "param 不是合法的 JSON" };
    }
    if (param.key !== key) return { returnCode: "600", message: "您不是合法的订阅者（授权 key 错误）" };
    const company = typeof param.company === "string" ? param.company : "";
    const number = typeof param.number === "string" ? param.number : "";
    const p = param.parameters ?? {};
    if (!KNOWN_COMPANIES.has(company)) return { returnCode: "700", message: "不支持的快递公司" };
    if (!/^[0-9A-Za-z-]{1,32}$/.test(number)) return { returnCode: "700", message: "单号为空或超长" };
    let callbackUrl: URL;
    try {
      callbackUrl = new URL(String(p.callbackurl ?? ""));
      if (callbackUrl.protocol !== "http:" && callbackUrl.protocol !== "https:") throw new Error();
    } catch {
      return { returnCode: "700", message: "错误的回调地址" };
    }
    const phone = typeof p.phone === "string" ? p.phone : "";
    if (company === "shunfeng" && !phone)
      return { returnCode: "700", message: "顺丰单号需提供收、寄件人电话" };
    const k = subKey(company, number);
    const existing = subscriptions.get(k);
    if (existing && !existing.done) return { returnCode: "501", message: "POLL:重复订阅" };
    const sub: SimSubscription = {
      company,
      number,
      callbackUrl: callbackUrl.toString(),
      salt: typeof p.salt === "string" ? p.salt : "",
      phone,
      subscribedAt: now(),
      pushedSteps: 0,
      stepTimes: [],
      steps: traceScript(number),
      done: false,
      deliveries: [],
    };
    subscriptions.set(k, sub);
    scheduleSteps(sub);
    return { returnCode: "200", message: "提交成功" };
  }

  function findSubscription(number: string, company?: string): SimSubscription | undefined {
    if (company) return subscriptions.get(subKey(company, number));
    return [...subscriptions.values()].find((s) => s.number === number);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (req.method === "POST" && url.pathname === "/poll") {
        const { returnCode, message } = subscribe(await readBody(req));
        return sendJson(res, 200, reply(returnCode, message));
      }
      if (req.method === "POST" && url.pathname === "/_control/advance") {
        const body = JSON.parse((await readBody(req)) || "{}") as { number?: string; company?: string };
        const sub = body.number ? findSubscription(body.number, body.company) : undefined;
        if (!sub) return sendJson(res, 404, { error: { code: "NOT_SUBSCRIBED", message: "该单号未订阅" } });
        const delivery = await enqueue(sub);
        if (!delivery) return sendJson(res, 409, { error: { code: "FINISHED", message: "轨迹已推送完毕" } });
        return sendJson(res, 200, { number: sub.number, done: sub.done, delivery });
      }
      if (req.method === "GET" && url.pathname === "/_control/subscriptions") {
        return sendJson(res, 200, {
          items: [...subscriptions.values()].map(({ steps, salt: _salt, ...s }) => ({
            ...s,
            totalSteps: steps.length,
          })),
        });
      }
      sendJson(res, 404, { error: { code: "NOT_FOUND", message: "no such endpoint" } });
    } catch (e) {
      sendJson(res, 500, {
        error: { code: "SIMULATOR_ERROR", message: e instanceof Error ? e.message : String(e) },
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${opts.host ?? "127.0.0.1"}:${port}`;

  return {
    url: baseUrl,
    pollUrl: `${baseUrl}/poll`,
    config: { KUAIDI100_KEY: key, KUAIDI100_SALT: salt, KUAIDI100_POLL_URL: `${baseUrl}/poll` },
    subscriptions,
    advance(number, company) {
      const sub = findSubscription(number, company);
      return sub ? enqueue(sub) : Promise.resolve(null);
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
