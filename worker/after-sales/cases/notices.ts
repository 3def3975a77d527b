// What the shopper (and, for new applications, the merchant) is told about a case, written into the
// message centre (notifications' merchant_notifications table) in the change's own batch. Keyed by
// case and status, so a retried change never notifies twice. The refund itself (requested, succeeded,
// failed) is announced once by the order's refund notices, whose reason names the case number.
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../../db/client";
import { merchantNotifications } from "../../notifications/schema";
import { CASE_TYPE_LABELS, type CaseStatus, type CaseType } from "./state-machine";

interface CaseFacts {
  caseNo: string;
  shopperId: number;
  type: CaseType;
  status: CaseStatus;
  refundFen: number;
  refuseReason: string | null;
}

/** Pure: the shopper's notice for a case that just reached `status`, if any. */
export function caseNoticeText(c: CaseFacts): { title: string; body: string } | undefined {
  const what = `${CASE_TYPE_LABELS[c.type]}申请 ${c.caseNo}`;
  switch (c.status) {
    case "approved":
      if (c.type === "refund_only") return { title: "售后已同意", body: `${what}已同意，正在为您退款` };
      if (c.type === "repair") return { title: "售后已同意", body: `${what}已同意，维修工单即将创建` };
      return { title: "售后已同意，请寄回商品", body: `${what}已同意，请在 7 天内寄回商品或预约上门取件` };
    case "refused":
      return { title: "售后申请未通过", body: `${what}未通过：${c.refuseReason ?? ""}` };
    case "received":
      return { title: "商家已收到退货", body: `${what}：商家已收到您寄回的商品` };
    case "exchange_shipped":
      return { title: "换货已发出", body: `${what}：换货商品已发出，请注意查收` };
    case "repairing":
      return { title: "维修工单已创建", body: `${what}：已为您创建维修工单，师傅将联系您预约上门` };
    case "closed":
      return { title: "售后已关闭", body: `${what}因超时未寄回商品已关闭` };
    default:
      return undefined;
  }
}

export function caseNoticeStatements(db: Db, c: CaseFacts, now: number): BatchItem<"sqlite">[] {
  const common = { refType: "after_sale", refId: c.caseNo, createdAt: now, kind: `after_sale_${c.status}` };
  const out: BatchItem<"sqlite">[] = [];
  const text = caseNoticeText(c);
  if (text)
    out.push(
      db
        .insert(merchantNotifications)
        .values({
          ...common,
          audience: "shopper",
          shopperId: c.shopperId,
          ...text,
          dedupeKey: `case:${c.caseNo}:${c.status}:shopper`,
        })
        .onConflictDoNothing(),
    );
  if (c.status === "applied" || c.status === "return_shipped")
    out.push(
      db
        .insert(merchantNotifications)
        .values({
          ...common,
          audience: "merchant",
          shopperId: null,
          title: c.status === "applied" ? "新的售后申请" : "顾客已寄回商品",
          body:
            c.status === "applied"
              ? `${CASE_TYPE_LABELS[c.type]}申请 ${c.caseNo} 待审核，2 天内未处理将自动同意`
              : `${CASE_TYPE_LABELS[c.type]}申请 ${c.caseNo}：顾客已寄回，请收货验货`,
          dedupeKey: `case:${c.caseNo}:${c.status}:merchant`,
        })
        .onConflictDoNothing(),
    );
  return out;
}
