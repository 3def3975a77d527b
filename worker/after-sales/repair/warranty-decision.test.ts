import { describe, expect, it } from "vitest";
import { WARRANTY_POLICIES } from "../warranty-policies";
import { decideWarranty } from "./warranty-decision";

/** Epoch ms of a Beijing wall-clock time. */
const bj = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h - 8, min);
const policy = (slug: string) => WARRANTY_POLICIES.find((p) => p.slug === slug)!;

describe("decideWarranty", () => {
  const installed = bj(2025, 3, 10, 15);

  it("is in warranty through the last covered Beijing day, out of it from the next midnight", () => {
    const basis = { policy: policy("washer"), kind: "installation" as const, startsAt: installed };
    const lastMinute = decideWarranty(basis, bj(2026, 3, 9, 23, 59));
    expect(lastMinute).toMatchObject({ inWarranty: true, startsAt: installed, endsAt: bj(2026, 3, 10) });
    expect(lastMinute.note).toBe(
      "在保修期内：洗衣机整机保修至 2026-03-09（自安装之日（2025-03-10）起），配件与人工免费",
    );
    const nextDay = decideWarranty(basis, bj(2026, 3, 10));
    expect(nextDay.inWarranty).toBe(false);
    expect(nextDay.note).toBe(
      "已过整机保修期（2026-03-09 到期，自安装之日（2025-03-10）起），配件与人工按实收费；主要部件（电机、程控器（电脑板））保修至 2028-03-09",
    );
  });

  it("counts from the invoice date of a registered product", () => {
    const basis = { policy: policy("tv"), kind: "registration" as const, startsAt: bj(2024, 1, 15) };
    expect(decideWarranty(basis, bj(2025, 1, 14, 12)).inWarranty).toBe(true);
    const out = decideWarranty(basis, bj(2025, 1, 15, 0, 1));
    expect(out.inWarranty).toBe(false);
    expect(out.note).toContain("自发票购买日期（2024-01-15）起");
  });

  it("honours a product's longer whole-unit promise, never a shorter one", () => {
    const start = bj(2023, 6, 1);
    const longer = { policy: policy("tv"), kind: "delivery" as const, startsAt: start, wholeUnitMonths: 36 };
    expect(decideWarranty(longer, bj(2026, 5, 31, 23)).inWarranty).toBe(true);
    expect(decideWarranty(longer, bj(2026, 6, 1)).inWarranty).toBe(false);
    const shorter = { ...longer, wholeUnitMonths: 6, startsAt: bj(2025, 6, 1) };
    expect(decideWarranty(shorter, bj(2026, 1, 1)).inWarranty).toBe(true);
  });

  it("mentions main parts only while they are still covered", () => {
    const basis = { policy: policy("small-appliance"), kind: "payment" as const, startsAt: bj(2020, 1, 1) };
    const d = decideWarranty(basis, bj(2025, 1, 1));
    expect(d.inWarranty).toBe(false);
    expect(d.note).not.toContain("主要部件");
  });
});
