import { createHash, createHmac } from "node:crypto";
import { getEnv } from "../../env";
import type { PaymentGateway } from "./gateway";

// Ids derive from the idempotency key, as Stripe returns the same object for a repeated key;
// that also means creating an intent needs no state. What the buyer does next (confirm with a
// card) lives on our Payment row, so any process can serve the simulator.
const idFor = (prefix: string, idempotencyKey: string) => `${prefix}_sim_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;

/**
 * The client secret the storefront needs to confirm; checked again on confirmation. Intent ids
 * can be worked out from an order id (which is in URLs), so, like Stripe's, the secret is keyed
 * with something only the server holds: without it nobody can pay or decline another's order.
 */
export const simulatorClientSecret = (paymentIntentId: string, serverSecret = getEnv().AUTH_SECRET) =>
  `${paymentIntentId}_secret_${createHmac("sha256", serverSecret).update(`bazaar:payment-simulator:${paymentIntentId}`).digest("base64url").slice(0, 32)}`;

/** The local stand-in for Stripe when no STRIPE_SECRET_KEY is set. */
export function createSimulatorGateway(): PaymentGateway {
  return {
    provider: "SIMULATOR",
    async createPaymentIntent({ idempotencyKey }) {
      const id = idFor("pi", idempotencyKey);
      return { id, clientSecret: simulatorClientSecret(id) };
    },
    async refund({ idempotencyKey }) {
      return { id: idFor("re", idempotencyKey) };
    },
    async transfer({ idempotencyKey }) {
      return { id: idFor("tr", idempotencyKey) };
    },
  };
}
