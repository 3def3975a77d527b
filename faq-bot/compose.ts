/** Shopper-facing texts of the bot, composed from retrieval hits and orders. Pure. */
import type { EscalationReason } from "./escalation";
import type { SearchHit } from "./retrieval";

/** Related questions are offered only when they are themselves a plausible answer. */
export const RELATED_MIN_CONFIDENCE = 0.3;
export const MAX_RELATED = 2;

export const HANDOFF_TEXT: Record<EscalationReason, string> = {
  explicit: "好的，正在为您转接人工客服，请稍候。人工客服工作时间为每天 9:00-21:00。",
  complaint: "非常抱歉给您带来不好的体验，正在为您转接人工客服专门处理，请稍候。",
  low_confidence: "抱歉，这个问题我暂时无法准确回答，已为您转接人工客服，请稍候。",
  unresolved: "抱歉没能解决您的问题，已为您转接人工客服，请稍候。",
  llm_handoff: "这个问题需要人工客服为您处理，正在转接，请稍候。",
};

export const NO_ORDERS_TEXT =
  "您的账号下暂时没有查到订单。如果是用其他微信账号下的单，请切换账号后在「我的订单」中查看。";

/** Prefix when the shopper said the last answer did not help and the bot tries the next best entry. */
export const RETRY_PREFIX = "抱歉刚才的回答没有帮到您，您看看这个是否相关：\n";

/** The top hit's answer, followed by up to MAX_RELATED other confident questions the shopper can ask. */
export function answerFromHits(hits: readonly SearchHit[]): string {
  const [top, ...rest] = hits;
  if (!top) return "";
  const related = rest.filter((h) => h.confidence >= RELATED_MIN_CONFIDENCE).slice(0, MAX_RELATED);
  if (related.length === 0) return top.entry.answer;
  return `${top.entry.answer}\n\n您可能还想了解：\n${related.map((h) => `· ${h.entry.question}`).join("\n")}`;
}

/** The shopper's order status first, then (when it matched) the FAQ's general guidance. */
export function answerWithOrders(orderText: string, guidance: string | undefined): string {
  return guidance ? `${orderText}\n\n${guidance}` : orderText;
}
