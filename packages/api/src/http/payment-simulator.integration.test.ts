// The simulator's two doors, each delivering its Stripe event over real HTTP to the webhook
// route (served here by a small node server in front of the exported POST handler, standing in
// for the storefront): the storefront's /api/payment-sim/confirm and the payments.simulatorConfirm procedure.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@bazaar/db/testing";
import { resetEnvCache } from "../env";
import { callerFor } from "../testing";
import { createBuyer, createProduct, createSeller } from "../testing/factories";
import { placeOrder, useDatabaseForHandlers } from "../testing/payments";
import { simulatorClientSecret } from "../domain/payments/simulator-gateway";
import { POST as confirmRoute } from "./payment-simulator";
import { POST as stripeWebhook } from "./stripe-webhook";

let t: TestDatabase;
let storefront: Server;
let webhookCalls = 0;
const previousUrl = process.env.STOREFRONT_URL;
const previousSecret = process.env.AUTH_SECRET;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabaseForHandlers(t.db);
  storefront = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      webhookCalls += 1;
      const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
      void stripeWebhook(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) })).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(await response.text());
      });
    });
  });
  await new Promise<void>((resolve) => storefront.listen(0, "127.0.0.1", resolve));
  process.env.STOREFRONT_URL = `http://127.0.0.1:${(storefront.address() as AddressInfo).port}`;
  // As a real start has (scripts/start.ts): a server secret written nowhere in the repository.
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  resetEnvCache();
});

afterAll(async () => {
  if (previousUrl === undefined) delete process.env.STOREFRONT_URL;
  else process.env.STOREFRONT_URL = previousUrl;
  if (previousSecret === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = previousSecret;
  resetEnvCache();
  await new Promise((resolve) => storefront?.close(resolve));
  await t?.drop();
});

async function placed() {
  const { seller } = await createSeller(t.db);
  const { product } = await createProduct(t.db, seller.id, { stock: 5 });
  const buyer = await createBuyer(t.db);
  return { buyer, order: await placeOrder(t.db, buyer.id, [{ productId: product.id, quantity: 1 }]) };
}

const confirm = (body: unknown, path = "/api/payment-sim/confirm") =>
  confirmRoute(new Request(`http://localhost${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));

describe("POST /api/payment-sim/confirm", () => {
  it("pays with 4242 4242 4242 4242: the signed event goes over HTTP to the webhook, which confirms the order", async () => {
    const { order } = await placed();
    const before = webhookCalls;
    const response = await confirm({ paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: "4242 4242 4242 4242" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "succeeded", message: null, orderId: order.orderId });
    expect(webhookCalls).toBe(before + 1);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("CONFIRMED");
    // Paying twice is refused with a clear message.
    const again = await confirm({ paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: "4242424242424242" });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { message: "This order is already paid." } });
  });

  it("answers the client's mistakes with 4xx and a message", async () => {
    const { order } = await placed();
    expect((await confirm({ paymentIntentId: order.paymentIntentId })).status).toBe(400);
    expect((await confirm({ paymentIntentId: order.paymentIntentId, clientSecret: "pi_sim_0_secret_wrong", cardNumber: "4242424242424242" })).status).toBe(403);
    expect((await confirm({ paymentIntentId: "pi_sim_abc", clientSecret: "x", cardNumber: "4242424242424242" })).status).toBe(404);
    expect((await confirm({}, "/api/payment-sim/other")).status).toBe(404);
    const badCard = await confirm({ paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: "1234 5678" });
    expect(badCard.status).toBe(400);
    expect(await badCard.json()).toMatchObject({ error: { message: "Your card number is incorrect." } });
  });
});

describe("who may confirm a simulated payment", () => {
  it("nobody without the client secret, which only the server can derive: not from the order or intent id", async () => {
    const { order } = await placed();
    // What anyone could compute before: a hash of the intent id, no server secret in it.
    const derivable = `${order.paymentIntentId}_secret_${createHash("sha256").update(`secret:${order.paymentIntentId}`).digest("hex").slice(0, 24)}`;
    for (const clientSecret of [
      derivable,
      simulatorClientSecret(order.paymentIntentId, "bazaar-local-development-secret-change-me"),
      `${order.paymentIntentId}_secret_`,
    ]) {
      const response = await confirm({ paymentIntentId: order.paymentIntentId, clientSecret, cardNumber: "4000 0000 0000 0002" });
      expect(response.status).toBe(403);
    }
    expect(order.clientSecret).toBe(simulatorClientSecret(order.paymentIntentId));
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING_PAYMENT");
  });

  it("another signed-in buyer, even holding the secret, finds nothing; the buyer pays", async () => {
    const { buyer, order } = await placed();
    const input = { paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: "4242 4242 4242 4242" };
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.payments.simulatorConfirm(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect((await callerFor(t.db, null)).payments.simulatorConfirm(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING_PAYMENT");
    await expect((await callerFor(t.db, buyer.id)).payments.simulatorConfirm(input)).resolves.toMatchObject({ status: "succeeded" });
  });
});

describe("payments.simulatorConfirm", () => {
  it("declines for the buyer whose order it is, and is not found for anyone else", async () => {
    const { buyer, order } = await placed();
    const input = { paymentIntentId: order.paymentIntentId, clientSecret: order.clientSecret, cardNumber: "4000 0000 0000 9995" };
    const stranger = await callerFor(t.db, (await createBuyer(t.db)).id);
    await expect(stranger.payments.simulatorConfirm(input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const caller = await callerFor(t.db, buyer.id);
    await expect(caller.payments.simulatorConfirm(input)).resolves.toEqual({
      status: "failed",
      message: "Your card has insufficient funds.",
      orderId: order.orderId,
    });
    // The order waits for another card, as a Stripe PaymentIntent does: the retry pays it.
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PENDING_PAYMENT");
    await expect(caller.payments.simulatorConfirm({ ...input, cardNumber: "4242 4242 4242 4242" })).resolves.toMatchObject({ status: "succeeded" });
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("CONFIRMED");
    await expect(caller.payments.config()).resolves.toEqual({ provider: "SIMULATOR", publishableKey: null });
  });
});
