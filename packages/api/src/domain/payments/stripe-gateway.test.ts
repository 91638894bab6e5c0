// The Stripe gateway against a stub of Stripe's API on 127.0.0.1: what we send (amounts,
// lower-case currencies, automatic payment methods, idempotency keys) and what we return.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStripeGateway } from "./stripe-gateway";

interface Seen {
  path: string;
  idempotencyKey: string | undefined;
  body: URLSearchParams;
}

let server: Server;
const seen: Seen[] = [];
let gateway: ReturnType<typeof createStripeGateway>;

const replies: Record<string, object> = {
  "/v1/payment_intents": { id: "pi_123", object: "payment_intent", client_secret: "pi_123_secret_abc" },
  "/v1/refunds": { id: "re_123", object: "refund" },
  "/v1/transfers": { id: "tr_123", object: "transfer" },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const path = req.url ?? "";
      const key = req.headers["idempotency-key"];
      seen.push({ path, idempotencyKey: typeof key === "string" ? key : undefined, body: new URLSearchParams(body) });
      const reply = replies[path];
      res.writeHead(reply ? 200 : 404, { "content-type": "application/json", "request-id": "req_stub" });
      res.end(JSON.stringify(reply ?? { error: { type: "invalid_request_error", message: "no such route" } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  gateway = createStripeGateway("sk_test_stub", new Stripe("sk_test_stub", { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 }));
});
afterAll(() => new Promise((resolve) => server?.close(resolve)));

describe("Stripe gateway", () => {
  it("creates a PaymentIntent with automatic payment methods and our idempotency key", async () => {
    await expect(
      gateway.createPaymentIntent({ amountCents: 8131, currency: "USD", idempotencyKey: "checkout:o1", metadata: { orderId: "o1" } }),
    ).resolves.toEqual({
      id: "pi_123",
      clientSecret: "pi_123_secret_abc",
    });
    const request = seen.at(-1)!;
    expect(request.path).toBe("/v1/payment_intents");
    expect(request.idempotencyKey).toBe("checkout:o1");
    expect(Object.fromEntries(request.body)).toMatchObject({
      amount: "8131",
      currency: "usd",
      "automatic_payment_methods[enabled]": "true",
      "metadata[orderId]": "o1",
    });
  });

  it("refunds part of a PaymentIntent, our reason in metadata", async () => {
    await expect(gateway.refund({ paymentIntentId: "pi_123", amountCents: 500, idempotencyKey: "refund:s1:0", reason: "Damaged" })).resolves.toEqual({
      id: "re_123",
    });
    const request = seen.at(-1)!;
    expect(request.idempotencyKey).toBe("refund:s1:0");
    expect(Object.fromEntries(request.body)).toMatchObject({
      payment_intent: "pi_123",
      amount: "500",
      reason: "requested_by_customer",
      "metadata[reason]": "Damaged",
    });
  });

  it("transfers to a connected account, and refuses a seller without one before calling Stripe", async () => {
    await expect(gateway.transfer({ amountCents: 4048, currency: "USD", destination: "acct_1", idempotencyKey: "payout:p1" })).resolves.toEqual({
      id: "tr_123",
    });
    expect(Object.fromEntries(seen.at(-1)!.body)).toMatchObject({ amount: "4048", currency: "usd", destination: "acct_1" });
    const calls = seen.length;
    await expect(gateway.transfer({ amountCents: 1, currency: "USD", destination: null, idempotencyKey: "payout:p2" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(seen).toHaveLength(calls);
  });
});
