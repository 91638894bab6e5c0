// Pure arithmetic of the dashboard's ratios, so the SQL returns counts and sums only.

/** numerator / denominator, or null when there is nothing to divide by (shown as "—"). */
export const ratio = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

/** The average in whole cents, rounded half up; null without orders. */
export const averageCents = (totalCents: number, count: number): number | null => (count > 0 ? Math.round(totalCents / count) : null);

/** Every UTC day from `from` (inclusive) to `to` (exclusive) as YYYY-MM-DD. */
export function utcDays(from: Date, to: Date): string[] {
  const days: string[] = [];
  const at = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  while (at < to) {
    days.push(at.toISOString().slice(0, 10));
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return days;
}
