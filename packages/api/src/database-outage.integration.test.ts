// The database goes away mid-run and comes back: while it is away, API calls answer 503 with a
// message people can act on (never Prisma's or PostgreSQL's text or its address) and pages answer
// a 503 page; once it is back, the same client works again (no dead connection kept). A real
// cluster of the test's own is stopped and started (a fast shutdown, as a restart does).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { createPrismaClient, DATABASE_UNAVAILABLE_MESSAGE, type PrismaClient } from "@bazaar/db";
import { databaseIsDown } from "@bazaar/db/availability";
import { migrateDeploy } from "@bazaar/db/migrate";
import { startThrowawayCluster, type ThrowawayCluster } from "@bazaar/db/testing";
import { asDomainError } from "./errors";
import { securityProxy } from "./http/security-proxy";
import { createTrpcHandler } from "./server";
import { callerFor } from "./testing";
import { useDatabaseForHandlers } from "./testing/payments";

let cluster: ThrowawayCluster;
let db: PrismaClient;
beforeAll(async () => {
  cluster = await startThrowawayCluster("bazaar-outage-");
  await migrateDeploy(cluster.url(), { quiet: true });
  db = createPrismaClient({ url: cluster.url(), max: 4 });
  useDatabaseForHandlers(db);
}, 180_000);
afterAll(async () => {
  await db?.$disconnect();
  await cluster?.destroy();
});

const handler = createTrpcHandler(async () => ({ userId: null }), "storefront");
const listProducts = () => handler(new Request("http://localhost/api/trpc/catalog.list"));
const proxy = securityProxy("storefront");
const page = () => proxy(new NextRequest("http://localhost/products/lamp?ref=home"));

describe("the database goes away and comes back", () => {
  it("503 with a clear message while it is away; the same client works again once it is back", async () => {
    expect((await listProducts()).status).toBe(200);
    const before = await page();
    expect(before.status).toBe(200);
    expect(before.headers.get("x-middleware-next")).toBe("1");

    // A query running when the server stops is ended by it (57P01), then nothing connects (refused).
    const running = db.$queryRaw`select pg_sleep(60)`.then(
      () => null,
      (error: unknown) => error,
    );
    await vi.waitFor(async () => {
      const rows = await db.$queryRaw<{ count: number }[]>`select count(*)::int as count from pg_stat_activity where query like 'select pg_sleep%'`;
      expect(rows[0]?.count).toBe(1);
    });
    await cluster.stop();
    const unavailable = { code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE, details: { retryAfterSeconds: 5 } };
    expect(asDomainError(await running)).toMatchObject(unavailable);

    // A domain call: the error it throws reads as the domain's UNAVAILABLE.
    const failure = await db.user.count().then(
      () => null,
      (error: unknown) => error,
    );
    expect(asDomainError(failure)).toMatchObject(unavailable);

    // Through tRPC, in process and over HTTP.
    await expect((await callerFor(db, null)).catalog.list()).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
    const refused = await listProducts();
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    const body = await refused.text();
    expect(body).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    expect(body).not.toMatch(/prisma|postgres|127\.0\.0\.1|\bat \w+ \(/i);
    // A signed-in caller is loaded from the database before any procedure runs: the same answer.
    const signedIn = await createTrpcHandler(
      async () => ({ userId: "someone", sessionVersion: 0 }),
      "storefront",
    )(new Request("http://localhost/api/trpc/catalog.list"));
    expect(signedIn.status).toBe(503);
    expect(await signedIn.text()).toContain(DATABASE_UNAVAILABLE_MESSAGE);

    // Pages: the proxy answers the 503 page (with the security headers) instead of rendering.
    expect(await databaseIsDown(0)).toBe(true);
    const pageWhileAway = await page();
    expect(pageWhileAway.status).toBe(503);
    expect(pageWhileAway.headers.get("retry-after")).toBe("5");
    expect(pageWhileAway.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(pageWhileAway.headers.get("x-frame-options")).toBe("DENY");
    const html = await pageWhileAway.text();
    expect(html).toContain(`<p data-testid="database-unavailable">We can&#39;t reach our database right now, please retry in a moment.</p>`);
    expect(html).toContain(`<a href="/products/lamp?ref=home">Try again</a>`);

    await cluster.start();

    // The proxy finds it back by itself (its probe connects), and pages render again...
    expect(await databaseIsDown(0)).toBe(false);
    expect((await page()).headers.get("x-middleware-next")).toBe("1");
    // ...and the very same client serves queries again.
    expect((await listProducts()).status).toBe(200);
    expect(await db.user.count()).toBe(0);
  });
});
