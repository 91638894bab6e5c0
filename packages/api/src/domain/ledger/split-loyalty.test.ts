import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reverseFundedRefund, splitFundedShipment, splitShipment, type ShipmentAmounts, type ShipmentLoyalty } from "./split";

type Funded = ShipmentAmounts & ShipmentLoyalty;

/** A part as checkout writes it: loyalty discounts within the goods, free shipping all or nothing, total what the buyer pays. */
const arbFunded = fc
  .record({
    subtotalCents: fc.integer({ min: 0, max: 2_000_000 }),
    promoShare: fc.double({ min: 0, max: 1, noNaN: true }),
    tierShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
    pointsShare: fc.double({ min: 0, max: 1, noNaN: true }),
    shippingCents: fc.integer({ min: 0, max: 5000 }),
    freeShipping: fc.boolean(),
    taxCents: fc.integer({ min: 0, max: 200_000 }),
    commissionBps: fc.integer({ min: 0, max: 5000 }),
    cofundBps: fc.constantFrom(0, 0, 2500, 10_000),
  })
  .map((r): Funded => {
    const discountCents = Math.floor(r.subtotalCents * r.promoShare);
    const goods = r.subtotalCents - discountCents;
    const tierDiscountCents = Math.floor(goods * r.tierShare);
    const pointsDiscountCents = Math.floor((goods - tierDiscountCents) * r.pointsShare);
    const shippingDiscountCents = r.freeShipping ? r.shippingCents : 0;
    const sellerFundedCents = Math.floor(((tierDiscountCents + shippingDiscountCents) * r.cofundBps) / 10_000);
    return {
      shipmentId: "p",
      sellerId: "s",
      subtotalCents: r.subtotalCents,
      discountCents,
      shippingCents: r.shippingCents,
      taxCents: r.taxCents,
      commissionBps: r.commissionBps,
      tierDiscountCents,
      shippingDiscountCents,
      pointsDiscountCents,
      sellerFundedCents,
      totalCents: goods - tierDiscountCents - pointsDiscountCents + r.shippingCents - shippingDiscountCents + r.taxCents,
    };
  });

/** The same part had the buyer paid the loyalty discounts themselves. */
const withoutLoyalty = (s: Funded): ShipmentAmounts => ({
  ...s,
  totalCents: s.totalCents + s.tierDiscountCents + s.shippingDiscountCents + s.pointsDiscountCents,
});

describe("the split of a part with loyalty discounts", () => {
  it("pays a seller the same when Bazaar funds the discount, and the split balances", () => {
    fc.assert(
      fc.property(
        arbFunded.filter((s) => s.sellerFundedCents === 0),
        (s) => {
          const funded = splitFundedShipment(s);
          const plain = splitShipment(withoutLoyalty(s));
          expect(funded.sellerCents).toBe(plain.sellerCents);
          expect(funded.commissionCents).toBe(plain.commissionCents);
          // Into clearing: the buyer's cash, the points liability, Bazaar's funding; out: seller and commission.
          expect(s.totalCents + funded.pointsCents + funded.fromCommissionCents + funded.expenseCents).toBe(funded.sellerCents + funded.commissionCents);
          expect(funded.fromCommissionCents).toBeLessThanOrEqual(funded.commissionCents);
          expect(funded.fromCommissionCents + funded.expenseCents).toBe(s.tierDiscountCents + s.shippingDiscountCents);
          expect(funded.pointsCents).toBe(s.pointsDiscountCents);
        },
      ),
    );
  });

  it("takes commission first and books only the rest as an expense", () => {
    const s: Funded = {
      shipmentId: "p",
      sellerId: "s",
      subtotalCents: 10_000,
      discountCents: 0,
      shippingCents: 500,
      taxCents: 0,
      commissionBps: 1000,
      tierDiscountCents: 500,
      shippingDiscountCents: 500,
      pointsDiscountCents: 2000,
      sellerFundedCents: 0,
      totalCents: 10_000 - 500 - 2000 + 0,
    };
    // Commission 10% of 10500 = 1050; the tier benefits (1000) come out of it; points from the liability.
    expect(splitFundedShipment(s)).toEqual({
      shipmentId: "p",
      sellerId: "s",
      sellerCents: 9450,
      commissionCents: 1050,
      pointsCents: 2000,
      fromCommissionCents: 1000,
      expenseCents: 0,
    });
    expect(splitFundedShipment({ ...s, commissionBps: 500 })).toMatchObject({
      commissionCents: 525,
      fromCommissionCents: 525,
      expenseCents: 475,
      sellerCents: 9975,
    });
  });

  it("charges a co-funding seller no more than the share they agreed to", () => {
    fc.assert(
      fc.property(arbFunded, (s) => {
        const funded = splitFundedShipment(s);
        const plain = splitShipment(withoutLoyalty(s));
        expect(plain.sellerCents - funded.sellerCents).toBeGreaterThanOrEqual(0);
        expect(plain.sellerCents - funded.sellerCents).toBeLessThanOrEqual(s.sellerFundedCents);
        expect(s.totalCents + funded.pointsCents + funded.fromCommissionCents + funded.expenseCents).toBe(funded.sellerCents + funded.commissionCents);
      }),
    );
  });

  it("reverses exactly what the split did over any sequence of partial refunds", () => {
    fc.assert(
      fc.property(
        arbFunded.filter((s) => s.totalCents > 0),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (s, cuts) => {
          const split = splitFundedShipment(s);
          const sum = { seller: 0, commission: 0, points: 0, fromCommission: 0, expense: 0, cash: 0 };
          let refunded = 0;
          const amounts = [...cuts.map((c) => Math.floor((s.totalCents - refunded) * c)), Number.POSITIVE_INFINITY];
          for (const wanted of amounts) {
            const amount = Math.min(wanted, s.totalCents - refunded);
            const r = reverseFundedRefund({ totalCents: s.totalCents, funding: split, refundedBeforeCents: refunded, refundCents: amount });
            // Each reversal balances: seller + commission give back the cash, the points and Bazaar's funding.
            expect(r.sellerCents + r.commissionCents).toBe(amount + r.pointsBackCents + r.fromCommissionBackCents + r.expenseBackCents);
            for (const v of Object.values(r)) expect(v).toBeGreaterThanOrEqual(0);
            sum.seller += r.sellerCents;
            sum.commission += r.commissionCents;
            sum.points += r.pointsBackCents;
            sum.fromCommission += r.fromCommissionBackCents;
            sum.expense += r.expenseBackCents;
            refunded += amount;
          }
          expect(sum).toEqual({
            seller: split.sellerCents,
            commission: split.commissionCents,
            points: split.pointsCents,
            fromCommission: split.fromCommissionCents,
            expense: split.expenseCents,
            cash: 0,
          });
        },
      ),
    );
  });
});
