/**
 * Cheap, deterministic reading of a shopper's message: does it ask for a human, complain, say the last
 * answer did not help, or ask about their own order? Pure pattern matching on normalised text, so it
 * works without an LLM and before retrieval.
 */
import { normalize } from "./tokenize";

/** Asking for a person. "人工费" (labour cost) is a repair-fee question, not a request for a human. */
const HUMAN_REQUEST_RE =
  /转人工|人工客服|人工服务|人工坐席|人工(?!费|成本|智能)|真人|活人|客服(?:小姐姐|小哥|专员)|(?:不要|别|不想).{0,6}机器人|找(?:个|你们)?(?:领导|经理|主管)/;

/** Complaints and threats: a human must own these, however well the FAQ matches. */
const COMPLAINT_RE =
  /投诉|举报|12315|消协|消费者协会|曝光|起诉|律师|态度(?:很|太|非常|特别)?差|服务(?:很|太|非常|特别)?差|乱收费|多收了|欺骗|骗人|坑人|垃圾(?!处理|桶|袋)/;

/** "That did not help": counted across turns to detect a conversation going nowhere. */
const DISSATISFIED_RE =
  /没用|不是这个|不是我问的|答非所问|没解决|没有解决|还是不行|没听懂|你没懂|说的不对|回答不对|不对啊|看不懂|说了等于没说|不明白/;

/**
 * Questions about the shopper's own, existing order (not how ordering works in general).
 * Matched after normalize(), which maps 物流/包裹/配送 to 快递.
 */
const OWN_ORDER_RE =
  /到哪(?:了|儿|里)|(?:我的|我买的|我那个|我那台|我下的|我订的).{0,10}(?:订单|货|快递|东西|电视|冰箱|洗衣机|空调|热水器)|发货(?:了)?(?:没|吗|没有)|发了(?:没|吗)|怎么还没(?:到|发|送)|还没(?:收到|到|发货|送)|订单(?:状态|进度)|快递(?:信息|进度|到)|查(?:一下)?(?:订单|快递)/;

/** Order numbers as the order service prints them: a long run of digits, optionally letter-prefixed. */
const ORDER_NO_RE = /\b[a-z]{0,3}\d{10,24}\b/gi;

export function asksForHuman(question: string): boolean {
  return HUMAN_REQUEST_RE.test(normalize(question).replace(/\s+/g, ""));
}

export function isComplaint(question: string): boolean {
  return COMPLAINT_RE.test(normalize(question).replace(/\s+/g, ""));
}

export function isDissatisfied(question: string): boolean {
  return DISSATISFIED_RE.test(normalize(question).replace(/\s+/g, ""));
}

/** Order numbers mentioned in the text, as typed (case preserved). */
export function mentionedOrderNos(question: string): string[] {
  return [...question.normalize("NFKC").matchAll(ORDER_NO_RE)].map((m) => m[0]);
}

export function isOwnOrderQuestion(question: string): boolean {
  if (mentionedOrderNos(question).length > 0) return true;
  return OWN_ORDER_RE.test(normalize(question).replace(/\s+/g, ""));
}

/** The message with its "that did not help" phrases removed, e.g. "不是这个，我问专票" → "我问专票". */
export function withoutDissatisfaction(question: string): string {
  return normalize(question).replace(/\s+/g, "").replace(new RegExp(DISSATISFIED_RE.source, "g"), " ").trim();
}
