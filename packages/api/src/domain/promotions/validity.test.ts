import { describe, expect, it } from "vitest";
import { promoIneligibility, type PricingPromo } from "../pricing";
import { promoState, type PromoState } from "./validity";

const now = new Date("2026-06-01T12:00:00Z");
const base = { active: true, startsAt: null, expiresAt: null, usageLimit: null, usageCount: 0 };

describe("promoState", () => {
  it("is ACTIVE with no limits", () => expect(promoState(base, now)).toBe("ACTIVE"));
  it("is DISABLED when switched off, whatever else", () => expect(promoState({ ...base, active: false, expiresAt: new Date(0) }, now)).toBe("DISABLED"));
  it("is EXPIRED at and after expiresAt", () => expect(promoState({ ...base, expiresAt: now }, now)).toBe("EXPIRED"));
  it("is EXHAUSTED when the usage limit is reached", () => expect(promoState({ ...base, usageLimit: 3, usageCount: 3 }, now)).toBe("EXHAUSTED"));
  it("is SCHEDULED before startsAt", () => expect(promoState({ ...base, startsAt: new Date("2026-07-01T00:00:00Z") }, now)).toBe("SCHEDULED"));
  it("says EXPIRED, not SCHEDULED, for a code whose window is wrongly set (ends before it starts)", () =>
    expect(promoState({ ...base, startsAt: new Date("2026-07-01T00:00:00Z"), expiresAt: new Date("2026-05-01T00:00:00Z") }, now)).toBe("EXPIRED"));
});

// The buyer's reason and the admin's badge come from the same rule: for every combination of the
// validity fields, the cart refuses exactly when the badge is not ACTIVE, with that state's words.
describe("the buyer's reason agrees with the admin's state", () => {
  const words: Record<PromoState, RegExp | null> = {
    ACTIVE: null,
    DISABLED: /no longer active/,
    EXPIRED: /expired on/,
    EXHAUSTED: /fully redeemed/,
    SCHEDULED: /not valid until/,
  };
  const past = new Date("2026-05-01T00:00:00Z");
  const future = new Date("2026-07-01T00:00:00Z");
  const cases = [true, false].flatMap((active) =>
    [null, past, future].flatMap((startsAt) =>
      [null, past, future, now].flatMap((expiresAt) => [null, 1].map((usageLimit) => ({ active, startsAt, expiresAt, usageLimit, usageCount: 1 }))),
    ),
  );
  it.each(cases)("%o", (validity) => {
    const promo: PricingPromo = { ...validity, code: "TEST", type: "PERCENT", value: 1000, currency: "USD", minSubtotalCents: 0, sellerId: null };
    const reason = promoIneligibility(promo, { currency: "USD", lines: [{ id: "l", sellerId: "s", unitPriceCents: 1000, quantity: 1 }], sellers: [], now });
    const expected = words[promoState(validity, now)];
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
