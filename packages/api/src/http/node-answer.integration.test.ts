import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { cookiesOfHeader } from "../auth/session";
import { createTrpcHandler } from "../server";
import { createProduct, createSeller } from "../testing/factories";
import { useDatabaseForHandlers } from "../testing/payments";
import { acceptsGzip, answerWithHandler } from "./node-answer";
import { staticSecurityHeaders } from "./security-headers";

// The storefront's server answers /api/trpc with the route's handler outside Next
// (apps/storefront/server.mjs): here the real tRPC handler, over real HTTP, on a real database.

let t: TestDatabase;
let server: http.Server;
let base: string;
/** What the last custom handler saw of its request. */
let seen: Request | undefined;
const headers = staticSecurityHeaders("storefront").map(({ key, value }) => [key, value] as const);

// The storefront's guest-cart cookie, read from the request as its identityOf does.
const trpc = createTrpcHandler(async (request) => ({
  userId: null,
  guestCartToken: cookiesOfHeader(request.headers.get("cookie")).find((cookie) => cookie.name === "bazaar_cart")?.value ?? null,
}));
const handlers: Record<string, (request: Request) => Promise<Response>> = {
  "/api/trpc/": trpc,
  "/echo": async (request) => {
    seen = request;
    const body = await request.text();
    const headers = new Headers({ "content-type": "application/json" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return new Response(JSON.stringify({ body }), { status: 201, headers });
  },
  "/image": async () => new Response(Buffer.alloc(4096, 7), { headers: { "content-type": "image/png" } }),
};

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  server = http.createServer((req, res) => {
    const handler = Object.entries(handlers).find(([prefix]) => req.url!.startsWith(prefix))![1];
    void answerWithHandler(req, res, handler, { headers, maxBodyBytes: 2048 });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await t?.drop();
});

/** A raw HTTP exchange (fetch would decompress, and hides how headers were sent). */
function exchange(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; raw: string[]; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, raw: res.rawHeaders, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
const query = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  exchange(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });

describe("a route handler answering a Node request", () => {
  it("answers a tRPC query with next.config's headers, one Vary, and gzip for a client that takes it", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, {
      stock: 2,
      name: "Walnut desk organiser",
      description: "Three trays and a pen rail, cut from one walnut board and oiled by hand. ".repeat(20),
    });

    const plain = await query("catalog.product", { id: product.id });
    expect(plain.status).toBe(200);
    expect(plain.headers["x-frame-options"]).toBe("DENY");
    expect(plain.headers["x-content-type-options"]).toBe("nosniff");
    expect(plain.headers["x-request-id"]).toMatch(/^[\w-]{8,}$/);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-length"]).toBe(String(plain.body.length));
    expect(plain.raw.filter((name) => name.toLowerCase() === "vary")).toHaveLength(1);
    expect(plain.headers.vary).toBe("trpc-accept, accept, Accept-Encoding");
    const json = JSON.parse(plain.body.toString()) as { result: { data: { json: { name: string } } } };
    expect(json.result.data.json.name).toBe("Walnut desk organiser");
    expect(plain.body.length).toBeGreaterThan(1024);

    const zipped = await query("catalog.product", { id: product.id }, { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers["content-length"]).toBe(String(zipped.body.length));
    expect(zipped.body.length).toBeLessThan(plain.body.length);
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body.toString());

    // A small answer (a 404's error) goes as it is, as Next's compression leaves it.
    const missing = await query("catalog.product", { slug: "no-such-product" }, { "accept-encoding": "gzip" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(missing.body.toString())).toMatchObject({ error: { json: { data: { code: "NOT_FOUND" } } } });
  });

  it("takes a mutation's body and sends the cookie it sets, then reads it back", async () => {
    const { seller } = await createSeller(t.db);
    const { product } = await createProduct(t.db, seller.id, { stock: 5 });
    const add = (cookie?: string) =>
      exchange("/api/trpc/cart.add", {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ json: { productId: product.id, quantity: 2 } }),
      });
    const first = await add();
    expect(first.status).toBe(200);
    const setCookie = first.headers["set-cookie"]?.[0] ?? "";
    expect(setCookie).toMatch(/^bazaar_cart=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/);
    const cookie = setCookie.split(";")[0]!;

    // The same guest's cart: the second add lands in it.
    expect((await add(cookie)).status).toBe(200);
    const cart = await t.db.cart.findFirstOrThrow({ where: { guestToken: decodeURIComponent(cookie.split("=")[1]!) }, include: { items: true } });
    expect(cart.items.map((item) => item.quantity)).toEqual([4]);
  });

  it("passes every Set-Cookie, the body, and X-Forwarded-* as Next sets them (a proxy's own kept)", async () => {
    const direct = await exchange("/echo", { method: "POST", headers: { host: "shop.test" }, body: "hello" });
    expect(direct.status).toBe(201);
    expect(direct.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(JSON.parse(direct.body.toString())).toEqual({ body: "hello" });
    expect(seen?.headers.get("x-forwarded-for")).toBe("127.0.0.1");
    expect(seen?.headers.get("x-forwarded-proto")).toBe("http");
    expect(seen?.headers.get("x-forwarded-host")).toBe("shop.test");
    expect(new URL(seen!.url).host).toBe("shop.test");

    await exchange("/echo", { headers: { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" } });
    expect(seen?.headers.get("x-forwarded-for")).toBe("203.0.113.7");
    expect(seen?.headers.get("x-forwarded-proto")).toBe("https");
  });

  it("refuses a body over the limit with 413, and a Host that makes no URL with 400", async () => {
    const big = await exchange("/api/trpc/cart.add", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { productId: "x".repeat(4000), quantity: 1 } }),
    });
    expect(big.status).toBe(413);

    const badHost = await exchange("/echo", { headers: { host: "bad host[" } });
    expect(badHost.status).toBe(400);
  });

  it("leaves what is not text or JSON as it is", async () => {
    const image = await exchange("/image", { headers: { "accept-encoding": "gzip" } });
    expect(image.headers["content-encoding"]).toBeUndefined();
    expect(image.headers.vary).toBeUndefined();
    expect(image.body.length).toBe(4096);
  });
});

describe("acceptsGzip", () => {
  it("takes gzip by name or *, with a q above zero", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
