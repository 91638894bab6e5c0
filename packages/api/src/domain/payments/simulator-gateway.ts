import { createHash } from "node:crypto";
import type { PaymentGateway } from "./gateway";

// Ids derive from the idempotency key, as Stripe returns the same object for a repeated key;
// that also means creating an intent needs no state. What the buyer does next (confirm with a
// card) lives on our Payment row, so any process can serve the simulator.
const idFor = (prefix: string, idempotencyKey: string) =>
  `${prefix}_sim_${createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 24)}`;

/** The client secret the storefront needs to confirm; checked again on confirmation. */
export const simulatorClientSecret = (paymentIntentId: string) =>
  `${paymentIntentId}_secret_${createHash("sha256").update(`secret:${paymentIntentId}`).digest("hex").slice(0, 24)}`;

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
