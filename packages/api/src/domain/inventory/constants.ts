/** How long a cart line holds stock from its last renewal. */
export const SOFT_RESERVATION_MS = 15 * 60_000;
/**
 * A change to the cart renews (to a full SOFT_RESERVATION_MS) the holds with less than this left,
 * so after any change every hold of the cart has at least 10 minutes. Holds renewed in the last 5
 * minutes are left alone: renewing all of them made each add cost in proportion to the cart's
 * lines (bench/README.md, finding 13).
 */
export const SOFT_RESERVATION_RENEW_BELOW_MS = 10 * 60_000;
/** How long an order awaiting payment holds its stock (the order's payment deadline). */
export const HARD_RESERVATION_MS = 30 * 60_000;

export type Availability = "in_stock" | "low" | "out";

/** Buyers see "low" when what can still be bought is under the largest low-stock threshold of the product's rows. */
export function availabilityOf(available: number, lowStockThreshold: number): Availability {
  if (available <= 0) return "out";
  return available < lowStockThreshold ? "low" : "in_stock";
}
