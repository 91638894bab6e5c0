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

/** `numerator x multiplier / divisor`, rounded half up, exact for any cents amounts (BigInt inside). */
export function mulDivRound(numerator: number, multiplier: number, divisor: number): number {
  if (divisor <= 0) throw new RangeError("divisor must be positive");
  const product = BigInt(numerator) * BigInt(multiplier);
  const d = BigInt(divisor);
  return Number((product * 2n + d) / (2n * d));
}

export function commissionCents(baseCents: number, commissionBps: number): number {
  assertCents(baseCents, "commission base");
  if (!Number.isInteger(commissionBps) || commissionBps < 0 || commissionBps > 10_000) {
    throw new RangeError(`commission must be 0..10000 basis points (got ${commissionBps}).`);
  }
  return mulDivRound(baseCents, commissionBps, 10_000);
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

/**
 * Divides `amountCents` in proportion to `weights` by the largest-remainder method: the parts
 * sum exactly to the amount, no part exceeds its weight when the amount does not exceed their
 * sum, and equal weights differ by at most one cent (earlier ones first).
 */
export function allocateProportionally(amountCents: number, weights: number[]): number[] {
  assertCents(amountCents, "amount");
  weights.forEach((w, i) => assertCents(w, `weight ${i}`));
  const total = weights.reduce((a, b) => a + b, 0);
  if (amountCents === 0) return weights.map(() => 0);
  if (total === 0) throw new RangeError("cannot allocate an amount over weights that are all zero.");
  const big = BigInt(amountCents);
  const bigTotal = BigInt(total);
  const parts = weights.map((w) => (big * BigInt(w)) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (big * BigInt(w)) % bigTotal }));
  let left = Number(big - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1;
  }
  return parts.map(Number);
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
export function reverseForRefund(input: {
  totalCents: number;
  commissionCents: number;
  refundedBeforeCents: number;
  refundCents: number;
}): RefundReversal {
  const { totalCents, commissionCents: commission, refundedBeforeCents, refundCents } = input;
  for (const [key, value] of Object.entries(input)) assertCents(value, key);
  if (commission > totalCents) throw new RangeError("commission cannot exceed the shipment total.");
  if (refundedBeforeCents + refundCents > totalCents) {
    throw new RangeError(`refunding ${refundCents} after ${refundedBeforeCents} would exceed the shipment total ${totalCents}.`);
  }
  if (refundCents === 0) return { sellerCents: 0, commissionCents: 0 };
  const before = mulDivRound(commission, refundedBeforeCents, totalCents);
  const after = mulDivRound(commission, refundedBeforeCents + refundCents, totalCents);
  return { sellerCents: refundCents - (after - before), commissionCents: after - before };
}
