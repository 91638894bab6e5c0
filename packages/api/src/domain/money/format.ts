const formats = new Map<string, Intl.NumberFormat>();

/** "$12.34" for messages the domain writes (apps format prices themselves, in the buyer's locale). */
export function formatMoney(cents: number, currency: string): string {
  // A formatter is costly to make (a tenth of a millisecond: an order's emails format dozens of amounts) and safe to share.
  let format = formats.get(currency);
  if (!format) formats.set(currency, (format = new Intl.NumberFormat("en-US", { style: "currency", currency })));
  return format.format(cents / 100);
}
