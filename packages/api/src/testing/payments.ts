// Test helpers for paying orders the way production does: checkout through the tRPC caller, the
// simulator's card decision, and its signed Stripe event handed to the real webhook route handler.
import type { PrismaClient } from "@bazaar/db";
import type { CheckoutResult } from "../domain/checkout";
import { confirmSimulatedPayment, signStripePayload, type DeliverStripeEvent } from "../domain/payments/simulator";
import { POST as stripeWebhook } from "../http/stripe-webhook";
import { markShipmentDelivered } from "../domain/fulfillment/shipments";
import { releaseDueFunds } from "../domain/ledger/payout-holds";
import { callerFor } from "./index";
import { shippingAddressInput, uniqueSuffix } from "./factories";

/** HTTP handlers reach the database through `getDb()`; in a test file that must be its own database. */
export function useDatabaseForHandlers(db: PrismaClient) {
  (globalThis as unknown as { bazaarPrisma?: PrismaClient }).bazaarPrisma = db;
}

/** A request to `/api/webhooks/stripe` as Stripe would send it, signed with the webhook secret. */
export const stripeWebhookRequest = (payload: string, signature = signStripePayload(payload)) =>
  new Request("http://localhost/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });

/** The simulator's delivery, into the exported route handler instead of over the network. */
export const deliverToWebhookRoute: DeliverStripeEvent = async ({ payload, signature }) => {
  const response = await stripeWebhook(stripeWebhookRequest(payload, signature));
  return { status: response.status, body: await response.text() };
};

/** The buyer puts these products (or variants) in their cart and checks out. */
export async function placeOrder(
  db: PrismaClient,
  buyerId: string,
  lines: { productId?: string; variantId?: string; quantity: number }[],
  country = "US",
): Promise<CheckoutResult> {
  const caller = await callerFor(db, buyerId);
  for (const line of lines) await caller.cart.add(line);
  return caller.checkout.start({ idempotencyKey: `test-${uniqueSuffix()}`, shippingAddress: shippingAddressInput(country) });
}

/** Pays a placed order with a card through the simulator and the webhook route. */
export const payWithCard = (db: PrismaClient, placed: CheckoutResult, cardNumber = "4242 4242 4242 4242") =>
  confirmSimulatedPayment(db, { paymentIntentId: placed.paymentIntentId, clientSecret: placed.clientSecret, cardNumber }, { deliver: deliverToWebhookRoute });

/** Every ledger transaction balanced and, per currency, all balances summing to zero. */
export async function ledgerIsBalanced(db: PrismaClient) {
  const unbalanced = await db.$queryRaw<{ id: string }[]>`
    SELECT "transactionId" AS id FROM "LedgerEntry" GROUP BY "transactionId"
    HAVING SUM(CASE WHEN direction = 'DEBIT' THEN "amountCents" ELSE -"amountCents" END) <> 0`;
  const totals = await db.$queryRaw<{ currency: string; net: bigint }[]>`
    SELECT currency, SUM(CASE WHEN direction = 'DEBIT' THEN "amountCents" ELSE -"amountCents" END) AS net FROM "LedgerEntry" GROUP BY currency`;
  return { unbalanced: unbalanced.map((u) => u.id), nonZeroCurrencies: totals.filter((t) => Number(t.net) !== 0).map((t) => t.currency) };
}

/** Credits minus debits of one ledger account, by code. */
export async function balanceOf(db: PrismaClient, code: string): Promise<number> {
  const [row] = await db.$queryRaw<{ balance: bigint | null }[]>`
    SELECT SUM(CASE WHEN e.direction = 'CREDIT' THEN e."amountCents" ELSE -e."amountCents" END) AS balance
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a.id = e."accountId" WHERE a.code = ${code}`;
  return Number(row?.balance ?? 0n);
}

/** The seller ships their part (with a tracking number) and the carrier reports it delivered at `deliveredAt`. */
export async function shipAndDeliver(db: PrismaClient, sellerUserId: string, shipmentId: string, deliveredAt = new Date()) {
  const seller = await callerFor(db, sellerUserId);
  const trackingNumber = `TRK${uniqueSuffix()}`.toUpperCase();
  await seller.fulfillment.markShipped({ shipmentId, carrier: "UPS", trackingNumber });
  await markShipmentDelivered(db, { trackingNumber, deliveredAt });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every part of the order ships and is delivered, and the payout hold is over: the sellers' funds
 * from it are available to pay out (as they would be a week after delivery).
 */
export async function deliverAndRelease(db: PrismaClient, orderId: string) {
  const shipments = await db.shipment.findMany({ where: { orderId }, include: { seller: { select: { userId: true } } } });
  for (const shipment of shipments) {
    if (shipment.status === "PENDING" || shipment.status === "PROCESSING") await shipAndDeliver(db, shipment.seller.userId, shipment.id);
  }
  await releaseDueFunds(db, new Date(Date.now() + 30 * DAY_MS));
}
