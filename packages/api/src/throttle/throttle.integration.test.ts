// Throttling against the real store (the RateLimit table): time moves with a fake clock (the
// limiter reads Date), never with sleeps.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { authenticate } from "../domain/accounts/authenticate";
import { isDomainError } from "../errors";
import { createTrpcHandler } from "../server";
import { createBuyer } from "../testing/factories";
import { useDatabaseForHandlers } from "../testing/payments";
import { LIMITS } from "./limits";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => t?.drop());

const PASSWORD = "correct horse battery";

async function attempt(email: string, password: string, ip = "203.0.113.7") {
  try {
    await authenticate(t.db, { email, password }, { ip });
    return { ok: true as const };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { ok: false as const, code: error.code, message: error.message, retryAfter: error.details?.retryAfterSeconds as number | undefined };
  }
}

describe("sign-in", () => {
  it("20 wrong passwords in a row: a growing wait from the third, a lock at the tenth, open again once the lock ends", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T10:00:00Z"));
    const buyer = await createBuyer(t.db, { password: PASSWORD });

    const answers = [];
    for (let i = 0; i < 20; i += 1) answers.push(await attempt(buyer.email, `wrong-${i}`));
    // Back to back, only the first three are checked; the rest must wait.
    expect(answers.slice(0, 3).map((a) => a.ok === false && a.code)).toEqual(["UNAUTHORIZED", "UNAUTHORIZED", "UNAUTHORIZED"]);
    expect(answers.slice(3).every((a) => !a.ok && a.code === "TOO_MANY_REQUESTS")).toBe(true);
    expect(answers[3]).toMatchObject({ message: "Too many wrong passwords in a row. Try again in 1 second.", retryAfter: 1 });
    // Even the right password waits its turn.
    expect(await attempt(buyer.email, PASSWORD)).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });

    // Someone who waits each time: the waits double (1, 2, 4... s), and the tenth failure locks the account.
    const waits: number[] = [];
    let failures = 3;
    while (failures < LIMITS.signInAccount.points) {
      const refused = await attempt(buyer.email, "still-wrong");
      expect(refused).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
      waits.push(refused.ok ? 0 : refused.retryAfter!);
      vi.setSystemTime(Date.now() + refused.retryAfter! * 1000);
      expect(await attempt(buyer.email, "still-wrong")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
      failures += 1;
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const locked = await attempt(buyer.email, PASSWORD);
    expect(locked).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
    expect(locked.ok ? "" : locked.message).toMatch(
      /^This account is locked for a while after too many wrong passwords \(reset your password if you forgot it\)\. Try again in \d+ minutes\.$/,
    );

    // The lock ends with the window (15 minutes from the first failure); the right password then works and clears the count.
    vi.setSystemTime(new Date("2026-12-05T10:15:01Z"));
    expect(await attempt(buyer.email, PASSWORD)).toEqual({ ok: true });
    expect(await attempt(buyer.email, "wrong-again")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await attempt(buyer.email, PASSWORD)).toEqual({ ok: true });
  });

  it("many failures from one address lock that address out, whichever accounts they try", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-06T10:00:00Z"));
    for (let i = 0; i < LIMITS.signInIp.points; i += 1) {
      expect(await attempt(`nobody-${i}@example.com`, "guess", "198.51.100.9")).toMatchObject({ code: "UNAUTHORIZED" });
    }
    expect(await attempt("nobody-else@example.com", "guess", "198.51.100.9")).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    // Another address is not affected.
    expect(await attempt("nobody-else@example.com", "guess", "198.51.100.10")).toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("over HTTP", () => {
  const handler = createTrpcHandler(async () => ({ userId: null }));
  const signUp = (i: number, ip: string) =>
    handler(
      new Request("http://localhost/api/trpc/account.signUpBuyer", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ json: { name: "Flood", email: `flood-${i}-${ip}@example.com`, password: "a long enough password" } }),
      }),
    );

  it("sign-up per address: 429 with Retry-After once the hour's accounts are made, other addresses still welcome", async () => {
    for (let i = 0; i < LIMITS.signUpIp.points; i += 1) expect((await signUp(i, "192.0.2.44")).status).toBe(200);
    const refused = await signUp(99, "192.0.2.44");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3000);
    expect(await refused.text()).toContain("Too many accounts were created from your network.");
    // The client cannot pick its address: the nearest hop's entry counts.
    expect((await signUp(100, "1.2.3.4, 192.0.2.44")).status).toBe(429);
    expect((await signUp(101, "192.0.2.45")).status).toBe(200);
    // This machine (the demo, tests, benchmarks) is not counted per address.
    for (let i = 0; i < LIMITS.signUpIp.points + 2; i += 1) expect((await signUp(200 + i, "127.0.0.1")).status).toBe(200);
  });
});
