import { describe, expect, it } from "vitest";
import { promoState } from "./promo-state";

const now = new Date("2026-06-01T12:00:00Z");
const base = {
  active: true,
  startsAt: null,
  expiresAt: null,
  usageLimit: null,
  usageCount: 0,
};

describe("promoState", () => {
  it("is ACTIVE with no limits", () =>
    expect(promoState(base, now)).toBe("ACTIVE"));
  it("is DISABLED when switched off, whatever else", () =>
    expect(
      promoState({ ...base, active: false, expiresAt: new Date(0) }, now),
    ).toBe("DISABLED"));
  it("is EXPIRED at and after expiresAt", () =>
    expect(promoState({ ...base, expiresAt: now }, now)).toBe("EXPIRED"));
  it("is EXHAUSTED when the usage limit is reached", () =>
    expect(promoState({ ...base, usageLimit: 3, usageCount: 3 }, now)).toBe(
      "EXHAUSTED",
    ));
  it("is SCHEDULED before startsAt", () =>
    expect(
      promoState({ ...base, startsAt: new Date("2026-07-01T00:00:00Z") }, now),
    ).toBe("SCHEDULED"));
});
