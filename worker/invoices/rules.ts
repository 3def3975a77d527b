// 电子发票 rules, free of I/O: who may ask for an invoice on which order, what a valid 抬头 is, and
// which way a request may move. The amount is not here: it is what was paid minus what was refunded,
// read by the service at the moment the merchant issues it.
import type { OrderStatus } from "../orders/state-machine";

export type InvoiceKind = "personal" | "company";
/** requested → issued | rejected; rejected → requested (asked again); requested → cancelled (order cancelled). */
export type InvoiceStatus = "requested" | "issued" | "rejected" | "cancelled";

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  requested: "开票中",
  issued: "已开票",
  rejected: "未通过",
  cancelled: "已取消",
};
export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = { personal: "个人", company: "企业" };

export interface InvoiceTitleInput {
  kind: InvoiceKind;
  title: string;
  taxNo?: string | null | undefined;
  email?: string | null | undefined;
}

export interface InvoiceTitle {
  kind: InvoiceKind;
  title: string;
  taxNo: string | null;
  email: string | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

// 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a check character.
const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character the first 17 characters call for, or null when one is not in the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i] ?? "");
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** A company's 纳税人识别号: the 18-character credit code (checked), or an older 15/17/20-character number. */
export function isValidTaxNo(raw: string): boolean {
  const s = raw.toUpperCase();
  if (s.length === 18) return usccCheckChar(s.slice(0, 17)) === s[17];
  return /^[0-9A-Z]{15}$|^[0-9A-Z]{17}$|^[0-9A-Z]{20}$/.test(s);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Normalises and checks a 抬头; errors name the field they concern. */
export function checkInvoiceTitle(input: InvoiceTitleInput): Checked<InvoiceTitle> {
  const title = input.title.trim();
  const email = input.email?.trim() || null;
  if (email && (email.length > 100 || !EMAIL.test(email)))
    return { ok: false, field: "email", message: "邮箱格式不正确" };
  if (input.kind === "personal") {
    if (title.length < 1 || title.length > 50)
      return { ok: false, field: "title", message: "个人抬头请填写 1–50 个字（可填“个人”或姓名）" };
    return { ok: true, value: { kind: "personal", title, taxNo: null, email } };
  }
  if (title.length < 2 || title.length > 100)
    return { ok: false, field: "title", message: "请填写单位全称（2–100 个字）" };
  const taxNo = (input.taxNo ?? "").replace(/\s+/g, "").toUpperCase();
  if (!taxNo) return { ok: false, field: "taxNo", message: "企业抬头须填写纳税人识别号" };
  if (!isValidTaxNo(taxNo))
    return {
      ok: false,
      field: "taxNo",
      message: "纳税人识别号格式不正确，请核对（通常为 18 位统一社会信用代码）",
    };
  return { ok: true, value: { kind: "company", title, taxNo, email } };
}

/** Orders that were paid and are not cancelled may have an invoice. */
export function invoiceableStatus(status: OrderStatus): boolean {
  return status === "paid" || status === "shipped" || status === "completed";
}

/** The shopper may (re)submit the 抬头 while nothing has been issued. */
export const editableByShopper = (status: InvoiceStatus) => status === "requested" || status === "rejected";

/** A 数电发票 number is 20 digits; older e-invoices have an 8-digit number (with a 10/12-digit code). */
export const isValidInvoiceNo = (no: string) => /^\d{20}$|^\d{8}$/.test(no);

/** Whether the bytes are a PDF (by their header, never by a declared type). */
export const looksLikePdf = (bytes: Uint8Array) =>
  bytes.length > 8 &&
  bytes[0] === 0x25 &&
  bytes[1] === 0x50 &&
  bytes[2] === 0x44 &&
  bytes[3] === 0x46 &&
  bytes[4] === 0x2d;
