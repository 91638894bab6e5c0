// Two load generators. autocannon for plain GETs (pages and the product-list query). A small
// closed loop for signed-in tRPC mutations: each connection acts for its own buyers, so no two
// requests in flight touch the same cart (which would measure the cart lock, not the shop), and
// autocannon cannot keep one buyer per connection.
import { createRequire } from "node:module";
import autocannon from "autocannon";
import { TimeoutError, type HttpClient, type HttpRequest, type HttpResponse } from "./http";
import { round, summarize, type LatencySummary } from "./stats";

// autocannon appends every response body to a string (`req.body += chunk`, in its pipelined
// requests queue) for options the benchmark never uses (expectBody, verifyBody, onResponse): a
// UTF-8 decode of each ~165 KB page, slow for a page with a "★" in it, and the load generator's
// CPU, not the storefront's, capped the listing at ~700 req/s on this 2-core machine (a plain
// server sending the same bytes: 714 req/s; the same size of ASCII: 7,711). Bytes are still
// counted (addByteCount); only the unread body is not kept. bench/README.md, "Figures, session 13".
const PipelinedRequestsQueue = createRequire(import.meta.url)("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody(data: Buffer): void } };
PipelinedRequestsQueue.prototype.addBody = () => undefined;

export interface LoadFigures {
  requests: number;
  durationS: number;
  reqPerSec: number;
  latency: LatencySummary;
  /** Requests that got no answer (connection errors, resets). */
  errors: number;
  /** Requests still unanswered after the client's time limit: slowness, not breakage. */
  timeouts: number;
  /** Answers outside 2xx that the scenario did not expect. */
  non2xx: number;
  statusCodes: Record<string, number>;
  /**
   * CPU time the app processes spent per answered request, by process group. Unlike req/s this
   * hardly depends on what else the machine is doing, so it compares runs on a busy machine.
   */
  cpuMsPerRequest: Record<string, number>;
  /** Database statements the app processes sent per answered request, by process (storefront, worker). */
  statementsPerRequest: Record<string, number>;
}

/** Reads a running total per process group: CPU time so far (ms; see cpuMs in proc.ts), statements sent (statements.ts). */
export type CounterReader = () => Promise<Record<string, number>>;
export type CpuReader = CounterReader;

/** The counters read around a phase: statements first and last, so the CPU a scrape costs falls outside it. */
export async function readCounters(cpu: CounterReader | undefined, statements: CounterReader | undefined) {
  const statementsBefore = (await statements?.()) ?? {};
  const cpuBefore = (await cpu?.()) ?? {};
  return async (operations: number) => {
    const cpuAfter = (await cpu?.()) ?? {};
    const statementsAfter = (await statements?.()) ?? {};
    return {
      cpuMsPerRequest: cpuPerRequest(cpuBefore, cpuAfter, operations),
      statementsPerRequest: cpuPerRequest(statementsBefore, statementsAfter, operations),
    };
  };
}

export function cpuPerRequest(before: Record<string, number>, after: Record<string, number>, requests: number): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([name, ms]) => [name, requests ? round((ms - (before[name] ?? 0)) / requests, 2) : 0]));
}

/** `connections` concurrent GETs of `url` for `durationS` seconds. */
export async function autocannonGet(
  url: string,
  options: { connections: number; durationS: number; headers?: Record<string, string>; cpu?: CpuReader; statements?: CounterReader },
): Promise<LoadFigures> {
  const samples: number[] = [];
  const counted = await readCounters(options.cpu, options.statements);
  const instance = autocannon({ url, connections: options.connections, duration: options.durationS, timeout: 30, headers: options.headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    samples.push(responseTime);
  });
  const result = await instance;
  const perRequest = await counted(samples.length);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]));
  return {
    requests: samples.length,
    durationS: result.duration,
    reqPerSec: round(samples.length / result.duration),
    latency: summarize(samples),
    // autocannon counts a timeout as an error too.
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    ...perRequest,
  };
}

export interface ClosedLoopOptions {
  client: HttpClient;
  connections: number;
  durationMs: number;
  /** The request connection `worker` sends on its `iteration`th turn. */
  next: (worker: number, iteration: number) => HttpRequest;
  /** Statuses besides 2xx that are a correct answer (409 "out of stock" on a contended SKU). */
  expectedStatuses?: number[];
  onResponse?: (response: HttpResponse, worker: number) => void;
  cpu?: CpuReader;
  statements?: CounterReader;
}

/** Each of `connections` workers sends its next request as soon as the last one answered, until time is up. */
export async function closedLoop(options: ClosedLoopOptions): Promise<LoadFigures> {
  const samples: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const expected = new Set(options.expectedStatuses ?? []);
  const counted = await readCounters(options.cpu, options.statements);
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.connections }, async (_, worker) => {
      for (let iteration = 0; performance.now() < deadline; iteration++) {
        try {
          const response = await options.client.request(options.next(worker, iteration));
          samples.push(response.ms);
          statusCodes[response.status] = (statusCodes[response.status] ?? 0) + 1;
          if ((response.status < 200 || response.status >= 300) && !expected.has(response.status)) non2xx++;
          options.onResponse?.(response, worker);
        } catch (error) {
          if (error instanceof TimeoutError) timeouts++;
          else errors++;
        }
      }
    }),
  );
  const durationS = (performance.now() - started) / 1000;
  const perRequest = await counted(samples.length);
  return {
    requests: samples.length,
    durationS: round(durationS, 2),
    reqPerSec: round(samples.length / durationS),
    latency: summarize(samples),
    errors,
    timeouts,
    non2xx,
    statusCodes,
    ...perRequest,
  };
}
