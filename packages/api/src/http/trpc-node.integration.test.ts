import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { cookiesOfHeader } from "../auth/session";
import { DomainError } from "../errors";
import { createNodeTrpcHandler, createTrpcHandler, type RequestIdentity } from "../server";
import { createBuyer, createProduct, createSeller } from "../testing/factories";
import { useDatabaseForHandlers } from "../testing/payments";
import { LIMITS } from "../throttle/limits";
import { answerWithHandler } from "./node-answer";
import { staticSecurityHeaders } from "./security-headers";

// The storefront's server answers plain tRPC calls on Node's request and response
// (createNodeTrpcHandler, http/trpc-node.ts) and everything else with the route's fetch handler.
// Both ways must give the same answers: here each request goes to two real servers, one per
// way, over real HTTP on a real database, and their statuses, headers and bodies are compared.

let t: TestDatabase;
const headers = staticSecurityHeaders("storefront").map(({ key, value }) => [key, value] as const);
const answer = { headers, maxBodyBytes: 2048 };

/**
 * As the storefront's identityOf: the guest cart's cookie; here a test header names the signed-in
 * user, and another makes the context fail.
 */
const identify = async (request: { headers: Pick<Headers, "get"> }): Promise<RequestIdentity> => {
  if (request.headers.get("x-test-unavailable")) throw new DomainError("UNAVAILABLE", "Nobody can be identified for a moment.");
  return {
    userId: request.headers.get("x-test-user"),
    guestCartToken: cookiesOfHeader(request.headers.get("cookie")).find((cookie) => cookie.name === "bazaar_cart")?.value ?? null,
  };
};
const viaFetch = createTrpcHandler(identify, "storefront");
const viaNode = createNodeTrpcHandler(identify, "storefront");
/** Requests the Node way left to the fetch handler. */
let fellBack = 0;

