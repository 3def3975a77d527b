import { describe, expect, it } from "vitest";
import {
  checkInvoiceTitle,
  editableByShopper,
  invoiceableStatus,
  isValidInvoiceNo,
  isValidTaxNo,
  looksLikePdf,
  usccCheckChar,
} from "./rules";

// A credit code built from a 17-character body and its computed check character.
const BODY = "91350100M000100Y4";
const VALID = BODY + usccCheckChar(BODY);

describe("纳税人识别号", () => {
  it("accepts an 18-character credit code only with the right check character", () => {
    // Published example of a valid code (its check character is 3).
    expect(isValidTaxNo("91350100M000100Y43")).toBe(true);
    expect(VALID).toBe("91350100M000100Y43");
    expect(isValidTaxNo("91350100M000100Y44")).toBe(false);
    expect(isValidTaxNo("91350100m000100y43")).toBe(true);
    // I, O, S, V, Z are not in the alphabet.
    expect(isValidTaxNo("91350100I000100Y43")).toBe(false);
  });
  it("accepts the older 15/17/20-character numbers and nothing else", () => {
    expect(isValidTaxNo("110108123456789")).toBe(true);
    expect(isValidTaxNo("11010812345678901234")).toBe(true);
    expect(isValidTaxNo("1101081234")).toBe(false);
    expect(isValidTaxNo("11010812345678-")).toBe(false);
  });
});

describe("抬头", () => {
  it("a personal title needs no tax number and drops one that was sent", () => {
    expect(checkInvoiceTitle({ kind: "personal", title: " 张三 ", taxNo: "X" })).toEqual({
      ok: true,
      value: { kind: "personal", title: "张三", taxNo: null, email: null },
    });
  });
  it("a company title needs a valid tax number; errors name their field", () => {
    expect(checkInvoiceTitle({ kind: "company", title: "家电商城有限公司" })).toMatchObject({
      ok: false,
      field: "taxNo",
    });
    expect(
      checkInvoiceTitle({ kind: "company", title: "家电商城有限公司", taxNo: "91350100M000100Y44" }),
    ).toMatchObject({ ok: false, field: "taxNo" });
    expect(checkInvoiceTitle({ kind: "company", title: "家", taxNo: VALID })).toMatchObject({
      ok: false,
      field: "title",
    });
    expect(
      checkInvoiceTitle({
        kind: "company",
        title: "家电商城有限公司",
        taxNo: " 91350100m000100y43 ",
        email: "a@b.cn",
      }),
    ).toEqual({
      ok: true,
      value: { kind: "company", title: "家电商城有限公司", taxNo: "91350100M000100Y43", email: "a@b.cn" },
    });
  });
  it("checks the e-mail when one is given", () => {
    expect(checkInvoiceTitle({ kind: "personal", title: "个人", email: "not-mail" })).toMatchObject({
      ok: false,
      field: "email",
    });
  });
});

describe("when", () => {
  it("only paid, shipped or completed orders are invoiceable", () => {
    expect(["paid", "shipped", "completed"].every((s) => invoiceableStatus(s as never))).toBe(true);
    expect(invoiceableStatus("pending_payment")).toBe(false);
    expect(invoiceableStatus("cancelled")).toBe(false);
  });
  it("the shopper edits a request until it is issued or cancelled", () => {
    expect(editableByShopper("requested")).toBe(true);
    expect(editableByShopper("rejected")).toBe(true);
    expect(editableByShopper("issued")).toBe(false);
    expect(editableByShopper("cancelled")).toBe(false);
  });
  it("invoice numbers and PDF bytes", () => {
    expect(isValidInvoiceNo("24312000000012345678")).toBe(true);
    expect(isValidInvoiceNo("12345678")).toBe(true);
    expect(isValidInvoiceNo("1234567")).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode("%PDF-1.7\n..."))).toBe(true);
    expect(looksLikePdf(new TextEncoder().encode("<html>...</html>"))).toBe(false);
  });
});
