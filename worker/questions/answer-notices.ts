// The asker's in-app notice when their question gets an answer. Both statements go into the answer's own
// batch, right after its INSERT, so the notice costs no round trip and exists exactly when the answer does.
//
// Rule: at most one UNREAD notice per question. While it is unread, a further answer refreshes its body
// (so it shows the newest answer) instead of adding another; once the shopper reads it, the next answer
// brings a new one. We chose "refresh the unread one" over a dedupe key released on read because it
// needs no change to how notices are read (markRead stays generic for every domain), and the message
// center still gets a fresh notice after each read. The unique dedupe key is per answer
// (`question:<qid>:answer:<aid>`), so a retried statement never duplicates either.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { ANSWER_NOTICE_TITLE, answerNoticeTail, NOTICE_SNIPPET_CHARS } from "./rules";

export type Answerer = { shopperId: number } | { staffId: number };

/**
 * `[refresh, insert]` for the batch of the answer just inserted by `answerer` at `createdAt`.
 * "Just inserted" is `last_insert_rowid()` of this connection (the batch's previous statement), checked
 * against the question, author and time, so a refused answer (no row inserted) notifies nobody.
 */
export function answerNoticeStatements(
  db: Db,
  questionId: number,
  answerer: Answerer,
  answer: string,
  createdAt: number,
): [BatchItem<"sqlite">, BatchItem<"sqlite">] {
  const shopperId = "shopperId" in answerer ? answerer.shopperId : null;
  const staffId = "staffId" in answerer ? answerer.staffId : null;
  const n = NOTICE_SNIPPET_CHARS.question;
  const body = sql`'「' || CASE WHEN length(q.content) > ${n} THEN substr(q.content, 1, ${n}) || '…'
      ELSE q.content END || '」' || ${answerNoticeTail(staffId !== null ? "merchant" : "buyer", answer)}`;
  // The answer row just written, on a visible question asked by someone other than the answerer.
  const fresh = sql`a.id = last_insert_rowid() AND a.question_id = ${questionId} AND a.created_at = ${createdAt}
      AND a.shopper_id IS ${shopperId} AND a.staff_id IS ${staffId}
      AND q.status = 'visible' AND (${shopperId} IS NULL OR q.shopper_id != ${shopperId})`;
  const unreadOfAsker = sql`m.audience = 'shopper' AND m.ref_type = 'question'
      AND m.ref_id = ${String(questionId)} AND m.read_at IS NULL AND m.shopper_id = q.shopper_id`;
  return [
    db.run(sql`UPDATE merchant_notifications AS m SET body = (
        SELECT ${body} FROM product_answers a JOIN product_questions q ON q.id = a.question_id WHERE ${fresh})
      WHERE EXISTS (SELECT 1 FROM product_answers a JOIN product_questions q ON q.id = a.question_id
        WHERE ${fresh} AND ${unreadOfAsker})`),
    db.run(sql`INSERT INTO merchant_notifications
        (audience, shopper_id, kind, title, body, ref_type, ref_id, created_at, dedupe_key)
      SELECT 'shopper', q.shopper_id, 'question_answered', ${ANSWER_NOTICE_TITLE}, ${body}, 'question',
        ${String(questionId)}, ${createdAt}, ${`question:${questionId}:answer:`} || a.id
      FROM product_answers a JOIN product_questions q ON q.id = a.question_id
      WHERE ${fresh} AND NOT EXISTS (SELECT 1 FROM merchant_notifications m WHERE ${unreadOfAsker})
      ON CONFLICT(dedupe_key) DO NOTHING`),
  ];
}
