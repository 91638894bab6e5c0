import Stripe from "stripe";
import { DomainError } from "../../errors";
import type { PaymentGateway } from "./gateway";

/** Stripe's API behind our gateway: PaymentIntents with automatic payment methods, refunds, Connect transfers. */
export function createStripeGateway(secretKey: string, stripe: Stripe = new Stripe(secretKey)): PaymentGateway {
  return {
    provider: "STRIPE",
    async createPaymentIntent({ amountCents, currency, idempotencyKey, metadata }) {
      const intent = await stripe.paymentIntents.create(
        { amount: amountCents, currency: currency.toLowerCase(), automatic_payment_methods: { enabled: true }, metadata },
        { idempotencyKey },
      );
      if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret.`);
      return { id: intent.id, clientSecret: intent.client_secret };
    },
    async refund({ paymentIntentId, amountCents, idempotencyKey, reason }) {
      // Stripe's `reason` is a fixed enum; our free-text reason travels as metadata.
      const refund = await stripe.refunds.create(
        { payment_intent: paymentIntentId, amount: amountCents, reason: "requested_by_customer", metadata: reason ? { reason } : {} },
        { idempotencyKey },
      );
      return { id: refund.id };
    },
    async transfer({ amountCents, currency, destination, idempotencyKey, metadata }) {
      if (!destination) {
        throw new DomainError("PRECONDITION_FAILED", "This shop has no connected Stripe account yet, so it cannot be paid out.");
      }
      const transfer = await stripe.transfers.create(
        { amount: amountCents, currency: currency.toLowerCase(), destination, metadata: metadata ?? {} },
        { idempotencyKey },
      );
      return { id: transfer.id };
    },
  };
}
