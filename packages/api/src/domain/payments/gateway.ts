import { getEnv } from "../../env";
import { createSimulatorGateway } from "./simulator-gateway";
import { createStripeGateway } from "./stripe-gateway";

/**
 * The money-moving side of a payment provider. Checkout creates intents, refunds and payouts go
 * through it; what happened is learned from the provider's webhook, never from these return values
 * alone. Every call takes an idempotency key so a retried request never moves money twice.
 */
export interface PaymentGateway {
  readonly provider: "STRIPE" | "SIMULATOR";
  createPaymentIntent(input: {
    amountCents: number;
    currency: string;
    idempotencyKey: string;
    metadata: Record<string, string>;
  }): Promise<{ id: string; clientSecret: string }>;
  refund(input: { paymentIntentId: string; amountCents: number; idempotencyKey: string; reason?: string }): Promise<{ id: string }>;
  transfer(input: {
    amountCents: number;
    currency: string;
    destination: string | null;
    idempotencyKey: string;
    metadata?: Record<string, string>;
  }): Promise<{ id: string }>;
}

let cached: { key: string | undefined; gateway: PaymentGateway } | undefined;

/** Stripe when STRIPE_SECRET_KEY is set, the local payment simulator otherwise. */
export function getPaymentGateway(): PaymentGateway {
  const key = getEnv().STRIPE_SECRET_KEY;
  if (!cached || cached.key !== key) cached = { key, gateway: key ? createStripeGateway(key) : createSimulatorGateway() };
  return cached.gateway;
}
