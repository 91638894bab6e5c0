const formatters = new Map<string, Intl.NumberFormat>();

/** Formats integer cents for display, e.g. formatMoney(129900, "USD") -> "$1,299.00". */
export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(cents / 10 ** digits);
}
