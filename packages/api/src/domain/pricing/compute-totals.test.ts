import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals, type PricingPromo, type PricingSeller } from "./compute-totals";

const now = new Date("2026-11-25T12:00:00Z");
const sellers: PricingSeller[] = [
  { id: "s1", shopName: "Northwind Audio", shippingFlatCents: 599, freeShippingOverCents: 5000 },
  { id: "s2", shopName: "Oak & Ember Home", shippingFlatCents: 450, freeShippingOverCents: null },
];
const promo = (overrides: Partial<PricingPromo> = {}): PricingPromo => ({
  code: "WELCOME10",
  type: "PERCENT",
  value: 1000,
  currency: "USD",
  minSubtotalCents: 0,
  startsAt: null,
  expiresAt: null,
  usageLimit: null,
  usageCount: 0,
  sellerId: null,
  active: true,
  ...overrides,
});

const noLoyalty = { tierDiscountCents: 0, shippingDiscountCents: 0, pointsDiscountCents: 0, sellerFundedCents: 0 };

describe("computeTotals", () => {
  it("prices a two-seller cart with a platform-wide percent promo, shipping and tax", () => {
    const totals = computeTotals({
      currency: "USD",
      lines: [
        { id: "a", sellerId: "s1", unitPriceCents: 2999, quantity: 2 },
        { id: "b", sellerId: "s1", unitPriceCents: 1000, quantity: 1 },
        { id: "c", sellerId: "s2", unitPriceCents: 1550, quantity: 1 },
      ],
      sellers,
      promo: promo(),
      taxRateBps: 825,
      now,
    });
    // s1: 6998 goods, 700 off -> 6298 (free shipping over 5000), tax 8.25% of 6298 = 519.585 -> 520
    // s2: 1550 goods, 155 off -> 1395, shipping 450, tax 115.0875 -> 115
    expect(totals.sellers).toEqual([
      { sellerId: "s1", subtotalCents: 6998, discountCents: 700, shippingCents: 0, taxCents: 520, totalCents: 6818, ...noLoyalty },
      { sellerId: "s2", subtotalCents: 1550, discountCents: 155, shippingCents: 450, taxCents: 115, totalCents: 1960, ...noLoyalty },
    ]);
    expect(totals).toMatchObject({ subtotalCents: 8548, discountCents: 855, shippingCents: 450, taxCents: 635, totalCents: 8778, taxCalculated: true });
    expect(totals.promo).toEqual({ code: "WELCOME10", applied: true, discountCents: 855 });
    expect(totals.lines.map((line) => line.discountCents)).toEqual([600, 100, 155]);
    expect(totals.lines.reduce((s, line) => s + line.taxCents, 0)).toBe(635);
  });

  it("applies a fixed promo over its minimum and explains why it does not apply below it", () => {
    const lines = [{ id: "a", sellerId: "s2", unitPriceCents: 1000, quantity: 3 }];
    const applied = computeTotals({
      currency: "USD",
      lines,
      sellers,
      promo: promo({ code: "SAVE5", type: "FIXED", value: 500, minSubtotalCents: 3000 }),
      taxRateBps: null,
      now,
    });
    expect(applied).toMatchObject({ discountCents: 500, shippingCents: 450, taxCents: 0, totalCents: 2950, taxCalculated: false });
    const refused = computeTotals({
      currency: "USD",
      lines,
      sellers,
      promo: promo({ code: "SAVE5", type: "FIXED", value: 500, minSubtotalCents: 3001 }),
      taxRateBps: null,
      now,
    });
    expect(refused.discountCents).toBe(0);
    expect(refused.promo).toEqual({ code: "SAVE5", applied: false, reason: "Promo code SAVE5 needs a subtotal of at least $30.01 (yours: $30.00)." });
  });

  it("limits a seller's promo to that seller's lines and a fixed promo to the goods' value", () => {
    const totals = computeTotals({
      currency: "USD",
      lines: [
        { id: "a", sellerId: "s1", unitPriceCents: 300, quantity: 1 },
        { id: "b", sellerId: "s2", unitPriceCents: 5000, quantity: 1 },
      ],
      sellers,
      promo: promo({ type: "FIXED", value: 1000, sellerId: "s1" }),
      taxRateBps: 0,
      now,
    });
    expect(totals.lines.map((line) => line.discountCents)).toEqual([300, 0]);
    expect(totals.sellers[0]).toMatchObject({ discountCents: 300, shippingCents: 599, totalCents: 599 });
  });

  it("refuses expired, not yet valid, used-up, inactive, foreign-currency and other-shop promos with reasons", () => {
    const lines = [{ id: "a", sellerId: "s1", unitPriceCents: 1000, quantity: 1 }];
    const reasonFor = (p: PricingPromo) => {
      const outcome = computeTotals({ currency: "USD", lines, sellers, promo: p, taxRateBps: null, now }).promo;
      return outcome && !outcome.applied ? outcome.reason : null;
    };
    expect(reasonFor(promo({ expiresAt: new Date("2026-11-01T00:00:00Z") }))).toBe("Promo code WELCOME10 expired on 2026-11-01.");
    expect(reasonFor(promo({ startsAt: new Date("2026-12-01T00:00:00Z") }))).toMatch(/not valid until 2026-12-01/);
    expect(reasonFor(promo({ usageLimit: 5, usageCount: 5 }))).toMatch(/fully redeemed/);
    expect(reasonFor(promo({ active: false }))).toMatch(/no longer active/);
    expect(reasonFor(promo({ type: "FIXED", value: 100, currency: "EUR" }))).toMatch(/EUR orders only/);
    expect(reasonFor(promo({ sellerId: "s2" }))).toBe("Promo code WELCOME10 applies only to products from Oak & Ember Home, and none are in your cart.");
  });

  it("never loses or creates a cent, whatever the cart", () => {
    const line = fc.record({
      sellerId: fc.constantFrom("s1", "s2"),
      unitPriceCents: fc.integer({ min: 0, max: 500_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 10 }),
        fc.option(
          fc.oneof(
            fc.record({ type: fc.constant("PERCENT" as const), value: fc.integer({ min: 1, max: 10_000 }) }),
            fc.record({ type: fc.constant("FIXED" as const), value: fc.integer({ min: 1, max: 100_000 }) }),
          ),
        ),
        fc.option(fc.integer({ min: 0, max: 10_000 })),
        (rawLines, rawPromo, taxRateBps) => {
          const lines = rawLines.map((l, index) => ({ ...l, id: `l${index}` }));
          const totals = computeTotals({ currency: "USD", lines, sellers, promo: rawPromo ? promo(rawPromo) : null, taxRateBps, now });
          const add = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(totals.totalCents).toBe(totals.subtotalCents - totals.discountCents + totals.shippingCents + totals.taxCents);
          expect(add(totals.lines.map((l) => l.discountCents))).toBe(totals.discountCents);
          expect(add(totals.lines.map((l) => l.taxCents))).toBe(totals.taxCents);
          expect(add(totals.lines.map((l) => l.subtotalCents))).toBe(totals.subtotalCents);
          expect(add(totals.sellers.map((s) => s.totalCents))).toBe(totals.totalCents);
          for (const l of totals.lines) expect(l.discountCents).toBeLessThanOrEqual(l.subtotalCents);
          expect(totals.discountCents).toBe(totals.promo?.applied ? totals.promo.discountCents : 0);
        },
      ),
    );
  });
});
