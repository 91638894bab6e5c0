// /api/inngest as the Inngest dev server drives it: introspection lists Bazaar's functions, and
// a call runs a function's next step against the app's database, answering with the step's op.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { functions } from "../events/functions";
import { createBuyer, createProduct, createSeller } from "../testing/factories";
import { payWithCard, placeOrder, useDatabaseForHandlers } from "../testing/payments";
import { resetEnvCache } from "../env";
import { GET, POST, PUT } from "./inngest";

let t: TestDatabase;
const previousDev = process.env.INNGEST_DEV;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  // Dev mode: requests are not signed (Inngest Cloud's are, with INNGEST_SIGNING_KEY).
  process.env.INNGEST_DEV = "1";
});
afterAll(async () => {
  if (previousDev === undefined) delete process.env.INNGEST_DEV;
  else process.env.INNGEST_DEV = previousDev;
  await t?.drop();
});

const url = "http://localhost:3002/api/inngest";

describe("/api/inngest", () => {
  it("answers 404 with the reason when Inngest is not configured (the worker runs the functions)", async () => {
    delete process.env.INNGEST_DEV;
    resetEnvCache();
    try {
      for (const method of ["GET", "POST", "PUT"] as const) {
        const response = await { GET, POST, PUT }[method](new Request(url, { method }), undefined);
        expect(response.status).toBe(404);
        expect(await response.json()).toMatchObject({ error: { message: expect.stringContaining("not configured") as unknown } });
      }
    } finally {
      process.env.INNGEST_DEV = "1";
      resetEnvCache();
    }
  });

  it("describes the app and its functions", async () => {
    const response = await GET(new Request(url), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: "dev", function_count: functions.length });
  });

  it("runs a function when Inngest calls it", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3 });
    const buyer = await createBuyer(t.db);
    const placed = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
    await payWithCard(t.db, placed);

    const event = { id: "evt-1", name: "order/confirmed", data: { orderId: placed.orderId }, ts: Date.now() };
    const body = { event, events: [event], steps: {}, ctx: { run_id: "run-1", attempt: 0, max_attempts: 4, stack: { stack: [], current: 0 } }, version: 2 };
    const response = await POST(
      new Request(`${url}?fnId=bazaar-order-confirmed-notify&stepId=step`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      undefined,
    );
    // The messages are the function's one unit of work (no step): one call runs it and answers with its result.
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ sellers: 1 });
    expect(await t.db.email.count({ where: { to: buyer.email, template: "order-confirmation" } })).toBe(1);
  });
});
