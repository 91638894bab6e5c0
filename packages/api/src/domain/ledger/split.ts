import { applyBasisPoints, applyRatio } from "../money";

// The money rules of a sale, as pure functions over integer cents.
//
// Who gets what from a shipment (one seller's part of an order):
//   total = items - discount + shipping + tax
//   commission = round(commissionBps x (items - discount + shipping)), half up
//   seller payable = total - commission
// The seller is the merchant of record, so the tax collected on their items is theirs to remit:
// it goes to their payable and carries no commission. Discounts are borne by the seller whose
// lines they apply to (checkout spreads a platform-wide promo over the shipments), so commission
// is taken on what the buyer actually paid for goods and shipping.
// Because the seller's part is "the rest", every cent of the gross lands somewhere by construction.

export interface ShipmentAmounts {
  shipmentId: string;
  sellerId: string;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  commissionBps: number;
}

export interface ShipmentSplit {
  shipmentId: string;
  sellerId: string;
  sellerCents: number;
  commissionCents: number;
}

const assertCents = (value: number, what: string) => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number of cents (got ${value}).`);
};

export function commissionCents(baseCents: number, commissionBps: number): number {
  assertCents(baseCents, "commission base");
  if (!Number.isInteger(commissionBps) || commissionBps < 0 || commissionBps > 10_000) {
    throw new RangeError(`commission must be 0..10000 basis points (got ${commissionBps}).`);
  }
  return applyBasisPoints(baseCents, commissionBps);
}

export function splitShipment(shipment: ShipmentAmounts): ShipmentSplit {
  for (const key of ["subtotalCents", "discountCents", "shippingCents", "taxCents", "totalCents"] as const) assertCents(shipment[key], key);
  const expected = shipment.subtotalCents - shipment.discountCents + shipment.shippingCents + shipment.taxCents;
  if (expected !== shipment.totalCents) {
    throw new RangeError(`shipment ${shipment.shipmentId}: total ${shipment.totalCents} is not items - discount + shipping + tax (${expected}).`);
  }
  const commission = commissionCents(shipment.subtotalCents - shipment.discountCents + shipment.shippingCents, shipment.commissionBps);
  return { shipmentId: shipment.shipmentId, sellerId: shipment.sellerId, sellerCents: shipment.totalCents - commission, commissionCents: commission };
}

/** Splits a captured gross over its shipments; refuses when the shipments do not add up to the gross. */
export function splitGross(grossCents: number, shipments: ShipmentAmounts[]): ShipmentSplit[] {
  assertCents(grossCents, "gross");
  const sum = shipments.reduce((acc, s) => acc + s.totalCents, 0);
  if (sum !== grossCents) throw new RangeError(`the shipments add up to ${sum} cents but the payment captured ${grossCents}.`);
  return shipments.map(splitShipment);
}

export interface RefundReversal {
  sellerCents: number;
  commissionCents: number;
}

/**
 * How much of a refund comes back from the seller and how much from the platform's commission.
 * It is computed on the cumulative refunded amount, so any sequence of partial refunds that adds
 * up to the shipment's total reverses exactly the commission that was taken: never a cent more.
 */
export function reverseForRefund(input: { totalCents: number; commissionCents: number; refundedBeforeCents: number; refundCents: number }): RefundReversal {
  const { totalCents, commissionCents: commission, refundedBeforeCents, refundCents } = input;
  for (const [key, value] of Object.entries(input)) assertCents(value, key);
  if (commission > totalCents) throw new RangeError("commission cannot exceed the shipment total.");
  if (refundedBeforeCents + refundCents > totalCents) {
    throw new RangeError(`refunding ${refundCents} after ${refundedBeforeCents} would exceed the shipment total ${totalCents}.`);
  }
  if (refundCents === 0) return { sellerCents: 0, commissionCents: 0 };
  const before = applyRatio(commission, refundedBeforeCents, totalCents);
  const after = applyRatio(commission, refundedBeforeCents + refundCents, totalCents);
  return { sellerCents: refundCents - (after - before), commissionCents: after - before };
}

// ───────────── Loyalty discounts (tier, tier free shipping, points) ─────────────
//
// The buyer pays less than the shop's price; the shop is paid as if they had not (less the share
// of the tier benefits it agreed to co-fund). The difference is topped up into clearing:
//   points       from the points liability (they were booked as a cost when earned);
//   tier benefits from Bazaar: out of the commission first, the rest a loyalty expense.
// A seller's payable is therefore unchanged by a discount Bazaar funds.

export interface ShipmentLoyalty {
  tierDiscountCents: number;
  shippingDiscountCents: number;
  pointsDiscountCents: number;
  /** The shop's co-fund share of the tier discount and free shipping. */
  sellerFundedCents: number;
}

export interface FundedShipmentSplit extends ShipmentSplit {
  /** Points redeemed on this part: debited from the points liability. */
  pointsCents: number;
  /** Bazaar's share of the tier benefits taken out of this part's commission... */
  fromCommissionCents: number;
  /** ...and the rest, a loyalty expense. */
  expenseCents: number;
}

/** The shop's view of a part: its own discounts only (the promo and its co-fund share), the loyalty ones paid for the buyer. */
function shopView(shipment: ShipmentAmounts & ShipmentLoyalty): ShipmentAmounts {
  for (const key of ["tierDiscountCents", "shippingDiscountCents", "pointsDiscountCents", "sellerFundedCents"] as const) assertCents(shipment[key], key);
  const tierBenefits = shipment.tierDiscountCents + shipment.shippingDiscountCents;
  if (shipment.sellerFundedCents > tierBenefits) throw new RangeError(`shipment ${shipment.shipmentId}: the shop co-funds more than the tier benefits.`);
  return {
    ...shipment,
    discountCents: shipment.discountCents + shipment.sellerFundedCents,
    totalCents: shipment.totalCents + tierBenefits + shipment.pointsDiscountCents - shipment.sellerFundedCents,
  };
}

export function splitFundedShipment(shipment: ShipmentAmounts & ShipmentLoyalty): FundedShipmentSplit {
  const expected =
    shipment.subtotalCents -
    shipment.discountCents -
    shipment.tierDiscountCents -
    shipment.pointsDiscountCents +
    shipment.shippingCents -
    shipment.shippingDiscountCents +
    shipment.taxCents;
  if (expected !== shipment.totalCents) {
    throw new RangeError(`shipment ${shipment.shipmentId}: total ${shipment.totalCents} is not items - discounts + shipping + tax (${expected}).`);
  }
  const split = splitShipment(shopView(shipment));
  const platformFunded = shipment.tierDiscountCents + shipment.shippingDiscountCents - shipment.sellerFundedCents;
  const fromCommission = Math.min(split.commissionCents, platformFunded);
  return { ...split, pointsCents: shipment.pointsDiscountCents, fromCommissionCents: fromCommission, expenseCents: platformFunded - fromCommission };
}

/** `splitGross` for parts that may carry loyalty discounts; `grossCents` is what the buyer paid. */
export function splitFundedGross(grossCents: number, shipments: (ShipmentAmounts & ShipmentLoyalty)[]): FundedShipmentSplit[] {
  assertCents(grossCents, "gross");
  const sum = shipments.reduce((acc, s) => acc + s.totalCents, 0);
  if (sum !== grossCents) throw new RangeError(`the shipments add up to ${sum} cents but the payment captured ${grossCents}.`);
  return shipments.map(splitFundedShipment);
}

export interface FundedRefundReversal extends RefundReversal {
  /** Redeemed points given back to the buyer (credited to the points liability). */
  pointsBackCents: number;
  /** Bazaar's tier funding coming back to the commission... */
  fromCommissionBackCents: number;
  /** ...and to the loyalty expense. */
  expenseBackCents: number;
}

/**
 * A cash refund of a part that carried loyalty discounts. The cash refunded stands for a share of
 * the part (by the cumulative ratio, so partial refunds add up to a full one exactly); that share
 * of the shop's price comes back from the seller and the commission as for any refund, the same
 * share of the points goes back to the buyer as points, and of Bazaar's tier funding back to Bazaar.
 */
export function reverseFundedRefund(input: {
  /** What the buyer paid for the part. */
  totalCents: number;
  funding: Pick<FundedShipmentSplit, "commissionCents" | "pointsCents" | "fromCommissionCents" | "expenseCents">;
  refundedBeforeCents: number;
  refundCents: number;
}): FundedRefundReversal {
  const { totalCents, refundedBeforeCents, refundCents } = input;
  const { commissionCents, pointsCents, fromCommissionCents, expenseCents } = input.funding;
  const funding = { commissionCents, pointsCents, fromCommissionCents, expenseCents };
  for (const [key, value] of Object.entries({ totalCents, refundedBeforeCents, refundCents, ...funding })) assertCents(value, key);
  if (refundedBeforeCents + refundCents > totalCents) {
    throw new RangeError(`refunding ${refundCents} after ${refundedBeforeCents} would exceed the shipment total ${totalCents}.`);
  }
  if (refundCents === 0) return { sellerCents: 0, commissionCents: 0, pointsBackCents: 0, fromCommissionBackCents: 0, expenseBackCents: 0 };
  const share = (amount: number, cash: number) => applyRatio(amount, cash, totalCents);
  const shopAmount = (cash: number) => cash + share(funding.pointsCents, cash) + share(funding.fromCommissionCents, cash) + share(funding.expenseCents, cash);
  const after = refundedBeforeCents + refundCents;
  const back = (amount: number) => share(amount, after) - share(amount, refundedBeforeCents);
  const reversal = reverseForRefund({
    totalCents: shopAmount(totalCents),
    commissionCents: funding.commissionCents,
    refundedBeforeCents: shopAmount(refundedBeforeCents),
    refundCents: shopAmount(after) - shopAmount(refundedBeforeCents),
  });
  return {
    ...reversal,
    pointsBackCents: back(funding.pointsCents),
    fromCommissionBackCents: back(funding.fromCommissionCents),
    expenseBackCents: back(funding.expenseCents),
  };
}
