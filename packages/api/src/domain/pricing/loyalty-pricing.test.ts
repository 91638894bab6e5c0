import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals, type PricingPromo, type PricingSeller, type PricingTier } from "./compute-totals";

const now = new Date("2026-12-14T12:00:00Z");
const sellers: PricingSeller[] = [
  { id: "s1", shopName: "Northwind Audio", shippingFlatCents: 599, freeShippingOverCents: 5000 },
  { id: "s2", shopName: "Oak & Ember Home", shippingFlatCents: 450, freeShippingOverCents: null },
];
const silver: PricingTier = { name: "Silver", discountBps: 300, freeShippingOverCents: 3500 };
const percentPromo = (value: number): PricingPromo => ({
  code: "SUMMER",
  type: "PERCENT",
  value,
  currency: "USD",
  minSubtotalCents: 0,
  startsAt: null,
  expiresAt: null,
  usageLimit: null,
  usageCount: 0,
  sellerId: null,
  active: true,
});
const points = (requested: number, maxShareBps = 5000) => ({ requested, stepPoints: 100, maxShareBps });

describe("computeTotals with a tier and points", () => {
  it("applies the promo, then the tier on what the promo left, then points on what the tier left, each as its own line", () => {
    const totals = computeTotals({
      currency: "USD",
      lines: [
        { id: "a", sellerId: "s1", unitPriceCents: 2000, quantity: 1 },
        { id: "b", sellerId: "s2", unitPriceCents: 1000, quantity: 1 },
      ],
      sellers,
      promo: percentPromo(1000),
      tier: silver,
      points: points(1000),
      taxRateBps: 1000,
      now,
    });
    // Promo 10% of 3000 = 300; tier 3% of 2700 = 81; points: 1000 requested, cap 50% of 2619 = 1309 -> 1000.
    expect(totals).toMatchObject({ subtotalCents: 3000, discountCents: 300, tierDiscountCents: 81, pointsDiscountCents: 1000, pointsRedeemed: 1000 });
    // Tax on the goods after the promo (Bazaar pays the loyalty discounts for the buyer): 180 + 90.
    expect(totals.taxCents).toBe(270);
    // Neither shop's goods after the promo (1800, 900) reach Silver's 3500: both charge shipping.
    expect(totals.shippingDiscountCents).toBe(0);
    expect(totals.totalCents).toBe(3000 - 300 - 81 - 1000 + 599 + 450 + 270);
    expect(totals.tier).toEqual({ name: "Silver", discountCents: 81, shippingDiscountCents: 0 });
    expect(totals.points).toEqual({ requested: 1000, redeemed: 1000, discountCents: 1000, maxRedeemable: 1300, reason: null });
    // Each line carries its share of each discount (largest remainder, by what the line still costs).
    expect(totals.lines.map((l) => [l.discountCents, l.tierDiscountCents, l.pointsDiscountCents])).toEqual([
      [200, 54, 667],
      [100, 27, 333],
    ]);
  });

  it("waives a shop's shipping over the tier's lower threshold, funded like the discount", () => {
    const totals = computeTotals({
      currency: "USD",
      lines: [{ id: "a", sellerId: "s2", unitPriceCents: 4000, quantity: 1 }],
      sellers,
      tier: silver,
      taxRateBps: 0,
      now,
    });
    expect(totals.sellers[0]).toMatchObject({ shippingCents: 450, shippingDiscountCents: 450, tierDiscountCents: 120, totalCents: 3880 });
    expect(totals.tier).toEqual({ name: "Silver", discountCents: 120, shippingDiscountCents: 450 });
  });

  it("rounds points down to whole steps and caps them at the share of the goods", () => {
    const order = (requested: number, maxShareBps?: number) =>
      computeTotals({
        currency: "USD",
        lines: [{ id: "a", sellerId: "s2", unitPriceCents: 2550, quantity: 1 }],
        sellers,
        points: points(requested, maxShareBps),
        taxRateBps: 0,
        now,
      }).points;
    expect(order(250)).toMatchObject({ redeemed: 200, discountCents: 200, maxRedeemable: 1200 });
    expect(order(5000)).toMatchObject({ redeemed: 1200, maxRedeemable: 1200 });
    expect(order(5000, 10_000)).toMatchObject({ redeemed: 2500 });
    expect(order(500, 0)).toMatchObject({ redeemed: 0, reason: "Points are used in steps of 100; this order is too small to take any." });
  });

  it("takes no points on an order in another currency, and gives no tier free shipping there", () => {
    const totals = computeTotals({
      currency: "EUR",
      lines: [{ id: "a", sellerId: "s2", unitPriceCents: 9000, quantity: 1 }],
      sellers,
      tier: silver,
      points: points(500),
      taxRateBps: 0,
      now,
    });
    expect(totals.points).toMatchObject({ redeemed: 0, reason: "Points can pay for USD orders only." });
    expect(totals.shippingDiscountCents).toBe(0);
    expect(totals.tierDiscountCents).toBe(270);
  });

  it("reports no tier line for a tier without benefits and costs nothing when there is none", () => {
    const base = { currency: "USD", lines: [{ id: "a", sellerId: "s1", unitPriceCents: 1000, quantity: 1 }], sellers, taxRateBps: 0, now };
    const member = computeTotals({ ...base, tier: { name: "Member", discountBps: 0, freeShippingOverCents: null } });
    expect(member.tier).toBeNull();
    expect(member).toEqual(computeTotals(base));
  });

  it("charges a co-funding shop its share of the tier benefits only", () => {
    const totals = computeTotals({
      currency: "USD",
      lines: [{ id: "a", sellerId: "s2", unitPriceCents: 4000, quantity: 1 }],
      sellers: [{ ...sellers[1]!, loyaltyCofundBps: 5000 }],
      tier: silver,
      points: points(1000),
      taxRateBps: 0,
      now,
    });
    // Tier 120 + shipping 450 = 570, half of it co-funded; the points are Bazaar's alone.
    expect(totals.sellers[0]).toMatchObject({ tierDiscountCents: 120, shippingDiscountCents: 450, pointsDiscountCents: 1000, sellerFundedCents: 285 });
  });

  it("adds up to the cent and never goes below shipping plus tax, whatever the cart, promo, tier and points", () => {
    const line = fc.record({
      sellerId: fc.constantFrom("s1", "s2"),
      unitPriceCents: fc.integer({ min: 0, max: 200_000 }),
      quantity: fc.integer({ min: 1, max: 20 }),
    });
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 10_000 })),
        fc.record({ discountBps: fc.integer({ min: 0, max: 5000 }), freeShippingOverCents: fc.option(fc.integer({ min: 0, max: 20_000 })) }),
        fc.record({
          requested: fc.integer({ min: 0, max: 1_000_000 }),
          stepPoints: fc.integer({ min: 1, max: 1000 }),
          maxShareBps: fc.integer({ min: 0, max: 10_000 }),
        }),
        fc.option(fc.integer({ min: 0, max: 10_000 })),
        (rawLines, promoBps, tier, pointsRules, taxRateBps) => {
          const lines = rawLines.map((l, index) => ({ ...l, id: `l${index}` }));
          const totals = computeTotals({
            currency: "USD",
            lines,
            sellers,
            promo: promoBps ? percentPromo(promoBps) : null,
            tier: { name: "T", ...tier },
            points: pointsRules,
            taxRateBps,
            now,
          });
          const add = (values: number[]) => values.reduce((a, b) => a + b, 0);
          const goods = totals.subtotalCents - totals.discountCents;
          expect(totals.totalCents).toBe(
            goods - totals.tierDiscountCents - totals.pointsDiscountCents + totals.shippingCents - totals.shippingDiscountCents + totals.taxCents,
          );
          expect(totals.totalCents).toBeGreaterThanOrEqual(totals.shippingCents - totals.shippingDiscountCents + totals.taxCents);
          expect(totals.pointsRedeemed % pointsRules.stepPoints).toBe(0);
          expect(totals.pointsRedeemed).toBeLessThanOrEqual(pointsRules.requested);
          expect(totals.pointsDiscountCents * 10_000).toBeLessThanOrEqual((goods - totals.tierDiscountCents) * pointsRules.maxShareBps);
          expect(add(totals.lines.map((l) => l.tierDiscountCents))).toBe(totals.tierDiscountCents);
          expect(add(totals.lines.map((l) => l.pointsDiscountCents))).toBe(totals.pointsDiscountCents);
          expect(add(totals.sellers.map((s) => s.totalCents))).toBe(totals.totalCents);
          expect(add(totals.sellers.map((s) => s.shippingDiscountCents))).toBe(totals.shippingDiscountCents);
          for (const l of totals.lines) {
            expect(l.discountCents + l.tierDiscountCents + l.pointsDiscountCents).toBeLessThanOrEqual(l.subtotalCents);
            expect(l.totalCents).toBeGreaterThanOrEqual(l.taxCents);
          }
        },
      ),
    );
  });
});
