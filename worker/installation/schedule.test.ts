import { describe, expect, it } from "vitest";
import {
  addDays,
  beforeCutoff,
  beijingDate,
  beijingMidnight,
  changeDeadline,
  DEFAULT_CUTOFF,
  datesBetween,
  describeCutoff,
  isDate,
  planSlots,
  slotLabel,
  windowsProblem,
} from "./schedule";

const at = (iso: string) => Date.parse(iso);

describe("Beijing dates", () => {
  it("reads an instant's Beijing date", () => {
    expect(beijingDate(at("2025-07-01T15:59:59Z"))).toBe("2025-07-01");
    expect(beijingDate(at("2025-07-01T16:00:00Z"))).toBe("2025-07-02");
  });

  it("gives midnight Beijing time in UTC", () => {
    expect(beijingMidnight("2025-07-02")).toBe(at("2025-07-01T16:00:00Z"));
  });

  it("validates calendar dates and counts days across month and year ends", () => {
    expect(isDate("2025-02-29")).toBe(false);
    expect(isDate("2024-02-29")).toBe(true);
    expect(isDate("2025-7-1")).toBe(false);
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(datesBetween("2025-02-27", "2025-03-02")).toEqual([
      "2025-02-27",
      "2025-02-28",
      "2025-03-01",
      "2025-03-02",
    ]);
    expect(datesBetween("2025-03-02", "2025-03-01")).toEqual([]);
  });
});

describe("slots", () => {
  it("plans each window on each date in Beijing time", () => {
    const slots = planSlots("2025-07-01", "2025-07-02", [
      { start: "09:00", end: "12:00", capacity: 4 },
      { start: "13:00", end: "18:00", capacity: 6 },
    ]);
    expect(slots).toHaveLength(4);
    expect(slots[0]).toEqual({
      date: "2025-07-01",
      startsAt: at("2025-07-01T01:00:00Z"),
      endsAt: at("2025-07-01T04:00:00Z"),
      capacity: 4,
    });
    expect(slotLabel(slots[3]!.startsAt, slots[3]!.endsAt)).toBe("13:00–18:00");
  });

  it("refuses windows that end before they start or overlap", () => {
    expect(windowsProblem([{ start: "09:00", end: "12:00", capacity: 1 }])).toBeNull();
    expect(windowsProblem([{ start: "12:00", end: "09:00", capacity: 1 }])).toMatch(
      /开始时间必须早于结束时间/,
    );
    expect(
      windowsProblem([
        { start: "13:00", end: "18:00", capacity: 1 },
        { start: "09:00", end: "13:30", capacity: 1 },
      ]),
    ).toBe("时段 09:00–13:30 与 13:00–18:00 重叠");
  });
});

describe("change cut-off", () => {
  it("defaults to 18:00 Beijing time the day before the slot", () => {
    expect(changeDeadline("2025-07-10", DEFAULT_CUTOFF)).toBe(at("2025-07-09T10:00:00Z"));
    expect(beforeCutoff(at("2025-07-09T09:59:59Z"), "2025-07-10", DEFAULT_CUTOFF)).toBe(true);
    expect(beforeCutoff(at("2025-07-09T10:00:00Z"), "2025-07-10", DEFAULT_CUTOFF)).toBe(false);
    expect(describeCutoff(DEFAULT_CUTOFF)).toBe("服务前一天 18:00");
  });

  it("is configurable: same day 08:00, or two days before", () => {
    expect(changeDeadline("2025-07-10", { daysBefore: 0, minute: 8 * 60 })).toBe(at("2025-07-10T00:00:00Z"));
    expect(changeDeadline("2025-07-01", { daysBefore: 2, minute: 20 * 60 })).toBe(at("2025-06-29T12:00:00Z"));
    expect(describeCutoff({ daysBefore: 0, minute: 480 })).toBe("服务当天 08:00");
    expect(describeCutoff({ daysBefore: 2, minute: 1200 })).toBe("服务前 2 天 20:00");
  });
});
