import { describe, expect, it } from "vitest";
import { parseDuration, retryAt, sleepEnd } from "./time";

describe("durations", () => {
  it("reads the SDK's time strings", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("1h30m15s")).toBe(5_415_000);
    expect(parseDuration("2d")).toBe(172_800_000);
    expect(parseDuration("1w")).toBe(604_800_000);
  });

  it("refuses what it cannot read", () => {
    expect(() => parseDuration("")).toThrow(/not a duration/);
    expect(() => parseDuration("1 hour")).toThrow(/not a duration/);
  });

  it("ends a sleep after a duration or at a date", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    expect(sleepEnd("1h", from).toISOString()).toBe("2026-01-01T01:00:00.000Z");
    expect(sleepEnd("2026-02-01T00:00:00.000Z", from).toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(() => sleepEnd("", from)).toThrow(/Cannot sleep/);
  });
});

describe("retry backoff", () => {
  const from = new Date("2026-01-01T00:00:00Z");
  const delay = (attempt: number, retryAfter?: string) => retryAt(attempt, from, retryAfter).getTime() - from.getTime();

  it("doubles from 10 seconds up to an hour", () => {
    expect([0, 1, 2, 3].map((attempt) => delay(attempt))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(delay(20)).toBe(3_600_000);
  });

  it("follows a RetryAfterError's seconds or date", () => {
    expect(delay(0, "30")).toBe(30_000);
    expect(delay(0, "2026-01-01T00:05:00Z")).toBe(300_000);
  });
});
