// Property-based fuzzing of the whole API over HTTP: every procedure of the app router, found by
// walking it (a procedure added later is fuzzed without touching this file), is called through
// the real /api/trpc route handler with inputs generated from its own zod schema, as a guest, a
// buyer, a seller and an administrator; then the plain HTTP routes get hostile requests.
// Whatever comes in, the answer is never a 5xx and never shows Prisma, PostgreSQL or a stack.
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@bazaar/db";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { POST as carrierWebhook } from "./http/carrier-webhook";
import { GET as inngestGet, POST as inngestPost, PUT as inngestPut } from "./http/inngest";
import { GET as mediaGet, POST as mediaPost } from "./http/media";
import { POST as paymentSimulator } from "./http/payment-simulator";
import { POST as stripeWebhook } from "./http/stripe-webhook";
import { GET as uploadthingGet, POST as uploadthingPost } from "./http/uploadthing";
import { appRouter } from "./root";
import { createTrpcHandler } from "./server";
import { createAdmin, createBuyer, createProduct, createSeller } from "./testing/factories";
import { placeOrder, useDatabaseForHandlers } from "./testing/payments";
import { hostileString, hostileValue, zodArbitrary } from "./testing/zod-arbitrary";

let t: TestDatabase;
const RUNS_PER_PROCEDURE_AND_ROLE = Number(process.env.BAZAAR_FUZZ_RUNS ?? 12);
const LEAKS = /prisma|postgres|\n\s+at\s+\S+.*:\d+:\d+/i;

interface ProcedureDef {
  _def: { type: "query" | "mutation" | "subscription"; inputs: unknown[] };
}
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).sort(([a], [b]) => a.localeCompare(b));

const roles: Record<string, string | null> = { anonymous: null };
let ids: string[] = [];
let calls = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  const { seller, user: sellerUser } = await createSeller(t.db);
  const { product } = await createProduct(t.db, seller.id, { stock: 50 });
  const buyer = await createBuyer(t.db);
  const admin = await createAdmin(t.db);
  const order = await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]);
  roles.buyer = buyer.id;
  roles.seller = sellerUser.id;
  roles.admin = admin.id;
  ids = [product.id, product.slug, seller.id, seller.slug, buyer.id, sellerUser.id, admin.id, order.orderId, order.paymentIntentId];
});
afterAll(async () => t?.drop());

/** A bad answer: a 5xx, or a body that leaks the database or code. */
async function expectSafe(response: Response, what: string) {
  calls += 1;
  const body = await response.text();
  if (response.status >= 500 || LEAKS.test(body)) {
    throw new Error(`${what} answered ${response.status}: ${body.slice(0, 600)}`);
  }
}

