import { describe, expect, it } from "vitest";
import { cronMatches, parseCron } from "./cron";

const at = (iso: string) => new Date(iso);

describe("cron", () => {
  it("fires every minute for * * * * *", () => {
    const schedule = parseCron("* * * * *");
    expect(cronMatches(schedule, at("2026-03-04T05:06:00Z"))).toBe(true);
  });

  it("reads steps, ranges and lists", () => {
    const schedule = parseCron("*/15 9-17 * * 1,3,5");
    expect(cronMatches(schedule, at("2026-03-04T09:30:00Z"))).toBe(true); // Wednesday
    expect(cronMatches(schedule, at("2026-03-04T09:31:00Z"))).toBe(false);
    expect(cronMatches(schedule, at("2026-03-04T18:00:00Z"))).toBe(false);
    expect(cronMatches(schedule, at("2026-03-03T09:30:00Z"))).toBe(false); // Tuesday
  });

  it("matches either day field when both are restricted, and 7 as Sunday", () => {
    const schedule = parseCron("0 0 1 * 7");
    expect(cronMatches(schedule, at("2026-03-01T00:00:00Z"))).toBe(true); // the 1st (a Sunday too)
    expect(cronMatches(schedule, at("2026-04-01T00:00:00Z"))).toBe(true); // the 1st
    expect(cronMatches(schedule, at("2026-03-08T00:00:00Z"))).toBe(true); // a Sunday
    expect(cronMatches(schedule, at("2026-03-09T00:00:00Z"))).toBe(false);
  });

  it("refuses malformed schedules", () => {
    expect(() => parseCron("* * * *")).toThrow(/five fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/out of range/);
    expect(() => parseCron("@hourly * * * *")).toThrow(/cannot read/);
  });
});
