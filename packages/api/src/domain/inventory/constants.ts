/** How long a cart line holds stock; every change to the cart extends all its holds. */
export const SOFT_RESERVATION_MS = 15 * 60_000;
/** How long an order awaiting payment holds its stock (the order's payment deadline). */
export const HARD_RESERVATION_MS = 30 * 60_000;

export type Availability = "in_stock" | "low" | "out";

/** Buyers see "low" when what can still be bought is under the largest low-stock threshold of the product's rows. */
export function availabilityOf(available: number, lowStockThreshold: number): Availability {
  if (available <= 0) return "out";
  return available < lowStockThreshold ? "low" : "in_stock";
}
