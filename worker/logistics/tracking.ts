// Parcel tracking through 快递100: subscribing an order's waybills (after the "ship" commit, from the
// outbox) and applying 快递100's signed pushes (traces stored once, state only ever moves forward, the
// order told once all its parcels are signed for). Protocol details: kuaidi100.ts.
import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { OrderDeps } from "../orders/deps";
import type { Logger } from "../shared/log";
import { carrierByCode } from "./carriers";
import {
  KUAIDI100_POLL_URL,
  PUSH_ACK,
  PUSH_BAD_DATA,
  PUSH_BAD_SIGN,
  PUSH_RETRY,
  parsePushParam,
  readPushForm,
  SIGNED_STATE,
  stateText,
  subscribeAtKuaidi100,
  type TrackingPush,
  verifyPushSign,
} from "./kuaidi100";
import { SUBSCRIBE_REFUSED_TEXT } from "./parcels";
import { orderParcels, parcelTraces } from "./schema";

/** Where 快递100 pushes to (mounted by logistics/routes.ts under /api). */
export const KUAIDI100_CALLBACK_PATH = "/api/logistics/kuaidi100/callback";

export interface TrackingConfig {
  /** 快递100 授权 key; undefined: tracking is off (parcels are stored, not subscribed). */
  key?: string;
  salt?: string;
  pollUrl: string;
  /** Full callback URL given to 快递100; undefined when TRACKING_CALLBACK_BASE_URL is not set. */
  callbackUrl?: string;
}

