// The cron backstop (every minute, wrangler.toml [triggers]; merchants can also run it now): overdue
// order timers, order events whose subscribers failed, payment reconciliation, refund retries and
// subscribe messages, each in bounded batches and each isolated from the others' failures.
import { createRoute } from "@hono/zod-openapi";
import { runCaseTimeouts } from "./after-sales/cases/timeouts";
import { groupBuyObject } from "./growth/group-buy-client";
import { overdueGroups } from "./growth/group-buy-service";
import { grantDueReferralRewards } from "./growth/referral-service";
import { expireDue, unfreezeDue } from "./members/points-ledger";
import { grantBirthdayCoupons } from "./members/service";
import { deliverSubscribeMessages, subscribeConfig } from "./notifications/service";
import { releaseAbandonedHolds } from "./orders/abandoned";
import { type OrderDeps, orderDeps } from "./orders/deps";
import { runDueTimers } from "./orders/lifecycle";
import { deliverOrderEvents } from "./orders/outbox";
import { reconcilePayments, retryRefunds } from "./payments/service";
import { bearer, createRouter, jsonOk } from "./shared/router";

export async function sweep(deps: OrderDeps, now = Date.now()) {
  const { db, log } = deps;
  const result = {
    cancelled: 0,
    completed: 0,
    eventsDelivered: 0,
    eventsFailed: 0,
    reconciled: 0,
    refundsRetried: 0,
    abandonedHoldsReleased: 0,
    messages: 0,
    casesApproved: 0,
    casesClosed: 0,
    caseStepsRetried: 0,
    groupsSettled: 0,
    referralRewardsGranted: 0,
    referralRewardsCapped: 0,
    pointsUnfrozen: 0,
    pointsExpired: 0,
    birthdayCoupons: 0,
  };
  const safely = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      log.error("sweep step failed", { what, err: String(err) });
    }
  };
  await safely("timers", async () => {
    Object.assign(result, await runDueTimers(deps, now));
  });
  await safely("order events", async () => {
    const r = await deliverOrderEvents(deps, { now, limit: 50 });
    result.eventsDelivered = r.delivered;
    result.eventsFailed = r.failed;
  });
  await safely("reconcile", async () => {
    result.reconciled = await reconcilePayments(deps, now);
  });
  await safely("refunds", async () => {
    result.refundsRetried = await retryRefunds(deps, now);
  });
  await safely("abandoned checkouts", async () => {
    result.abandonedHoldsReleased = await releaseAbandonedHolds(deps, now);
  });
  await safely("after-sales cases", async () => {
    Object.assign(result, await runCaseTimeouts(deps, now));
  });
  await safely("points", async () => {
    result.pointsUnfrozen = await unfreezeDue(db, now);
    result.pointsExpired = await expireDue(db, now);
    result.birthdayCoupons = await grantBirthdayCoupons(db, log, now);
  });
  // 拼团: groups past their deadline whose object's alarm has not settled them yet (the alarm is primary).
  await safely("group-buy expiry", async () => {
    for (const { groupNo } of await overdueGroups(db, now)) {
      await groupBuyObject(deps.env, groupNo).settleIfDue();
      result.groupsSettled++;
    }
  });
  // 老带新: rewards whose referee's first order is past its return window.
  await safely("referral rewards", async () => {
    const r = await grantDueReferralRewards(deps, now);
    result.referralRewardsGranted = r.granted;
    result.referralRewardsCapped = r.capped;
  });
  await safely("subscribe messages", async () => {
    result.messages = await deliverSubscribeMessages(db, subscribeConfig(deps.env), log, {
      olderThan: now - 60_000,
    });
  });
  return result;
}

/** POST /api/admin/orders/sweep: run it now (merchants; the admin guard checks the role). */
export const sweepRoutes = createRouter();
sweepRoutes.openapi(
  createRoute({
    method: "post",
    path: "/orders/sweep",
    tags: ["admin: orders"],
    security: bearer,
    summary: "立即执行一次订单巡检（超时取消、自动收货、事件重投、支付对账、退款重试）；平时由定时任务执行",
    responses: jsonOk("各项处理数量"),
  }),
  async (c) => c.json(await sweep(orderDeps(c))),
);
