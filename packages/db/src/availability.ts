// Whether PostgreSQL is reachable, as this process last saw it. The client's pools report every
// connection attempt here (client.ts), so pages can answer "come back in a moment" (503) while
// the database is away, and find out themselves when it is back (probeDatabase) instead of
// waiting for a page to try. No Prisma or pg import: each app's proxy reads it.

/** Said to people while the database is away (pages, API replies). */
export const DATABASE_UNAVAILABLE_MESSAGE = "We can't reach our database right now, please retry in a moment.";

interface Availability {
  /** When a connection attempt first failed, if the last one failed. */
  downSince: number | null;
  /** Opens a connection with the process's client (set by client.ts). */
  probe: (() => Promise<unknown>) | null;
  probing: Promise<void> | null;
  lastProbe: number;
}

// On globalThis: the proxy and the pages are bundled apart but run in one process.
const holder = globalThis as unknown as { bazaarDatabaseAvailability?: Availability };
const state = (holder.bazaarDatabaseAvailability ??= { downSince: null, probe: null, probing: null, lastProbe: 0 });

/** A connection attempt's outcome (client.ts). */
export function reportConnection(reachable: boolean): void {
  if (reachable) state.downSince = null;
  else state.downSince ??= Date.now();
}

export function registerProbe(probe: () => Promise<unknown>): void {
  state.probe = probe;
}

const PROBE_WAIT_MS = 2000;

/** Whether the database is away, as last seen; while it is, connects again at most once per `everyMs` to see if it is back. */
export async function databaseIsDown(everyMs = 1000): Promise<boolean> {
  if (state.downSince === null) return false;
  if (state.probe && !state.probing && Date.now() - state.lastProbe >= everyMs) {
    state.lastProbe = Date.now();
    // The probe's connection attempt reports itself; its error is already known.
    state.probing = state.probe().then(
      () => undefined,
      () => undefined,
    );
    void state.probing.finally(() => (state.probing = null));
  }
  // A connection that hangs (a host gone silent) must not hold pages for long: the answer is then "still away".
  if (state.probing) await Promise.race([state.probing, new Promise((resolve) => setTimeout(resolve, PROBE_WAIT_MS).unref())]);
  return state.downSince !== null;
}

// Connection states that mean the server is away, starting or stopping, not that a query is
// wrong: SQLSTATE class 08 (connection exception) and 57P01-57P03 (shutdown, crash, starting up).
const UNREACHABLE_STATE = /^(08...|57P0[123])$/;
// What @prisma/adapter-pg calls a lost connection.
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Prisma's own: can't reach, timed out, server closed the connection.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);

type Inspectable = { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }; cause?: unknown; message?: unknown };

/** Whether `error` (a Prisma, adapter or pg error, or one caused by it) says the database could not be reached, as opposed to a query failing. */
export function isDatabaseUnreachable(error: unknown): boolean {
  let current = error as Inspectable | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth += 1) {
    const adapter = current.meta?.driverAdapterError?.cause;
    if (adapter && (UNREACHABLE_KINDS.has(String(adapter.kind)) || (adapter.kind === "postgres" && UNREACHABLE_STATE.test(String(adapter.code))))) return true;
    const code = String(current.code ?? "");
    if (UNREACHABLE_PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || UNREACHABLE_STATE.test(code)) return true;
    // pg's own words when a connection dies without a code.
    if (typeof current.message === "string" && /^Connection terminated/.test(current.message)) return true;
    current = current.cause as Inspectable | undefined;
  }
  return false;
}