export function trackingConfig(env: Env): TrackingConfig {
  const base = env.TRACKING_CALLBACK_BASE_URL?.trim().replace(/\/+$/, "");
  return {
    key: env.KUAIDI100_KEY?.trim() || undefined,
    salt: env.KUAIDI100_SALT || undefined,
    pollUrl: env.KUAIDI100_POLL_URL?.trim() || KUAIDI100_POLL_URL,
    callbackUrl: base ? base + KUAIDI100_CALLBACK_PATH : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------
// Subscribing

/** Return codes that no retry will fix: bad data (700), refused carrier (701), unknown carrier (702). */
const PERMANENT_REFUSALS = new Set(["700", "701", "702"]);

/**
 * Subscribes every parcel of the order that is not subscribed yet. Idempotent (parcels with
 * subscribed_at are skipped; 快递100's 501 "already subscribed" counts as success). Throws when a
 * parcel could not be subscribed for a reason that may pass (network, 5xx, key problems), so the
 * outbox retries; a waybill 快递100 refuses for good is marked 订阅失败 for staff instead.
 */
export async function subscribeOrderParcels(
  deps: { db: Db; log: Logger },
  config: TrackingConfig,
  orderId: number,
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
): Promise<void> {
  if (!config.key) return;
  if (!config.salt || !config.callbackUrl)
    throw new Error("KUAIDI100_KEY is set but KUAIDI100_SALT or TRACKING_CALLBACK_BASE_URL is missing");
  const { db, log } = deps;
  const pending = await db
    .select()
    .from(orderParcels)
    .where(and(eq(orderParcels.orderId, orderId), isNull(orderParcels.subscribedAt)));
  const failures: string[] = [];
  for (const p of pending) {
    const outcome = await subscribeAtKuaidi100(fetchFn, config.pollUrl, {
      company: p.carrierCode,
      number: p.trackingNo,
      key: config.key,
      salt: config.salt,
      callbackUrl: config.callbackUrl,
      phone: carrierByCode(p.carrierCode)?.needsPhone ? p.receiverPhoneTail || undefined : undefined,
    });
    const now = Date.now();
    const attempts = sql`${orderParcels.subscribeAttempts} + 1`;
    if (outcome.ok) {
      await db
        .update(orderParcels)
        .set({ subscribedAt: now, subscribeAttempts: attempts, lastError: null, updatedAt: now })
        .where(eq(orderParcels.id, p.id));
      continue;
    }
    const error = `${outcome.returnCode} ${outcome.message}`.slice(0, 300);
    const permanent = PERMANENT_REFUSALS.has(outcome.returnCode);
    await db
      .update(orderParcels)
      .set({
        subscribeAttempts: attempts,
        lastError: error,
        updatedAt: now,
        ...(permanent && p.state === null ? { stateText: SUBSCRIBE_REFUSED_TEXT } : {}),
      })
      .where(eq(orderParcels.id, p.id));
    if (permanent)
      log.warn("快递100 refused a waybill", {
        orderId,
        carrier: p.carrierCode,
        trackingNo: p.trackingNo,
        error,
      });
    else failures.push(`${p.carrierCode} ${p.trackingNo}: ${error}`);
  }
  if (failures.length) throw new Error(`快递100 subscription failed: ${failures.join("; ")}`);
}

// ---------------------------------------------------------------------------------------------------
// Pushes

/**
 * The order side's reaction to delivery, handed in through OrderDeps by the composition root (the
 * lead adds `logistics?: LogisticsHooks` to OrderDeps). Called when every parcel of the order has been
 * signed for, with the time the last one was; at least once (again after a failure), so it must be
 * idempotent, and it should ignore orders that are no longer shipped.
 */
export interface LogisticsHooks {
  onOrderSigned(deps: OrderDeps, orderId: number, signedAtMs: number): Promise<void>;
}

const hooksOf = (deps: OrderDeps) => (deps as OrderDeps & { logistics?: LogisticsHooks }).logistics;

export interface PushReply {
  status: 200 | 400 | 500;
  body: { result: boolean; returnCode: string; message: string };
}

/**
 * Handles one push (the raw urlencoded body). A push that is unsigned, forged or tampered with changes
 * nothing and gets 快递100's failure reply; a verified one is applied and acknowledged.
 */
export async function handleKuaidi100Push(
  deps: OrderDeps,
  config: TrackingConfig,
  body: string,
  now = Date.now(),
): Promise<PushReply> {
  const { log } = deps;
  const { param, sign } = readPushForm(body);
  if (!verifyPushSign(param, sign, config.salt)) {
    log.warn("快递100 push rejected: bad or missing sign", { signed: !!sign, configured: !!config.salt });
    return { status: 400, body: PUSH_BAD_SIGN };
  }
  const push = parsePushParam(param);
  if (!push) {
    log.warn("快递100 push rejected: unreadable param", { param: param.slice(0, 200) });
    return { status: 400, body: PUSH_BAD_DATA };
  }
  const parcel = await findParcel(deps.db, push);
  if (!parcel) {
    // Nothing of ours: acknowledged, or 快递100 would keep re-pushing it.
    log.warn("快递100 push for an unknown waybill", { com: push.company, nu: push.number });
    return { status: 200, body: PUSH_ACK };
  }
  try {
    await deps.db.batch(applyPushStatements(deps.db, parcel, push, now));
    if (push.state === SIGNED_STATE) await reportSignedOrder(deps, parcel.orderId, now);
  } catch (err) {
    log.error("快递100 push could not be applied; 快递100 will push again", {
      parcelId: parcel.id,
      err: String(err),
    });
    return { status: 500, body: PUSH_RETRY };
  }
  return { status: 200, body: PUSH_ACK };
}

async function findParcel(db: Db, push: TrackingPush) {
  const companies = [push.company, push.companyBefore].filter(Boolean);
  const rows = await db
    .select()
    .from(orderParcels)
    .where(
      and(
        eq(orderParcels.trackingNo, push.number),
        or(...companies.map((c) => eq(orderParcels.carrierCode, c))),
      ),
    );
  // 快递100 may have corrected the carrier (autoCheck): prefer the code it pushes now.
  return rows.find((r) => r.carrierCode === push.company) ?? rows[0];
}

type Parcel = typeof orderParcels.$inferSelect;

/**
 * New traces (the unique index drops those already stored) and the parcel's state. Pushes carry the
 * whole history, so one that arrives late (its newest trace older than what we have) adds nothing new
 * and must not move the state back.
 */
function applyPushStatements(
  db: Db,
  parcel: Parcel,
  push: TrackingPush,
  now: number,
): [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]] {
  const monitor = { monitorStatus: push.monitorStatus, monitorMessage: push.monitorMessage || null };
  const newest = push.traces[0];
  if (!newest)
    return [
      db
        .update(orderParcels)
        .set({ ...monitor, updatedAt: now })
        .where(eq(orderParcels.id, parcel.id)),
    ];
  const statements: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < push.traces.length; i += 100) {
    statements.push(
      db
        .insert(parcelTraces)
        .values(
          push.traces.slice(i, i + 100).map((t) => ({
            parcelId: parcel.id,
            time: t.time,
            context: t.context,
            status: t.status,
            areaName: t.areaName,
            createdAt: now,
          })),
        )
        .onConflictDoNothing(),
    );
  }
  const signed = push.state === SIGNED_STATE;
  const updateParcel = db
    .update(orderParcels)
    .set({
      ...monitor,
      state: push.state,
      stateText: stateText(push.state, newest.status || undefined),
      lastTraceAt: newest.time,
      // The 签收 trace is the newest one; the first signing time is kept.
      ...(signed ? { signedAt: sql`coalesce(${orderParcels.signedAt}, ${newest.time})` } : {}),
      updatedAt: now,
    })
    .where(
      and(
        eq(orderParcels.id, parcel.id),
        or(isNull(orderParcels.lastTraceAt), lte(orderParcels.lastTraceAt, newest.time)),
      ),
    );
  return [updateParcel, ...statements];
}

/**
 * Once every parcel of the order is signed for, tells the order side (its auto-complete countdown
 * starts) and records that it did; a failure leaves it unrecorded, so the next push tries again.
 */
async function reportSignedOrder(deps: OrderDeps, orderId: number, now: number) {
  const hooks = hooksOf(deps);
  if (!hooks) return;
  const parcels = await deps.db
    .select({ signedAt: orderParcels.signedAt, signReportedAt: orderParcels.signReportedAt })
    .from(orderParcels)
    .where(eq(orderParcels.orderId, orderId));
  if (!parcels.length || parcels.some((p) => p.signedAt === null)) return;
  if (parcels.every((p) => p.signReportedAt !== null)) return;
  const signedAt = Math.max(...parcels.map((p) => p.signedAt as number));
  await hooks.onOrderSigned(deps, orderId, signedAt);
  await deps.db
    .update(orderParcels)
    .set({ signReportedAt: now })
    .where(and(eq(orderParcels.orderId, orderId), isNull(orderParcels.signReportedAt)));
}
