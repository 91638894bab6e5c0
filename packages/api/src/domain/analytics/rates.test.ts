import { describe, expect, it } from "vitest";
import { averageCents, ratio, utcDays } from "./rates";

describe("dashboard ratios", () => {
  it("divides, or gives null when there is nothing to divide by", () => {
    expect(ratio(1, 4)).toBe(0.25);
    expect(ratio(0, 0)).toBeNull();
  });

  it("averages to whole cents", () => {
    expect(averageCents(1000, 3)).toBe(333);
    expect(averageCents(1001, 2)).toBe(501);
    expect(averageCents(0, 0)).toBeNull();
  });

  it("lists UTC days of a half-open range", () => {
    expect(utcDays(new Date("2026-03-30T10:00:00Z"), new Date("2026-04-02T00:00:00Z"))).toEqual(["2026-03-30", "2026-03-31", "2026-04-01"]);
    expect(utcDays(new Date("2026-03-30T00:00:00Z"), new Date("2026-03-30T00:00:00Z"))).toEqual([]);
  });
});
