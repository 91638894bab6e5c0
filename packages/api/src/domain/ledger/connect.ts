import Stripe from "stripe";
import type { PrismaClient } from "@bazaar/db";
import { requireSeller, type Actor } from "../../actor";
import { DomainError, notFound } from "../../errors";

export interface ConnectLink {
  url: string;
  accountId: string;
  expiresAt: Date;
}

/**
 * A Stripe-hosted onboarding link for the seller's connected (Express) account, where they give
 * Stripe their identity and bank details so payouts can be transferred to them. The account is
 * created on the first request (idempotency key per seller, so two clicks make one account) and
 * reused afterwards; a link is single-use and short-lived, so each request makes a new one.
 * `stripe` is null when the deployment has no STRIPE_SECRET_KEY: payouts are simulated then.
 */
export async function createConnectOnboardingLink(
  db: PrismaClient,
  actor: Actor,
  input: { returnUrl: string; refreshUrl: string },
  stripe: Stripe | null,
): Promise<ConnectLink> {
  const { sellerId } = requireSeller(actor);
  if (!stripe) {
    throw new DomainError("PRECONDITION_FAILED", "Stripe is not configured on this Bazaar, so payouts are simulated and need no Stripe account.");
  }
  const seller = await db.seller.findUnique({ where: { id: sellerId }, select: { contactEmail: true, shopName: true, stripeAccountId: true } });
  if (!seller) throw notFound("Your shop");

  let accountId = seller.stripeAccountId;
  if (!accountId) {
    const account = await stripe.accounts.create(
      {
        type: "express",
        email: seller.contactEmail,
        business_profile: { name: seller.shopName },
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        metadata: { sellerId },
      },
      { idempotencyKey: `connect-account:${sellerId}` },
    );
    // Only the first writer records its account; a concurrent request then uses the same one
    // (the idempotency key made Stripe return it to both).
    await db.seller.updateMany({ where: { id: sellerId, stripeAccountId: null }, data: { stripeAccountId: account.id } });
    const stored = await db.seller.findUniqueOrThrow({ where: { id: sellerId }, select: { stripeAccountId: true } });
    accountId = stored.stripeAccountId ?? account.id;
  }

  const link = await stripe.accountLinks.create({
    account: accountId,
    type: "account_onboarding",
    return_url: input.returnUrl,
    refresh_url: input.refreshUrl,
  });
  return { url: link.url, accountId, expiresAt: new Date(link.expires_at * 1000) };
}

/** The Stripe client for Connect calls, or null when the deployment has no Stripe key. */
export function connectStripeClient(secretKey: string | undefined): Stripe | null {
  return secretKey ? new Stripe(secretKey) : null;
}
