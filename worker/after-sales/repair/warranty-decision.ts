// Whether a repair is covered: decided by the server from the unit's warranty start (installation day of
// its serial, delivery, or the registered purchase date) and the category's policy. Pure.
import { formatShanghaiDateTime } from "../../payments/gateways/china-time";
import { warrantyStatus } from "../warranty";
import type { WarrantyPolicy } from "../warranty-policies";

/** Where the warranty start came from (shown to staff and the shopper). */
export type WarrantyBasisKind = "installation" | "delivery" | "payment" | "registration";

export interface WarrantyBasis {
  policy: WarrantyPolicy;
  kind: WarrantyBasisKind;
  startsAt: number;
  /** The product's own whole-unit promise in months (products.warranty_months). */
  wholeUnitMonths?: number;
}

export interface WarrantyDecision {
  /** In warranty: parts and labour are free. Decided on the whole-unit (整机) coverage. */
  inWarranty: boolean;
  startsAt: number;
  /** Exclusive end of the whole-unit coverage (Beijing midnight). */
  endsAt: number;
  note: string;
}

const BASIS_LABEL: Record<WarrantyBasisKind, string> = {
  installation: "安装之日",
  delivery: "签收之日",
  payment: "付款之日",
  registration: "发票购买日期",
};

/** Beijing calendar day of an instant, YYYY-MM-DD. */
const day = (ms: number) => formatShanghaiDateTime(ms).slice(0, 10);
/** The last covered Beijing day of an exclusive end at Beijing midnight. */
const lastDay = (endsAt: number) => day(endsAt - 1);

export function decideWarranty(basis: WarrantyBasis, now: number): WarrantyDecision {
  const s = warrantyStatus(basis.policy, basis.startsAt, now, basis.wholeUnitMonths);
  const from = `自${BASIS_LABEL[basis.kind]}（${day(basis.startsAt)}）起`;
  const whole = s.wholeUnit;
  let note: string;
  if (whole.active)
    note = `在保修期内：${s.category}整机保修至 ${lastDay(whole.endsAt)}（${from}），配件与人工免费`;
  else if (now < basis.startsAt) note = `在保修期内：保修${from}计算，配件与人工免费`;
  else {
    note = `已过整机保修期（${lastDay(whole.endsAt)} 到期，${from}），配件与人工按实收费`;
    if (s.mainParts?.active)
      note += `；主要部件（${s.mainParts.parts.join("、")}）保修至 ${lastDay(s.mainParts.endsAt)}`;
  }
  // A purchase date in the future (clock skew, a typo the merchant approved) never costs the shopper.
  const inWarranty = whole.active || now < basis.startsAt;
  return { inWarranty, startsAt: basis.startsAt, endsAt: whole.endsAt, note };
}
