import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offerRouteToServer, serveRouteRequest } from "./serve-routes";

// Which requests server.mjs hands to an offered route's handler, and which it leaves to Next.
let server: http.Server;
let base: string;
const served: string[] = [];
const answer = (name: string) => async (request: Request) => {
  served.push(`${name} ${request.method} ${new URL(request.url).pathname}`);
  return Response.json({ name });
};

beforeAll(async () => {
  offerRouteToServer("/api/trpc/", ["GET", "POST"], answer("trpc"));
  offerRouteToServer("/api/webhooks/stripe", ["POST"], answer("stripe"));
  server = http.createServer((req, res) => {
    const answering = serveRouteRequest(req, res);
    if (!answering) res.writeHead(299).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

describe("routes offered to the storefront's server", () => {
  it("takes the offered paths and methods, and leaves everything else to Next", async () => {
    const statusOf = async (path: string, method = "GET") => (await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : undefined })).status;
    expect(await statusOf("/api/trpc/catalog.list?input=%7B%7D")).toBe(200);
    expect(await statusOf("/api/trpc/cart.add,cart.get?batch=1", "POST")).toBe(200);
    expect(await statusOf("/api/webhooks/stripe", "POST")).toBe(200);
    expect(served).toEqual(["trpc GET /api/trpc/catalog.list", "trpc POST /api/trpc/cart.add,cart.get", "stripe POST /api/webhooks/stripe"]);

    expect(await statusOf("/api/trpc")).toBe(299);
    expect(await statusOf("/api/trpc/catalog.list", "DELETE")).toBe(299);
    expect(await statusOf("/api/webhooks/stripe")).toBe(299);
    expect(await statusOf("/api/webhooks/stripe/again", "POST")).toBe(299);
    expect(await statusOf("/api/webhooks/carrier", "POST")).toBe(299);
    expect(await statusOf("/c/electronics")).toBe(299);
    expect(served).toHaveLength(3);
    expect((globalThis as Record<symbol, unknown>)[Symbol.for("bazaar.storefront.serveRouteRequest")]).toBe(serveRouteRequest);
  });
});
