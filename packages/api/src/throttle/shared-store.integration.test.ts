// Two app instances share one throttle store: failures counted through either add up, a lock set
// through one is refused by the other, and the lock's end (or a good password) opens both. Over
// the database's RateLimit table (the default store) and over Redis (REDIS_URL): a throwaway
// redis-server when Debian's is on PATH, else the server REDIS_URL names (see testing/redis.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { isDomainError } from "../errors";
import { startTestRedis, testRedisSource, type TestRedis } from "../testing/redis";
import { uniqueSuffix } from "../testing/factories";
import { connectRedis, LIMITS, Throttle, throttleFor, type RedisClient } from "./limits";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => t?.drop());

// One address per run: a REDIS_URL server may keep an earlier run's counts.
const IP = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;

/** What a sign-in attempt would be told right now by `instance`: allowed, or the refusal's message. */
async function verdict(instance: Throttle, email: string): Promise<string> {
  try {
    await instance.assertSignInAllowed(email, IP);
    return "allowed";
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    return error.message;
  }
}

/**
 * The scenario on two instances `a` and `b`; `endWindows` makes time pass beyond every window
 * the account's keys are in (however the store keeps time).
 */
async function twoInstances(a: Throttle, b: Throttle, endWindows: (email: string) => Promise<void>) {
  const email = `shared-${uniqueSuffix()}@example.com`;

  // Three failures, two through a and one through b: the third starts the wait, on both.
  await a.recordFailedSignIn(email, IP);
  await b.recordFailedSignIn(email, IP);
  expect(await verdict(a, email)).toBe("allowed");
  await a.recordFailedSignIn(email, IP);
  expect(await verdict(b, email)).toBe("Too many wrong passwords in a row. Try again in 1 second.");
  expect(await verdict(a, email)).toBe("Too many wrong passwords in a row. Try again in 1 second.");

  // Up to the tenth, alternating: the account is locked for the window, seen from either.
  for (let i = 3; i < LIMITS.signInAccount.points; i += 1) await (i % 2 ? b : a).recordFailedSignIn(email, IP);
  const locked = "This account is locked for a while after too many wrong passwords (reset your password if you forgot it). Try again in 15 minutes.";
  expect(await verdict(b, email)).toBe(locked);
  expect(await verdict(a, email)).toBe(locked);
  expect(await a.peek("signInAccount", email)).toMatchObject({ used: LIMITS.signInAccount.points });
  expect((await b.peek("signInIp", IP)).used).toBeGreaterThanOrEqual(LIMITS.signInAccount.points);

  // The window ends: open again on both.
  await endWindows(email);
  expect(await verdict(a, email)).toBe("allowed");
  expect(await verdict(b, email)).toBe("allowed");

  // A good password through one instance clears what the other counted.
  await b.recordFailedSignIn(email, IP);
  expect((await a.peek("signInAccount", email)).used).toBe(1);
  await a.recordSuccessfulSignIn(email);
  expect((await b.peek("signInAccount", email)).used).toBe(0);
  return email;
}

describe("over PostgreSQL (the RateLimit table), two clients of one database", () => {
  let other: PrismaClient;
  beforeAll(() => {
    other = createPrismaClient({ url: t.url, max: 2 });
  });
  afterAll(async () => other?.$disconnect());

  it("a lock set through one instance is refused by the other, and ends for both", async () => {
    // The library reads Date for this store's expiry, so a fake clock moves the windows.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T10:00:00Z"));
    await twoInstances(new Throttle({ db: t.db }), new Throttle({ db: other }), async () => {
      vi.setSystemTime(new Date("2026-12-05T10:15:01Z"));
    });
  });
});

const redisSource = testRedisSource();
if (redisSource) {
  describe(`over Redis (${redisSource === "redis-server" ? "a throwaway redis-server" : "REDIS_URL"}), two connections`, () => {
    let redis: TestRedis | null = null;
    const clients: RedisClient[] = [];
    afterAll(async () => {
      for (const client of clients) client.disconnect();
      await redis?.stop();
    });

    it("REDIS_URL puts the counts in Redis, shared with a second instance; a lock seen by both, then open", async () => {
      // Non-null: the source was there when the tests were declared. A REDIS_URL set but unreachable throws here, naming it.
      redis = (await startTestRedis())!;
      // The app's own path: REDIS_URL makes throttleFor connect to Redis (nothing read this file's env before).
      process.env.REDIS_URL = redis.url;
      const a = await throttleFor(t.db);
      expect("redis" in a.store).toBe(true);
      if ("redis" in a.store) clients.push(a.store.redis);
      const inspector = await connectRedis(redis.url);
      const bClient = await connectRedis(redis.url);
      clients.push(inspector, bClient);

      const email = await twoInstances(a, new Throttle({ redis: bClient }), async (account) => {
        // Redis keeps time itself (a fake clock cannot move it): first see that each key ends
        // with its window, then end them as time would, by expiring them at a past instant.
        const keys = [`bazaar:signInAccount:${account}`, `bazaar:signInDelay:${account}`, `bazaar:signInIp:${IP}`];
        const ttl = await inspector.pttl(keys[0]!);
        expect(ttl).toBeGreaterThan(14 * 60_000);
        expect(ttl).toBeLessThanOrEqual(LIMITS.signInAccount.duration * 1000);
        for (const key of keys) expect(await inspector.pexpireat(key, 1)).toBe(1);
      });
      // Nothing went to PostgreSQL.
      expect(await t.db.rateLimit.count({ where: { key: { contains: email } } })).toBe(0);
    });
  });
} else {
  // Only where neither is possible (no REDIS_URL, no redis-server): said aloud, not skipped quietly.
  console.warn("[throttle] Redis store not tested here: install Debian's redis-server (apt-get install redis-server) or set REDIS_URL.");
}
