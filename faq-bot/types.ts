/** Shared data shapes of the FAQ bot. Pure types: safe to import from the Worker, DOs and dev tools. */

export interface FaqEntry {
  /** Stable slug, e.g. "return-7day". */
  id: string;
  question: string;
  answer: string;
  keywords: string[];
  category: string;
  /** Disabled entries stay in storage but are never indexed. */
  enabled: boolean;
}

/** The shopper's own order, as much as the bot may see of it. */
export interface OrderContext {
  orderNo: string;
  /** Machine status code from the order state machine (e.g. "shipped"). */
  status: string;
  /** 中文状态, shown to the shopper (e.g. "已发货"). */
  statusText: string;
  /** e.g. "美的 1.5匹变频空调 ×1，小米电视 ×1" */
  itemsSummary: string;
  carrier?: string;
  trackingNo?: string;
  /** The newest parcel trace line the carrier reported (快递100), once the order has shipped. */
  latestTrace?: { time: number; context: string };
  /** UTC epoch ms. */
  createdAt: number;
}

export interface ChatTurn {
  /** "assistant" covers both the bot and human staff. */
  role: "user" | "assistant";
  text: string;
  /** FAQ ids the assistant answered from; lets the bot avoid repeating an answer the shopper rejected. */
  sources?: string[];
}
