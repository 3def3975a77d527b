import { describe, expect, it } from "vitest";
import {
  confidenceDecision,
  escalationBeforeAnswer,
  DEFAULT_ESCALATION_POLICY as P,
  unresolvedSignals,
} from "./escalation";
import type { ChatTurn } from "./types";

const user = (text: string): ChatTurn => ({ role: "user", text });
const bot = (text: string, sources: string[] = ["x"]): ChatTurn => ({ role: "assistant", text, sources });

describe("unresolvedSignals", () => {
  it("counts dissatisfied replies and repeated questions", () => {
    expect(unresolvedSignals([], "退款多久到账")).toBe(0);
    expect(unresolvedSignals([user("退款多久到账"), bot("…")], "没用")).toBe(1);
    expect(unresolvedSignals([user("退款多久到账"), bot("…")], "退款多久到账？")).toBe(1);
    expect(unresolvedSignals([user("退款多久"), bot("…"), user("没用"), bot("…")], "还是没解决")).toBe(2);
  });
  it("only looks at the recent window", () => {
    const old = [user("没用"), bot("…"), user("没用"), bot("…")];
    const recent = Array.from({ length: 6 }, (_, i) => [user(`问题${i}号`), bot("…")]).flat();
    expect(unresolvedSignals([...old, ...recent], "谢谢")).toBe(0);
  });
});

describe("escalationBeforeAnswer", () => {
  it("escalates explicit requests, complaints and unresolved conversations", () => {
    expect(escalationBeforeAnswer([], "转人工")).toBe("explicit");
    expect(escalationBeforeAnswer([], "我要投诉安装师傅")).toBe("complaint");
    expect(escalationBeforeAnswer([user("退款多久"), bot("…"), user("没用"), bot("…")], "答非所问")).toBe(
      "unresolved",
    );
    expect(escalationBeforeAnswer([user("退款多久"), bot("…")], "没用")).toBeUndefined();
    expect(escalationBeforeAnswer([], "空调安装收费吗")).toBeUndefined();
  });
});

describe("confidenceDecision", () => {
  it("answers, defers to the LLM, or escalates by confidence band", () => {
    expect(confidenceDecision(P.answerConfidence, false)).toBe("answer");
    expect(confidenceDecision(P.answerConfidence - 0.01, false)).toBe("escalate");
    const band = { ...P, llmConfidenceFloor: P.answerConfidence - 0.08 };
    expect(confidenceDecision(P.answerConfidence - 0.01, true, band)).toBe("ask_llm");
    expect(confidenceDecision(band.llmConfidenceFloor - 0.01, true, band)).toBe("escalate");
    // By default there is no band: with or without an LLM, the same questions are answered.
    expect(confidenceDecision(P.answerConfidence - 0.01, true)).toBe("escalate");
    expect(P.llmContextFloor).toBeLessThan(P.answerConfidence);
    expect(confidenceDecision(0, true)).toBe("escalate");
  });
});
