// POST /api/webhooks/stripe (storefront): Stripe's events, and the local simulator's, which are signed the same way.
//   apps/storefront/src/app/api/webhooks/stripe/route.ts   export { POST } from "@bazaar/api/http/stripe-webhook";
import { getDb } from "@bazaar/db";
import Stripe from "stripe";
import { applyStripeEvent } from "../domain/payments/apply-stripe-event";
import { getEnv } from "../env";
import { observeRoute } from "../observability/http";
import { observePaymentOutcome } from "../observability/observe";
import { errorResponse, jsonError, jsonResponse } from "./respond";

export const POST = observeRoute("/api/webhooks/stripe", async (request: Request): Promise<Response> => {
  const signature = request.headers.get("stripe-signature");
  if (!signature) return jsonError(400, "BAD_REQUEST", "Missing the Stripe-Signature header.");
  // The signature covers the exact bytes Stripe sent, so the body is read raw, never re-serialised.
  const payload = await request.text();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(payload, signature, getEnv().STRIPE_WEBHOOK_SECRET);
  } catch (error) {
    return jsonError(400, "BAD_REQUEST", `Webhook signature verification failed: ${error instanceof Error ? error.message : "invalid payload"}`);
  }
  try {
    const { order, ...result } = await applyStripeEvent(getDb(), event);
    if (order) observePaymentOutcome({ kind: order.outcome, orderCreatedAt: order.createdAt });
    return jsonResponse({ received: true, ...result });
  } catch (error) {
    return errorResponse(error, `Stripe event ${event.id} (${event.type})`);
  }
});
