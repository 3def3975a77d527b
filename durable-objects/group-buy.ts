/**
 * GroupBuy: one Durable Object per 拼团 group (`idFromName("group:<group_no>")`), the single authority for
 * its slots. Every method reads the in-memory state, decides with the pure functions of
 * worker/growth/group-slots.ts and writes the result with no await in between, so concurrent joins are
 * decided one after another and a group is never overfilled (the storage output gate holds each reply
 * until its write is durable). The group's deadline is a durable alarm: it survives restarts and is
 * retried; settling an expired group (cancel + refund every member) is idempotent, and the cron sweep
 * is the backstop. Callers use worker/growth/group-buy-client.ts.
 */
import { DurableObject } from "cloudflare:workers";
import { backgroundDeps } from "../worker/composition";
import type { Env } from "../worker/env";
import { settleExpiredGroup } from "../worker/growth/group-buy-settle";
import {
  confirmSlot,
  expireIfDue,
  type GroupState,
  holdSlot,
  nextWakeUp,
  openGroup,
  paidCount,
  releaseSlot,
  type SlotRefusal,
  slotsLeft,
} from "../worker/growth/group-slots";
import { createLogger } from "../worker/shared/log";

const RETRY_MS = 30_000;

interface Stored {
  group: GroupState;
  /** The expired group's orders have all been cancelled (the settle step finished once). */
  settled: boolean;
}

export interface GroupView {
  phase: GroupState["phase"];
  size: number;
  paid: number;
  slotsLeft: number;
  expiresAt: number;
  settled: boolean;
}

export type HoldReply = { ok: true; slotsLeft: number } | { ok: false; code: SlotRefusal | "UNKNOWN_GROUP" };
export type ConfirmReply =
  | { ok: true; filled: boolean; paid: number }
  | { ok: false; code: SlotRefusal | "UNKNOWN_GROUP" };

export class GroupBuy extends DurableObject<Env> {
  private stored: Stored | undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.stored = await ctx.storage.get<Stored>("group");
    });
  }

  private save(next: Stored) {
    this.stored = next;
    // Not awaited on purpose: the output gate keeps the reply until the write is durable, and no
    // other request can run between the decision above and this write.
    void this.ctx.storage.put("group", next);
  }

  /** The opener's order creates the group (with its deadline alarm); later orders join it. */
  async hold(
    open: { groupNo: string; size: number; expiresAt: number } | null,
    req: { orderNo: string; shopperId: number; leader: boolean; holdUntil: number },
  ): Promise<HoldReply> {
    const now = Date.now();
    let current = this.stored;
    if (!current) {
      if (!open || !req.leader) return { ok: false, code: "UNKNOWN_GROUP" };
      current = { group: openGroup(open.groupNo, open.size, open.expiresAt), settled: false };
    }
    const r = holdSlot(current.group, req, now);
    if (!r.ok) return { ok: false, code: r.code };
    const first = !this.stored;
    this.save({ ...current, group: r.state });
    if (first) await this.ctx.storage.setAlarm(open!.expiresAt);
    return { ok: true, slotsLeft: r.slotsLeft };
  }

  /** The order was paid. */
  async confirm(orderNo: string): Promise<ConfirmReply> {
    const current = this.stored;
    if (!current) return { ok: false, code: "UNKNOWN_GROUP" };
    const r = confirmSlot(current.group, orderNo, Date.now());
    if (!r.ok) return { ok: false, code: r.code };
    this.save({ ...current, group: r.state });
    if (r.filled) await this.ctx.storage.deleteAlarm();
    return { ok: true, filled: r.filled, paid: paidCount(r.state) };
  }

  /** The order was cancelled: its slot is free again while the group is open. */
  async release(orderNo: string): Promise<GroupView | null> {
    const current = this.stored;
    if (!current) return null;
    this.save({ ...current, group: releaseSlot(current.group, orderNo) });
    return this.view();
  }

  async view(): Promise<GroupView | null> {
    const s = this.stored;
    if (!s) return null;
    return {
      phase: s.group.phase,
      size: s.group.size,
      paid: paidCount(s.group),
      slotsLeft: slotsLeft(s.group, Date.now()),
      expiresAt: s.group.expiresAt,
      settled: s.settled,
    };
  }

  /** The sweep's backstop: expire and settle now if the deadline has passed (same code as the alarm). */
  async settleIfDue(): Promise<GroupView | null> {
    await this.expireAndSettle();
    return this.view();
  }

  override async alarm(): Promise<void> {
    await this.expireAndSettle();
  }

  private async expireAndSettle() {
    const current = this.stored;
    if (!current) return;
    const now = Date.now();
    const { state } = expireIfDue(current.group, now);
    if (state !== current.group) this.save({ ...current, group: state });
    if (state.phase !== "expired") {
      const wake = nextWakeUp(state);
      if (wake !== null && wake > now) await this.ctx.storage.setAlarm(wake);
      return;
    }
    if (current.settled) return;
    const log = createLogger(this.env.LOG_LEVEL, { component: "group-buy", groupNo: state.groupNo });
    try {
      await settleExpiredGroup(
        backgroundDeps(this.env, (p) => this.ctx.waitUntil(p), log),
        state.groupNo,
      );
      this.save({ ...this.stored!, settled: true });
    } catch (err) {
      // Keep trying: the database or the gateway may be briefly away. Settling is idempotent.
      log.warn("settling the expired group failed, retrying", { err: String(err) });
      await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
    }
  }
}