const servers: http.Server[] = [];
const bases = { fetch: "", node: "" };
function listen(handle: http.RequestListener) {
  const server = http.createServer(handle);
  servers.push(server);
  return new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  bases.fetch = await listen((req, res) => void answerWithHandler(req, res, viaFetch, answer));
  bases.node = await listen((req, res) => {
    const fallback = () => {
      fellBack += 1;
      return answerWithHandler(req, res, viaFetch, answer);
    };
    void (viaNode(req, res, answer, fallback) ?? fallback());
  });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await t?.drop();
});

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function exchange(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<Exchange>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** An error's request id, different for every request. */
const withoutRequestIds = (json: unknown): unknown =>
  JSON.parse(
    JSON.stringify(json)
      .replace(/"requestId":"[^"]+"/g, '"requestId":"<id>"')
      .replace(/quote request id [\w-]+/g, "quote request id <id>"),
  );

/** What must match: the status, every header but the per-request ones, and the body (JSON parsed, gzip opened, request ids masked). */
function comparable(answer: Exchange, mask: (json: unknown) => unknown) {
  const { date: _date, "x-request-id": requestId, connection: _connection, "keep-alive": _keepAlive, ...rest } = answer.headers;
  expect(requestId).toMatch(/^[\w-]{8,}$/);
  const text = (answer.headers["content-encoding"] === "gzip" ? gunzipSync(answer.body) : answer.body).toString("utf8");
  // A streamed batch is JSON lines (sent as application/json): compared as text.
  const isJson = String(answer.headers["content-type"]).includes("json") && !answer.headers["transfer-encoding"] && !text.includes("\n");
  // Both servers gzip alike, but only the length of the same bytes can be compared.
  const { "content-length": length, ...headers } = rest;
  return {
    status: answer.status,
    headers,
    length: answer.headers["content-encoding"] ? "gzipped" : length,
    body: isJson ? mask(withoutRequestIds(JSON.parse(text))) : text,
  };
}

/** Sends the same request both ways and expects the same answer; returns the Node way's. */
async function expectSameAnswer(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
  mask: (json: unknown) => unknown = (json) => json,
) {
  const [fetched, noded] = [await exchange(bases.fetch, path, options), await exchange(bases.node, path, options)];
  expect(comparable(noded, mask)).toEqual(comparable(fetched, mask));
  return noded;
}

const input = (value: unknown) => encodeURIComponent(JSON.stringify({ json: value }));
const batch = (values: unknown[]) => encodeURIComponent(JSON.stringify(Object.fromEntries(values.map((value, i) => [i, { json: value }]))));
const json = { "content-type": "application/json" };

describe("tRPC answered on Node's request, against the fetch adapter", () => {
  it("answers queries, batches, refusals and a missing procedure alike, without the fetch handler", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 3, description: "A lamp of brass and linen, wired by hand. ".repeat(40) });
    const before = fellBack;

    const one = await expectSameAnswer(`/api/trpc/catalog.product?input=${input({ id: product.id })}`);
    expect(one.status).toBe(200);
    // The caller's request id is kept, as the route's observeRoute keeps it.
    const traced = await exchange(bases.node, `/api/trpc/catalog.product?input=${input({ id: product.id })}`, {
      headers: { "x-request-id": "trace-0123456789" },
    });
    expect(traced.headers["x-request-id"]).toBe("trace-0123456789");
    await expectSameAnswer(`/api/trpc/catalog.product?input=${input({ id: product.id })}`, { headers: { "accept-encoding": "gzip" } });
    const both = await expectSameAnswer(`/api/trpc/catalog.product,catalog.categories?batch=1&input=${batch([{ id: product.id }, undefined])}`);
    expect(both.status).toBe(200);
    // One call of the batch refused: 207, each answered on its own.
    const mixed = await expectSameAnswer(`/api/trpc/catalog.product,catalog.product?batch=1&input=${batch([{ id: product.id }, { slug: "no-such-product" }])}`);
    expect(mixed.status).toBe(207);
    expect((await expectSameAnswer(`/api/trpc/catalog.product?input=${input({ id: 5 })}`)).status).toBe(400);
    expect((await expectSameAnswer(`/api/trpc/catalog.nothing?input=${input({})}`)).status).toBe(404);
    expect((await expectSameAnswer(`/api/trpc/orders.list?input=${input({})}`)).status).toBe(401);
    // A mutation by GET, a query by POST.
    expect((await expectSameAnswer(`/api/trpc/cart.add?input=${input({ productId: product.id, quantity: 1 })}`)).status).toBe(405);
    expect((await expectSameAnswer("/api/trpc/catalog.categories", { method: "POST", headers: json, body: "{}" })).status).toBe(405);
    // Inputs tRPC cannot read: a batch whose input is not an object, a path that does not decode (the fetch way's 500 until now).
    expect((await expectSameAnswer(`/api/trpc/catalog.product?batch=1&input=${encodeURIComponent("[1]")}`)).status).toBe(400);
    expect((await expectSameAnswer("/api/trpc/catalog.%E0%A4%A")).status).toBe(400);
    // A context that cannot be made fails each call after its own checks (a missing procedure stays 404).
    const away = { headers: { "x-test-unavailable": "1" } };
    const unavailable = await expectSameAnswer(`/api/trpc/catalog.product,catalog.nothing?batch=1&input=${batch([{ id: product.id }, undefined])}`, away);
    expect(unavailable.status).toBe(207);
    expect((await expectSameAnswer(`/api/trpc/catalog.product?input=${input({ id: product.id })}`, away)).status).toBe(500);
    expect(fellBack).toBe(before);
  });

  it("takes a mutation's body, sets the guest's cookie, and refuses a body that is not JSON or too large alike", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 50 });
    const add = { method: "POST", headers: json, body: JSON.stringify({ json: { productId: product.id, quantity: 1 } }) };
    // Each way makes its own guest cart: its ids and token differ, the rest must not.
    const ids = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (_key, inner: unknown) =>
        typeof inner === "string" && /^c[a-z0-9]{20,}$|^[0-9a-f-]{36}$/.test(inner) ? "<id>" : inner,
      );
    const [fetched, noded] = [await exchange(bases.fetch, "/api/trpc/cart.add", add), await exchange(bases.node, "/api/trpc/cart.add", add)];
    const cookieName = (answer: Exchange) => answer.headers["set-cookie"]?.map((cookie) => cookie.replace(/=[^;]+;/, "=<token>;"));
    expect(noded.status).toBe(200);
    expect(cookieName(noded)).toEqual(cookieName(fetched));
    expect(cookieName(noded)?.[0]).toMatch(/^bazaar_cart=<token>; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const withoutCookie = (answer: Exchange) => ({ ...answer, headers: { ...answer.headers, "set-cookie": undefined } });
    expect(comparable(withoutCookie(noded), ids)).toEqual(comparable(withoutCookie(fetched), ids));

    // The guest's cookie brings the Node way's second add into the same cart.
    const cookie = noded.headers["set-cookie"]![0]!.split(";")[0]!;
    expect((await exchange(bases.node, "/api/trpc/cart.add", { ...add, headers: { ...json, cookie } })).status).toBe(200);
    const cart = await t.db.cart.findFirstOrThrow({ where: { guestToken: decodeURIComponent(cookie.split("=")[1]!) }, include: { items: true } });
    expect(cart.items.map((item) => item.quantity)).toEqual([2]);

    expect((await expectSameAnswer("/api/trpc/cart.add", { method: "POST", headers: json, body: "{not json" })).status).toBeGreaterThanOrEqual(400);
    const big = JSON.stringify({ json: { productId: "x".repeat(4000), quantity: 1 } });
    expect((await expectSameAnswer("/api/trpc/cart.add", { method: "POST", headers: json, body: big })).status).toBe(413);
  });

  it("answers a signed-in caller's query, and a throttled call with the same Retry-After", async () => {
    const buyer = await createBuyer(t.db);
    const orders = await expectSameAnswer(`/api/trpc/orders.list?input=${input({})}`, { headers: { "x-test-user": buyer.id } });
    expect(orders.status).toBe(200);

    const signUp = (i: number) => ({
      method: "POST",
      headers: { ...json, "x-forwarded-for": "192.0.2.77" },
      body: JSON.stringify({ json: { name: "Flood", email: `flood-${i}@example.com`, password: "a long enough password" } }),
    });
    for (let i = 0; i < LIMITS.signUpIp.points; i += 1) expect((await exchange(bases.fetch, "/api/trpc/account.signUpBuyer", signUp(i))).status).toBe(200);
    // The wait counts down between the two answers: seconds may differ by one.
    const [fetched, noded] = [
      await exchange(bases.fetch, "/api/trpc/account.signUpBuyer", signUp(99)),
      await exchange(bases.node, "/api/trpc/account.signUpBuyer", signUp(100)),
    ];
    expect([fetched.status, noded.status]).toEqual([429, 429]);
    expect(Math.abs(Number(noded.headers["retry-after"]) - Number(fetched.headers["retry-after"]))).toBeLessThanOrEqual(1);
    const seconds = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value)
          .replace(/"retryAfterSeconds":\d+/g, '"retryAfterSeconds":0')
          .replace(/in \d+ (minutes?|seconds?)/g, "in <n>"),
      ) as unknown;
    const { "retry-after": _a, ...fetchedHeaders } = fetched.headers;
    const { "retry-after": _b, ...nodedHeaders } = noded.headers;
    expect(comparable({ ...noded, headers: nodedHeaders }, seconds)).toEqual(comparable({ ...fetched, headers: fetchedHeaders }, seconds));
  });

  it("leaves a streamed batch, a form and a HEAD to the fetch handler", async () => {
    const before = fellBack;
    await expectSameAnswer(`/api/trpc/catalog.categories?batch=1&input=${batch([undefined])}`, { headers: { "trpc-accept": "application/jsonl" } });
    await expectSameAnswer("/api/trpc/cart.add", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--" });
    await expectSameAnswer("/api/trpc/catalog.categories", { method: "HEAD" });
    expect(fellBack).toBe(before + 3);
  });
});
