// Throttling with rate-limiter-flexible. The counters live in PostgreSQL (the RateLimit table, on
// the app's own pg pool: one prepared statement per use) or in Redis when REDIS_URL is set, so a
// limit holds across every process and instance. Time comes from Date (the library reads it),
// which tests move with a fake clock instead of sleeping.
import { sqlPoolOf, type PrismaClient } from "@bazaar/db";
import type { Redis } from "ioredis";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "../env";
import { DomainError } from "../errors";
import { logger } from "../observability/logger";

/** Each limit: so many points per window (seconds). */
export const LIMITS = {
  /** Failed sign-ins of one account: from the 3rd a growing wait, at the 10th a lock for the rest of the window. */
  signInAccount: { points: 10, duration: 15 * 60 },
  /** The wait before the next sign-in attempt after repeated failures (set by block()). */
  signInDelay: { points: 1, duration: 1 },
  /** Failed sign-ins from one address, whatever the account. */
  signInIp: { points: 50, duration: 15 * 60 },
  /** Accounts created from one address. */
  signUpIp: { points: 10, duration: 60 * 60 },
  /** Password reset emails for one account. */
  passwordReset: { points: 3, duration: 60 * 60 },
  /** Checkouts started by one buyer. */
  checkout: { points: 20, duration: 10 * 60 },
  /** Simulated card payments tried by one buyer (or, without a session, for one payment). */
  paymentConfirm: { points: 20, duration: 10 * 60 },
  /** Messages to shops from one buyer: enough for real questions, not for a spam run. */
  shopMessage: { points: 5, duration: 60 * 60 },
  /** Searches from one address: generous, it only stops a flood. */
  search: { points: 300, duration: 60 },
} as const;
export type LimitName = keyof typeof LIMITS;

export const SIGN_IN_DELAY_FROM_FAILURE = 3;
const MAX_SIGN_IN_DELAY_SECONDS = 60;

/** A Redis client as ioredis makes it (the module itself is loaded only when REDIS_URL is set). */
export type RedisClient = Redis;

/**
 * The limiters over one store. Every instance over the same store (a Redis server, or the
 * database's RateLimit table) counts together: that is what makes a limit hold across app
 * instances. A process keeps one per store (see throttleFor).
 */
export class Throttle {
  readonly #limiters = new Map<LimitName, RateLimiterAbstract>();
  constructor(readonly store: { redis: RedisClient } | { db: PrismaClient }) {}

  limiter(name: LimitName): RateLimiterAbstract {
    let found = this.#limiters.get(name);
    if (!found) {
      const options = { keyPrefix: `bazaar:${name}`, ...LIMITS[name] };
      found =
        "redis" in this.store
          ? new RateLimiterRedis({ ...options, storeClient: this.store.redis })
          : // The table is the migrations' (tableCreated); expired rows are cleared every 5 minutes.
            new RateLimiterPostgres({
              ...options,
              storeClient: sqlPoolOf(this.store.db),
              storeType: "pool",
              tableName: "RateLimit",
              tableCreated: true,
              clearExpiredByTimeout: true,
            });
      this.#limiters.set(name, found);
    }
    return found;
  }

  /** Counts one use of `name` for `key`; refuses (429) once the window's points are spent. */
  async consume(name: LimitName, key: string, message: string): Promise<void> {
    try {
      await this.limiter(name).consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(message, error.msBeforeNext);
      throw error;
    }
  }

  /** How much of the window is used, without using any. */
  async peek(name: LimitName, key: string): Promise<{ used: number; msBeforeNext: number }> {
    const res = await this.limiter(name).get(key);
    return { used: res?.consumedPoints ?? 0, msBeforeNext: res?.msBeforeNext ?? 0 };
  }

  async forget(name: LimitName, key: string): Promise<void> {
    await this.limiter(name).delete(key);
  }

