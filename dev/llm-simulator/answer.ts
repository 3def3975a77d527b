/**
 * What the simulated model says: deterministic, read back from the grounding prompt the bot builds
 * (faq-bot/prompt.ts). An order question with orders gets the first order line; otherwise the first FAQ
 * entry's answer, lightly rephrased; with nothing to ground on, it asks for a human like a well-behaved
 * model would. Pure.
 */
import { FAQ_SECTION, ORDERS_SECTION } from "../../faq-bot/prompt";

export type SimulatedReply = { kind: "text"; text: string } | { kind: "handoff"; reason: string };

interface Message {
  role?: unknown;
  content?: unknown;
}

function section(system: string, marker: string): string[] {
  const start = system.indexOf(`${marker}\n`);
  if (start < 0) return [];
  const body = system.slice(start + marker.length + 1);
  const end = body.search(/\n\n【/);
  return (end < 0 ? body : body.slice(0, end)).split("\n").filter((l) => l.trim() !== "");
}

export function simulatedReply(messages: readonly Message[]): SimulatedReply {
  const system = messages.find((m) => m.role === "system")?.content;
  const text = typeof system === "string" ? system : "";
  const orderLine = section(text, ORDERS_SECTION).find((l) => l.startsWith("订单 "));
  if (orderLine) return { kind: "text", text: `您好，帮您查询到：${orderLine}如有其他问题随时问我。` };
  const faq = section(text, FAQ_SECTION);
  const question = faq.find((l) => l.startsWith("问："))?.slice(2);
  const answer = faq.find((l) => l.startsWith("答："))?.slice(2);
  if (question && answer) return { kind: "text", text: `您好，关于“${question}”：${answer}` };
  return { kind: "handoff", reason: "资料中没有可以回答该问题的内容" };
}
