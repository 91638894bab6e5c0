// The local payment simulator's endpoint (storefront), standing in for Stripe.js when no STRIPE_SECRET_KEY is set:
//   apps/storefront/src/app/api/payment-sim/[...path]/route.ts   export { POST } from "@bazaar/api/http/payment-simulator";
// POST /api/payment-sim/confirm  { paymentIntentId, clientSecret, cardNumber }
//   -> 200 { status: "succeeded" | "failed", message, orderId } once the webhook has applied the outcome.
import { getDb } from "@bazaar/db";
import { z } from "zod";
import { confirmSimulatedPayment } from "../domain/payments/simulator";
import { getEnv } from "../env";
import { consume } from "../throttle/limits";
import { ZSimulatorConfirmSchema } from "../validators/payments";
import { errorResponse, jsonError, jsonResponse } from "./respond";

export async function POST(request: Request): Promise<Response> {
  if (getEnv().STRIPE_SECRET_KEY) return jsonError(404, "NOT_FOUND", "The payment simulator is off: Stripe is configured.");
  if (!new URL(request.url).pathname.endsWith("/payment-sim/confirm")) return jsonError(404, "NOT_FOUND", "No such simulator endpoint.");
  const body = ZSimulatorConfirmSchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return jsonError(400, "BAD_REQUEST", "Send paymentIntentId, clientSecret and cardNumber.", z.flattenError(body.error).fieldErrors);
  try {
    await consume(getDb(), "paymentConfirm", `intent:${body.data.paymentIntentId}`, "Too many payment attempts for this order.");
    return jsonResponse(await confirmSimulatedPayment(getDb(), body.data));
  } catch (error) {
    return errorResponse(error, "Simulated payment");
  }
}
