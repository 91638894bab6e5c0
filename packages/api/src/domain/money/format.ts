/** "$12.34" for messages the domain writes (apps format prices themselves, in the buyer's locale). */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