  /** Records a failed sign-in of `email` from `ip`; from the third failure the next attempt must wait longer each time. */
  async recordFailedSignIn(email: string, clientIp: string | null): Promise<void> {
    const ip = countedAddress(clientIp);
    const failures = await this.limiter("signInAccount")
      .consume(email)
      .then((res) => res.consumedPoints)
      .catch((error: unknown) => {
        if (error instanceof RateLimiterRes) return error.consumedPoints;
        throw error;
      });
    if (ip) {
      await this.limiter("signInIp")
        .consume(ip)
        .catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        });
    }
    if (failures >= SIGN_IN_DELAY_FROM_FAILURE) {
      const wait = Math.min(2 ** (failures - SIGN_IN_DELAY_FROM_FAILURE), MAX_SIGN_IN_DELAY_SECONDS);
      await this.limiter("signInDelay").block(email, wait);
    }
  }

  /** Refuses a sign-in attempt that comes too soon after failures, or while the account or address is locked. */
  async assertSignInAllowed(email: string, clientIp: string | null): Promise<void> {
    const ip = countedAddress(clientIp);
    const [account, delay, address] = await Promise.all([
      this.peek("signInAccount", email),
      this.peek("signInDelay", email),
      ip ? this.peek("signInIp", ip) : Promise.resolve({ used: 0, msBeforeNext: 0 }),
    ]);
    if (account.used >= LIMITS.signInAccount.points) {
      throw tooManyRequests("This account is locked for a while after too many wrong passwords (reset your password if you forgot it).", account.msBeforeNext);
    }
    if (address.used >= LIMITS.signInIp.points) throw tooManyRequests("Too many failed sign-ins from your network.", address.msBeforeNext);
    if (delay.used > LIMITS.signInDelay.points) throw tooManyRequests("Too many wrong passwords in a row.", delay.msBeforeNext);
  }

  /** A good password clears the account's failures. */
  async recordSuccessfulSignIn(email: string): Promise<void> {
    await Promise.all([this.forget("signInAccount", email), this.forget("signInDelay", email)]);
  }
}

const perDatabase = new WeakMap<PrismaClient, Throttle>();
let viaRedis: Promise<Throttle> | null = null;

/** This process's throttle: over Redis when REDIS_URL is set, else over `db`'s RateLimit table. */
export async function throttleFor(db: PrismaClient): Promise<Throttle> {
  const url = getEnv().REDIS_URL;
  if (url) {
    viaRedis ??= connectRedis(url).then(
      (redis) => new Throttle({ redis }),
      (error: unknown) => {
        viaRedis = null; // the next request tries again instead of failing for the life of the process
        throw error;
      },
    );
    return viaRedis;
  }
  let found = perDatabase.get(db);
  if (!found) perDatabase.set(db, (found = new Throttle({ db })));
  return found;
}

/**
 * A connected client for the throttle. Commands are not queued while Redis is away (a sign-in
 * fails at once rather than hanging), so the first one must wait for the connection; after that
 * ioredis reconnects by itself.
 */
export async function connectRedis(url: string): Promise<RedisClient> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true });
  // Without a listener ioredis prints every failed reconnect as an unhandled error event.
  let lastError: unknown;
  redis.on("error", (error: Error) => {
    lastError = error;
    logger().warn({ err: error }, "throttle: Redis unreachable");
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw lastError ?? error; // the socket's reason (ECONNREFUSED...), not "Connection is closed."
  }
  return redis;
}

/**
 * The address to count, or null for this machine's own: the demo, the tests and the benchmarks
 * sign up and search from loopback by the hundred. Behind a proxy the client's address arrives in
 * X-Forwarded-For (see clientIpOf), so real visitors are still counted; per-account and per-buyer
 * limits apply whatever the address.
 */
export function countedAddress(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const bare = ip.replace(/^::ffff:/i, "");
  return bare === "::1" || bare.startsWith("127.") || bare === "localhost" ? null : ip;
}

const minutes = (ms: number) => {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
};

/** The refusal: 429 with how long to wait (the HTTP layers send it as Retry-After). */
export function tooManyRequests(message: string, msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new DomainError("TOO_MANY_REQUESTS", `${message} Try again in ${minutes(msBeforeNext)}.`, { retryAfterSeconds });
}

// The same over this process's store: what routers, domain functions and HTTP routes call.

export async function consume(db: PrismaClient, name: LimitName, key: string, message: string): Promise<void> {
  await (await throttleFor(db)).consume(name, key, message);
}

export async function recordFailedSignIn(db: PrismaClient, email: string, clientIp: string | null): Promise<void> {
  await (await throttleFor(db)).recordFailedSignIn(email, clientIp);
}

export async function assertSignInAllowed(db: PrismaClient, email: string, clientIp: string | null): Promise<void> {
  await (await throttleFor(db)).assertSignInAllowed(email, clientIp);
}

export async function recordSuccessfulSignIn(db: PrismaClient, email: string): Promise<void> {
  await (await throttleFor(db)).recordSuccessfulSignIn(email);
}
