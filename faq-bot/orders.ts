/** Which of the shopper's orders a question is about, and how to state their status. Pure. */
import { mentionedOrderNos } from "./intent";
import { normalize } from "./tokenize";
import type { OrderContext } from "./types";

/** How many orders an answer lists at most: beyond that the order page is the better place. */
export const MAX_ORDERS_IN_ANSWER = 3;

/** Statuses after which "where is my order" is no longer a live question. */
const FINISHED_STATUSES = new Set(["completed", "cancelled", "closed", "refunded"]);

/**
 * The orders a question refers to: those whose number it mentions; else those whose items share a
 * word with it (e.g. "冰箱"); else the open ones; newest first, at most MAX_ORDERS_IN_ANSWER.
 */
export function relevantOrders(question: string, orders: readonly OrderContext[]): OrderContext[] {
  const newestFirst = [...orders].sort((a, b) => b.createdAt - a.createdAt);
  const numbers = new Set(mentionedOrderNos(question).map((n) => n.toLowerCase()));
  if (numbers.size > 0) {
    const byNumber = newestFirst.filter((o) => numbers.has(o.orderNo.toLowerCase()));
    if (byNumber.length > 0) return byNumber.slice(0, MAX_ORDERS_IN_ANSWER);
  }
  const q = normalize(question);
  const byItem = newestFirst.filter((o) => sharesItemWord(q, normalize(o.itemsSummary)));
  if (byItem.length > 0) return byItem.slice(0, MAX_ORDERS_IN_ANSWER);
  const open = newestFirst.filter((o) => !FINISHED_STATUSES.has(o.status));
  return (open.length > 0 ? open : newestFirst).slice(0, MAX_ORDERS_IN_ANSWER);
}

/** True when the question names a product word (2+ CJK characters) that appears in the items summary. */
function sharesItemWord(question: string, items: string): boolean {
  for (const run of question.match(/\p{Script=Han}{2,}/gu) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) if (items.includes(run.slice(i, i + 2))) return true;
  }
  return false;
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** UTC epoch ms → "12-06 14:05" in Beijing time (UTC+8, no daylight saving): how shoppers read traces. */
export function beijingShortTime(ms: number): string {
  const iso = new Date(ms + BEIJING_OFFSET_MS).toISOString();
  return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
}

/**
 * One line per order, e.g. "订单 2026…（小米电视 ×1）：已发货，顺丰快递 运单号 SF123。", then the newest
 * trace line when the carrier has reported one ("最新物流（12-06 14:05）：【深圳】派件中").
 */
export function describeOrder(order: OrderContext): string {
  let line = `订单 ${order.orderNo}（${order.itemsSummary}）：${order.statusText}`;
  if (order.carrier || order.trackingNo) {
    line += `，${order.carrier ?? "快递"}`;
    if (order.trackingNo) line += ` 运单号 ${order.trackingNo}`;
  }
  line += "。";
  if (order.latestTrace)
    line += `最新物流（${beijingShortTime(order.latestTrace.time)}）：${order.latestTrace.context}`;
  return line;
}

/** The status answer for an own-order question, or undefined when the shopper has no orders to show. */
export function orderStatusAnswer(question: string, orders: readonly OrderContext[]): string | undefined {
  const picked = relevantOrders(question, orders);
  if (picked.length === 0) return undefined;
  const intro = picked.length === 1 ? "帮您查到了这笔订单：" : "帮您查到以下订单：";
  const more = orders.length > picked.length ? "\n其他订单可在「我的」→「我的订单」中查看。" : "";
  return `${intro}\n${picked.map(describeOrder).join("\n")}${more}`;
}
