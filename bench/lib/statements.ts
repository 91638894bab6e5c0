// Statements per operation: the apps count every query their Prisma clients send (COMMIT
// included; BEGIN is not reported) in the `bazaar_db_query_duration_seconds` histogram of their
// /api/metrics; its `_count` read before and after a phase, divided by the operations, is what
// each operation costs in round trips to PostgreSQL. A scrape's own outbox query adds one
// statement per read, a rounding error over a phase.
import type { CounterReader } from "./load";

const QUERY_COUNT = /^bazaar_db_query_duration_seconds_count(?:\{[^}]*\})?\s+(\d+(?:\.\d+)?(?:e[+-]?\d+)?)$/m;

/** The query count in Prometheus text, or null when the metric is absent (no query yet). */
export function queryCountOf(metricsText: string): number | null {
  const match = QUERY_COUNT.exec(metricsText);
  return match ? Number(match[1]) : null;
}

/** Reads the storefront's and the worker's query counts (bearer `token`, as METRICS_TOKEN). */
export function statementReader(endpoints: Record<string, string>, token: string): CounterReader {
  return async () => {
    const counts = await Promise.all(
      Object.entries(endpoints).map(async ([name, url]) => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`${url} answered ${response.status}: the statement counts need the apps' metrics`);
        return [name, queryCountOf(await response.text()) ?? 0] as const;
      }),
    );
    return Object.fromEntries(counts);
  };
}
