import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commissionCents, reverseForRefund, splitGross, splitShipment, type ShipmentAmounts } from "./split";

const shipment = (overrides: Partial<ShipmentAmounts> = {}): ShipmentAmounts => {
  const s = { shipmentId: "s1", sellerId: "a", subtotalCents: 10_000, discountCents: 0, shippingCents: 599, taxCents: 0, commissionBps: 1000, ...overrides };
  return { ...s, totalCents: overrides.totalCents ?? s.subtotalCents - s.discountCents + s.shippingCents + s.taxCents };
};

const arbShipment = fc
  .record({
    subtotalCents: fc.integer({ min: 0, max: 5_000_000 }),
    discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
    shippingCents: fc.integer({ min: 0, max: 10_000 }),
    taxCents: fc.integer({ min: 0, max: 500_000 }),
    commissionBps: fc.integer({ min: 0, max: 10_000 }),
  })
  .map(({ discountShare, ...r }) => shipment({ ...r, discountCents: Math.floor(r.subtotalCents * discountShare) }));

describe("commission", () => {
  it("takes 10% of items and shipping, rounding half up", () => {
    expect(commissionCents(10_599, 1000)).toBe(1060);
    expect(commissionCents(5, 1000)).toBe(1); // 0.5 cent rounds up
    expect(commissionCents(4, 1000)).toBe(0);
  });

  it("refuses rates outside 0..100%", () => {
    expect(() => commissionCents(100, 10_001)).toThrow(/basis points/);
    expect(() => commissionCents(-1, 100)).toThrow(/non-negative/);
  });

  it("gives the seller the tax and takes no commission on it", () => {
    expect(splitShipment(shipment({ subtotalCents: 10_000, shippingCents: 0, taxCents: 2000 }))).toMatchObject({ commissionCents: 1000, sellerCents: 11_000 });
  });

  it("takes commission on what the buyer paid after the discount", () => {
    expect(splitShipment(shipment({ subtotalCents: 10_000, discountCents: 1000, shippingCents: 0 }))).toMatchObject({
      commissionCents: 900,
      sellerCents: 8100,
    });
  });

  it("refuses a shipment whose total does not add up", () => {
    expect(() => splitShipment(shipment({ totalCents: 1 }))).toThrow(/not items - discount/);
  });
});

describe("splitGross", () => {
  it("splits a two-seller order exactly", () => {
    const parts = splitGross(10_599 + 3333, [
      shipment({ shipmentId: "a", sellerId: "a" }),
      shipment({ shipmentId: "b", sellerId: "b", subtotalCents: 3333, shippingCents: 0, commissionBps: 1250 }),
    ]);
    expect(parts).toEqual([
      { shipmentId: "a", sellerId: "a", sellerCents: 9539, commissionCents: 1060 },
      { shipmentId: "b", sellerId: "b", sellerCents: 2916, commissionCents: 417 },
    ]);
  });

  it("refuses shipments that do not add up to the captured gross", () => {
    expect(() => splitGross(1, [shipment()])).toThrow(/add up/);
  });

  it("never loses or creates a cent, and never pays a seller less than zero", () => {
    fc.assert(
      fc.property(fc.array(arbShipment, { minLength: 1, maxLength: 6 }), (shipments) => {
        const gross = shipments.reduce((a, s) => a + s.totalCents, 0);
        const parts = splitGross(gross, shipments);
        expect(parts.reduce((a, p) => a + p.sellerCents + p.commissionCents, 0)).toBe(gross);
        for (const [i, p] of parts.entries()) {
          expect(p.sellerCents).toBeGreaterThanOrEqual(0);
          expect(p.commissionCents).toBeGreaterThanOrEqual(0);
          expect(p.sellerCents + p.commissionCents).toBe(shipments[i]?.totalCents);
        }
      }),
    );
  });
});

describe("reverseForRefund", () => {
  it("reverses commission in proportion", () => {
    expect(reverseForRefund({ totalCents: 10_599, commissionCents: 1060, refundedBeforeCents: 0, refundCents: 10_599 })).toEqual({
      sellerCents: 9539,
      commissionCents: 1060,
    });
    expect(reverseForRefund({ totalCents: 3, commissionCents: 1, refundedBeforeCents: 0, refundCents: 1 })).toEqual({ sellerCents: 1, commissionCents: 0 });
  });

  it("refuses to refund more than the shipment total", () => {
    expect(() => reverseForRefund({ totalCents: 100, commissionCents: 10, refundedBeforeCents: 60, refundCents: 41 })).toThrow(/exceed/);
  });

  it("any sequence of partial refunds reverses exactly the split, never more", () => {
    fc.assert(
      fc.property(arbShipment, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (s, shares) => {
        const { sellerCents, commissionCents: commission } = splitShipment(s);
        let refunded = 0;
        let sellerBack = 0;
        let commissionBack = 0;
        // Partial refunds, then the rest.
        const amounts = shares.map((share) => Math.floor((s.totalCents - refunded) * share));
        for (const refundCents of [...amounts, Number.NaN]) {
          const amount = Number.isNaN(refundCents) ? s.totalCents - refunded : Math.min(refundCents, s.totalCents - refunded);
          const r = reverseForRefund({ totalCents: s.totalCents, commissionCents: commission, refundedBeforeCents: refunded, refundCents: amount });
          expect(r.sellerCents).toBeGreaterThanOrEqual(0);
          expect(r.commissionCents).toBeGreaterThanOrEqual(0);
          expect(r.sellerCents + r.commissionCents).toBe(amount);
          refunded += amount;
          sellerBack += r.sellerCents;
          commissionBack += r.commissionCents;
          expect(sellerBack).toBeLessThanOrEqual(sellerCents);
          expect(commissionBack).toBeLessThanOrEqual(commission);
        }
        expect(sellerBack).toBe(sellerCents);
        expect(commissionBack).toBe(commission);
      }),
    );
  });
});
