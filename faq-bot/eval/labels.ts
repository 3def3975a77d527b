/** Labelled eval questions: the shape and small constructors shared by the dev and test splits. */
import type { ChatTurn } from "../types";

export const ESCALATE = "escalate";

/** Why a question must reach a human (or, for out_of_scope, must not get a made-up FAQ answer). */
export type EscalationKind = "human" | "complaint" | "unresolved" | "out_of_scope";

export interface EvalQuestion {
  question: string;
  /** Acceptable FAQ ids (any one answers it), or [ESCALATE]. */
  expected: readonly string[];
  /** Set for questions labelled ESCALATE. */
  kind?: EscalationKind;
  /** Earlier turns of the conversation, for escalation after repeated dissatisfaction. */
  history?: ChatTurn[];
}

/** An answerable question and the FAQ ids that answer it, best first. */
export const q = (question: string, ...ids: string[]): EvalQuestion => ({ question, expected: ids });

const escalate = (kind: EscalationKind) => (question: string) => ({
  question,
  expected: [ESCALATE],
  kind,
});

/** Asks for a person, in any words. */
export const human = escalate("human");
/** Complains or threatens: a person must own it. */
export const complaint = escalate("complaint");
/** Nothing the FAQ answers. */
export const outOfScope = escalate("out_of_scope");

/** Dissatisfied again after earlier unhelpful answers; turns as [role, text, answered-from id?]. */
export const unresolved = (question: string, turns: [ChatTurn["role"], string, string?][]): EvalQuestion => ({
  question,
  expected: [ESCALATE],
  kind: "unresolved",
  history: turns.map(([role, text, source]) => ({ role, text, ...(source ? { sources: [source] } : {}) })),
});

/** Requests for a person (the ≥ 95 % recall goal), as opposed to out-of-scope questions. */
export const isPersonRequest = (question: EvalQuestion) =>
  question.kind !== undefined && question.kind !== "out_of_scope";