function trpcRequest(path: string, type: string, input: unknown, encoding: "superjson" | "raw" | "broken"): Request {
  const payload = encoding === "superjson" ? superjsonText(input) : encoding === "raw" ? jsonText(input ?? null) : '{"json": [1, 2';
  if (type === "query") return new Request(`http://localhost/api/trpc/${path}?input=${urlEncoded(payload)}`);
  return new Request(`http://localhost/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
}

describe("the error boundary", () => {
  const guest = createTrpcHandler(async () => ({ userId: null, guestCartToken: null }));

  it("answers a control character with 400, a short message and the field", async () => {
    const response = await guest(trpcRequest("catalog.search", "query", { q: "lamp\u0000" }, "superjson"));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { json: { message: string; data: { fieldErrors: Record<string, string[]> } } } };
    expect(error.json.message).toBe("Remove the invisible control characters from this text.");
    expect(error.json.data.fieldErrors).toEqual({ q: ["Remove the invisible control characters from this text."] });
  });

  it("answers a validation error with its first message, not a dump of zod's issues", async () => {
    const response = await guest(trpcRequest("catalog.search", "query", { q: "x".repeat(201), limit: 0 }, "superjson"));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { json: { message: string } } };
    expect(error.json.message).toBe("Search for at most 200 characters. (and 1 more problem)");
  });

  it("answers a database failure with 500 and a request id only", async () => {
    const broken = createPrismaClient({ url: t.url.replace(/\/[^/]*$/, "/bazaar_no_such_database"), max: 1 });
    useDatabaseForHandlers(broken);
    try {
      const response = await guest(trpcRequest("catalog.search", "query", {}, "superjson"));
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(text).not.toMatch(LEAKS);
      expect(text).not.toMatch(/127\.0\.0\.1|5432|bazaar_no_such_database/);
      const { error } = JSON.parse(text) as { error: { json: { message: string; data: { requestId: string } } } };
      expect(error.json.message).toBe(`Something went wrong on our side. If it keeps happening, quote request id ${error.json.data.requestId}.`);
    } finally {
      useDatabaseForHandlers(t.db);
      await broken.$disconnect();
    }
  });
});

describe("fuzzing every tRPC procedure", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(100);
  });

  const encoding = fc.constantFrom<"superjson" | "raw" | "broken">("superjson", "superjson", "superjson", "raw", "broken");
  const started = Date.now();

  it.each(["anonymous", "buyer", "seller", "admin"])(
    "never answers 5xx nor leaks internals, whatever %s sends",
    async (role) => {
      const handler = createTrpcHandler(async () => ({ userId: roles[role], guestCartToken: null }));
      for (const [path, procedure] of procedures) {
        const schema = procedure._def.inputs[0];
        // Half the calls are shaped as the schema wants (so the procedure's body runs with odd
        // but valid values and forged cursors), half carry hostile values anywhere.
        const input = schema
          ? fc.oneof(zodArbitrary(schema, { ids, hostileWeight: 0 }), zodArbitrary(schema, { ids }))
          : fc.option(hostileValue, { nil: undefined });
        await fc.assert(
          fc.asyncProperty(input, encoding, async (value, how) => {
            await expectSafe(await handler(trpcRequest(path, procedure._def.type, value, how)), `${role} ${path}(${show(value)})`);
          }),
          { numRuns: RUNS_PER_PROCEDURE_AND_ROLE },
        );
      }
    },
    300_000,
  );

  it("made every call", () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`[fuzz] ${procedures.length} procedures x 4 roles x ${RUNS_PER_PROCEDURE_AND_ROLE} inputs: ${calls} calls, no 5xx, no leak (${seconds} s)`);
    expect(calls).toBe(procedures.length * 4 * RUNS_PER_PROCEDURE_AND_ROLE);
  });
});

/** JSON of anything (BigInts as strings): what a hostile client can send. */
const jsonText = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)) ?? "null";

/** The client's encoding; superjson itself refuses some shapes (a `__proto__` key), which a hostile client would then send raw. */
const superjsonText = (value: unknown) => {
  try {
    return JSON.stringify(superjson.serialize(value));
  } catch {
    return jsonText(value);
  }
};

const show = (value: unknown) => superjsonText(value).slice(0, 300);

/** Percent-encoding that also carries lone surrogates (encodeURIComponent throws on them). */
const urlEncoded = (text: string) =>
  Array.from(Buffer.from(text, "utf8"))
    .map((byte) => `%${byte.toString(16).padStart(2, "0")}`)
    .join("");

type Route = (request: Request, context?: never) => Promise<Response>;
const routes: [string, string, Route][] = [
  ["POST", "/api/webhooks/stripe", stripeWebhook],
  ["POST", "/api/webhooks/carrier", carrierWebhook],
  ["POST", "/api/payment-sim/confirm", paymentSimulator],
  ["POST", "/api/media/upload", mediaPost],
  ["GET", "/media/x", mediaGet],
  ["GET", "/api/uploadthing", uploadthingGet],
  ["POST", "/api/uploadthing", uploadthingPost],
  ["GET", "/api/inngest", inngestGet],
  ["POST", "/api/inngest", inngestPost],
  ["PUT", "/api/inngest", inngestPut],
];

const headerValue = fc.oneof(
  hostileString.filter((s) => /^[\t\x20-\x7e]*$/.test(s)),
  fc.constantFrom("Bearer carrier-local-secret", "t=1,v1=abc", "multipart/form-data; boundary=x"),
);
const body = fc.oneof(
  hostileValue.map(jsonText),
  hostileString,
  fc.constantFrom(
    '{"paymentIntentId":"pi_sim_0","clientSecret":"x","cardNumber":"4242424242424242"}',
    '{"trackingNumber":"1","status":"DELIVERED"}',
    '{"id":"evt_1","type":"payment_intent.succeeded","data":{"object":{}}}',
  ),
);
const suffix = fc.oneof(hostileString.map(urlEncoded), fc.constantFrom("", "/../../etc/passwd", "%00", "?fnId=x&stepId=y", "/a.png"));

describe("fuzzing the HTTP routes", () => {
  it.each(routes)("%s %s never answers 5xx nor leaks internals", async (method, path, route) => {
    await fc.assert(
      fc.asyncProperty(
        suffix,
        body,
        fc.dictionary(fc.constantFrom("authorization", "stripe-signature", "content-type", "x-carrier-secret", "x-inngest-signature"), headerValue, {
          maxKeys: 3,
        }),
        async (tail, payload, headers) => {
          const request = new Request(`http://localhost${path}${tail.startsWith("?") || tail.startsWith("/") || tail === "" ? tail : `/${tail}`}`, {
            method,
            headers,
            ...(method === "GET" ? {} : { body: payload }),
          });
          await expectSafe(await route(request), `${method} ${path}${tail} ${payload.slice(0, 200)}`);
        },
      ),
      { numRuns: 40 },
    );
  });
});
