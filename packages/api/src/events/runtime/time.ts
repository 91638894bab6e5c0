// Durations as Inngest writes them in function config and step ops: "2m", "1h30m", "1d" (the
// SDK's own `timeStr` output, whole seconds and up), or an ISO date for `step.sleepUntil`.

const UNIT_MS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };
const DURATION = /^(?:\d+[wdhms])+$/;

/** Milliseconds in a duration string such as "1h30m"; throws on anything else. */
export function parseDuration(text: string): number {
  if (!DURATION.test(text)) throw new Error(`"${text}" is not a duration like "90s", "15m" or "1h30m"`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([wdhms])/g)) total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return total;
}

/** When a `Sleep` op ends: its name is a duration from `from`, or the ISO date to sleep until. */
export function sleepEnd(name: string, from: Date): Date {
  if (DURATION.test(name)) return new Date(from.getTime() + parseDuration(name));
  const until = Date.parse(name);
  if (Number.isNaN(until)) throw new Error(`Cannot sleep for "${name}": not a duration or a date`);
  return new Date(until);
}

/**
 * When a failed attempt is tried again: exponential from 10 s, capped at 1 h, like Inngest's own
 * backoff; `retryAfter` (from a RetryAfterError: seconds or a date) wins when given.
 */
export function retryAt(failedAttempt: number, from: Date, retryAfter?: string): Date {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return new Date(from.getTime() + seconds * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return new Date(Math.max(date, from.getTime()));
  }
  const delay = Math.min(10_000 * 2 ** Math.max(0, failedAttempt), 3_600_000);
  return new Date(from.getTime() + delay);
}
