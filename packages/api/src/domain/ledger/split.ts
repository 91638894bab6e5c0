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
