/**
 * The chat-completions request the bot sends: a grounding system prompt built from retrieved FAQ entries
 * (and the shopper's orders for order questions), recent history, and a handoff tool. Pure, so the exact
 * prompt is unit-tested and the LLM simulator can parse it back.
 */
import { describeOrder } from "./orders";
import type { ChatTurn, FaqEntry, OrderContext } from "./types";

export const HANDOFF_TOOL_NAME = "transfer_to_human";

/** Markers the simulator (and humans reading logs) rely on. */
export const FAQ_SECTION = "【常见问题】";
export const ORDERS_SECTION = "【顾客订单】";

/** Turns of history sent along: enough for follow-ups, small enough to keep latency and cost down. */
export const HISTORY_TURNS = 6;

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export const HANDOFF_TOOL = {
  type: "function" as const,
  function: {
    name: HANDOFF_TOOL_NAME,
    description: "把对话转给人工客服。资料不足以回答、顾客要求人工、投诉或情绪激动时调用。",
    parameters: {
      type: "object",
      properties: { reason: { type: "string", description: "转人工的原因（简短中文）" } },
      required: ["reason"],
      additionalProperties: false,
    },
  },
};

const INSTRUCTIONS = `你是「家电商城」微信小程序的智能客服，帮顾客解答购物、配送、安装、退换货、保修、维修、发票、优惠、会员等问题。
规则：
1. 只根据下面提供的${FAQ_SECTION}和${ORDERS_SECTION}回答，不要编造政策、价格、时效、电话或订单信息。
2. 用简体中文，语气友好，简洁（一般不超过200字），直接回答顾客的问题，不要提到“资料”“常见问题列表”等字样。
3. 如果提供的内容不足以回答、顾客要求人工客服、投诉或情绪激动，调用 ${HANDOFF_TOOL_NAME} 工具，不要自己编答案。
4. 订单问题只说明${ORDERS_SECTION}里有的信息；没有对应订单时请顾客在「我的订单」中核对。`;

export function buildMessages(input: {
  question: string;
  history: readonly ChatTurn[];
  entries: readonly FaqEntry[];
  orders?: readonly OrderContext[];
}): ChatMessage[] {
  const faq = input.entries
    .map((e, i) => `[${i + 1}] id=${e.id}\n问：${oneLine(e.question)}\n答：${oneLine(e.answer)}`)
    .join("\n\n");
  let system = `${INSTRUCTIONS}\n\n${FAQ_SECTION}\n${faq || "（无相关条目）"}`;
  if (input.orders) {
    const lines = input.orders.map(describeOrder).join("\n");
    system += `\n\n${ORDERS_SECTION}\n${lines || "（该顾客暂无订单）"}`;
  }
  const history = input.history
    .slice(-HISTORY_TURNS)
    .map((t): ChatMessage => ({ role: t.role, content: t.text }));
  return [{ role: "system", content: system }, ...history, { role: "user", content: input.question }];
}

// One line per field keeps the section format unambiguous for anything parsing it.
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();
