import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { sqlOn, type PrismaClient } from "@bazaar/db";
import Stripe from "stripe";
import { getEnv } from "../../env";
import { DomainError, notFound } from "../../errors";
import { simulatorClientSecret } from "./simulator-gateway";
import { decideTestCard } from "./test-cards";

// The local payment simulator's buyer side: the storefront posts a card here instead of to
// Stripe.js; it decides like Stripe's test cards and then, like Stripe, tells Bazaar what
// happened only through a signed webhook to the real webhook route.

/** Sends a signed event to the webhook; resolves with the webhook's answer. */
export type DeliverStripeEvent = (request: { payload: string; signature: string }) => Promise<{ status: number; body: string }>;

/**
 * Delivery over HTTP to the storefront's `/api/webhooks/stripe`, as Stripe does: with node:http on a
 * kept-alive connection, not fetch, whose web streams and undici client cost this process more CPU
 * than the request it sends (the delivery is on every simulated payment's path).
 */
export function httpDelivery(url = new URL("/api/webhooks/stripe", getEnv().STOREFRONT_URL).toString()): DeliverStripeEvent {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  return ({ payload, signature }) =>
    new Promise((resolve, reject) => {
      const request = client.request(
        target,
        {
          method: "POST",
          agent: target.protocol === "https:" ? httpsAgent : httpAgent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "stripe-signature": signature },
        },
        (response) => {
          let body = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
}

const httpAgent = new http.Agent({ keepAlive: true });
const httpsAgent = new https.Agent({ keepAlive: true });

export const signStripePayload = (payload: string, secret = getEnv().STRIPE_WEBHOOK_SECRET) => Stripe.webhooks.generateTestHeaderString({ payload, secret });

/** A Stripe-shaped event envelope around `object`. */
export function stripeEventPayload(
  type:
    | "payment_intent.succeeded"
    | "payment_intent.payment_failed"
    | "charge.refunded"
    | "charge.dispute.created"
    | "charge.dispute.closed"
    | "account.updated"
    | "transfer.reversed"
    | "payout.failed",
  object: Record<string, unknown>,
  extra: { account?: string } = {},
) {
  return JSON.stringify({
    id: `evt_sim_${randomBytes(12).toString("hex")}`,
    object: "event",
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...extra,
    data: { object },
  });
}

async function send(payload: string, deliver: DeliverStripeEvent) {
  const answer = await deliver({ payload, signature: signStripePayload(payload) });
  if (answer.status < 200 || answer.status >= 300) {
    throw new Error(`The payment simulator could not deliver its event: the webhook answered ${answer.status} ${answer.body.slice(0, 200)}`);
  }
}

const chargeIdOf = (paymentIntentId: string) => `ch_sim_${createHash("sha256").update(paymentIntentId).digest("hex").slice(0, 24)}`;

/** The simulated payment with its order's owner and status; written out, as it is read once per card payment. */
async function findSimulatedPayment(db: PrismaClient, paymentIntentId: string) {
  const [payment] = await sqlOn(db).$queryRaw<SimulatedPayment[]>`
    SELECT p."id", p."orderId", p."provider"::text AS "provider", p."providerPaymentId", p."status"::text AS "status", p."amountCents",
           p."refundedCents", p."currency", p."clientSecret", o."status"::text AS "orderStatus", o."buyerId" AS "orderBuyerId"
      FROM "Payment" p JOIN "Order" o ON o."id" = p."orderId"
     WHERE p."providerPaymentId" = ${paymentIntentId}`;
  if (!payment || payment.provider !== "SIMULATOR") throw notFound("The payment");
  return { ...payment, providerPaymentId: paymentIntentId, order: { id: payment.orderId, status: payment.orderStatus, buyerId: payment.orderBuyerId } };
}

interface SimulatedPayment {
  id: string;
  orderId: string;
  provider: string;
  status: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
  clientSecret: string | null;
  orderStatus: string;
  orderBuyerId: string | null;
}

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());

export interface ConfirmSimulatedPaymentInput {
  paymentIntentId: string;
  clientSecret: string;
  cardNumber: string;
}

/**
 * Pays a simulated PaymentIntent with a card. The outcome reaches Bazaar only through the
 * webhook (delivered before this returns), so the order is confirmed or cancelled by the very
 * code that handles Stripe's events.
 */
export async function confirmSimulatedPayment(
  db: PrismaClient,
  input: ConfirmSimulatedPaymentInput,
  /** buyerId: the signed-in caller of the tRPC procedure, or null for a guest there; undefined on the HTTP route. */
  options: { deliver?: DeliverStripeEvent; buyerId?: string | null } = {},
): Promise<{ status: "succeeded" | "failed"; message: string | null; orderId: string }> {
  const payment = await findSimulatedPayment(db, input.paymentIntentId);
  // Signed in (the tRPC route), the order must be the caller's; the HTTP route relies on the client secret, as Stripe.js does.
  // A guest pays only a guest's order; an account's order needs that account signed in.
  if (options.buyerId === null && payment.order.buyerId !== null) throw new DomainError("UNAUTHORIZED", "Sign in to pay for this order.");
  if (options.buyerId && payment.order.buyerId !== options.buyerId) throw notFound("The payment");
  if (!sameSecret(input.clientSecret, payment.clientSecret ?? simulatorClientSecret(input.paymentIntentId))) {
    throw new DomainError("FORBIDDEN", "This payment link is not valid. Go back to checkout and try again.");
  }
  if (payment.status === "CAPTURED" || payment.status === "REFUNDED") throw new DomainError("CONFLICT", "This order is already paid.");
  if (payment.status === "FAILED" || payment.order.status !== "PENDING_PAYMENT") {
    throw new DomainError("CONFLICT", "This checkout is closed (the payment failed or its time ran out). Check out again to pay.");
  }
  const decision = decideTestCard(input.cardNumber);
  const intent = {
    id: payment.providerPaymentId,
    object: "payment_intent",
    amount: payment.amountCents,
    currency: payment.currency.toLowerCase(),
    metadata: { orderId: payment.orderId, paymentId: payment.id },
    latest_charge: chargeIdOf(input.paymentIntentId),
    payment_method_types: ["card"],
    livemode: false,
  };
  if (decision.outcome === "succeeded") {
    await send(
      stripeEventPayload("payment_intent.succeeded", { ...intent, status: "succeeded", amount_received: payment.amountCents, last_payment_error: null }),
      options.deliver ?? httpDelivery(),
    );
    if (decision.dispute) {
      // As with Stripe's disputing test cards, the dispute follows the successful payment.
      await send(
        stripeEventPayload(
          "charge.dispute.created",
          disputeObject(payment, { id: disputeIdOf(input.paymentIntentId), reason: decision.dispute.reason, status: "needs_response" }),
        ),
        options.deliver ?? httpDelivery(),
      );
    }
    return { status: "succeeded", message: null, orderId: payment.orderId };
  }
  const error = { type: "card_error", code: decision.code, decline_code: decision.declineCode, message: decision.message };
  await send(
    stripeEventPayload("payment_intent.payment_failed", { ...intent, status: "requires_payment_method", amount_received: 0, last_payment_error: error }),
    options.deliver ?? httpDelivery(),
  );
  return { status: "failed", message: decision.message, orderId: payment.orderId };
}

/**
 * What a refund made in the Stripe dashboard looks like to Bazaar: a `charge.refunded` event
 * whose running `amount_refunded` includes a refund Bazaar did not make.
 */
export async function simulateDashboardRefund(
  db: PrismaClient,
  input: { paymentIntentId: string; amountCents: number },
  options: { deliver?: DeliverStripeEvent } = {},
) {
  const payment = await findSimulatedPayment(db, input.paymentIntentId);
  const amountRefunded = payment.refundedCents + input.amountCents;
  if (input.amountCents <= 0 || amountRefunded > payment.amountCents) throw new DomainError("BAD_REQUEST", "That is more than the payment has left to refund.");
  const refundId = `re_sim_${randomBytes(12).toString("hex")}`;
  await send(
    stripeEventPayload("charge.refunded", {
      id: chargeIdOf(input.paymentIntentId),
      object: "charge",
      payment_intent: input.paymentIntentId,
      amount: payment.amountCents,
      amount_captured: payment.amountCents,
      amount_refunded: amountRefunded,
      currency: payment.currency.toLowerCase(),
      refunded: amountRefunded === payment.amountCents,
      refunds: { object: "list", data: [{ id: refundId, object: "refund", amount: input.amountCents, status: "succeeded" }], has_more: false },
    }),
    options.deliver ?? httpDelivery(),
  );
  return { refundId };
}

const disputeIdOf = (paymentIntentId: string) => `dp_sim_${createHash("sha256").update(paymentIntentId).digest("hex").slice(0, 24)}`;
const EVIDENCE_DAYS = 7;

function disputeObject(
  payment: { amountCents: number; currency: string; providerPaymentId: string | null },
  dispute: { id: string; reason: string; status: "needs_response" | "under_review" | "won" | "lost"; amountCents?: number },
) {
  return {
    id: dispute.id,
    object: "dispute",
    amount: dispute.amountCents ?? payment.amountCents,
    currency: payment.currency.toLowerCase(),
    charge: chargeIdOf(payment.providerPaymentId ?? ""),
    payment_intent: payment.providerPaymentId,
    reason: dispute.reason,
    status: dispute.status,
    evidence_details: { due_by: Math.floor(Date.now() / 1000) + EVIDENCE_DAYS * 24 * 3600, has_evidence: false, past_due: false, submission_count: 0 },
    livemode: false,
  };
}

/**
 * Evidence for a dispute, the way Stripe's test mode decides it: evidence containing
 * "winning_evidence" closes the dispute as won, "losing_evidence" as lost (a `charge.dispute.closed`
 * event through the webhook); anything else leaves it under review.
 */
export async function simulateDisputeEvidence(
  db: PrismaClient,
  input: { providerDisputeId: string; evidence: string },
  options: { deliver?: DeliverStripeEvent } = {},
): Promise<{ status: "won" | "lost" | "under_review" }> {
  const dispute = await db.dispute.findUnique({ where: { providerDisputeId: input.providerDisputeId }, include: { payment: true } });
  if (!dispute || dispute.payment.provider !== "SIMULATOR") throw notFound("The dispute");
  if (dispute.status !== "OPEN") throw new DomainError("CONFLICT", `This dispute is already closed (${dispute.status.toLowerCase()}).`);
  const status = input.evidence.includes("winning_evidence") ? "won" : input.evidence.includes("losing_evidence") ? "lost" : "under_review";
  if (status === "under_review") return { status };
  await send(
    stripeEventPayload(
      "charge.dispute.closed",
      disputeObject(dispute.payment, { id: dispute.providerDisputeId, reason: dispute.reason, status, amountCents: dispute.amountCents }),
    ),
    options.deliver ?? httpDelivery(),
  );
  return { status };
}

/**
 * What Stripe Connect says about a seller's connected account (`account.updated`), for trying
 * payouts that wait on it offline: a simulated account id is given to a seller who has none.
 */
export async function simulateAccountUpdated(
  db: PrismaClient,
  input: { sellerId: string; payoutsEnabled: boolean; chargesEnabled?: boolean; requirements?: string[]; disabledReason?: string | null },
  options: { deliver?: DeliverStripeEvent } = {},
) {
  const seller = await db.seller.findUnique({ where: { id: input.sellerId }, select: { id: true, stripeAccountId: true } });
  if (!seller) throw notFound("The seller");
  const accountId = seller.stripeAccountId ?? `acct_sim_${createHash("sha256").update(seller.id).digest("hex").slice(0, 16)}`;
  await send(
    stripeEventPayload("account.updated", {
      id: accountId,
      object: "account",
      charges_enabled: input.chargesEnabled ?? input.payoutsEnabled,
      payouts_enabled: input.payoutsEnabled,
      metadata: { sellerId: seller.id },
      requirements: { currently_due: input.requirements ?? [], past_due: [], disabled_reason: input.disabledReason ?? null },
    }),
    options.deliver ?? httpDelivery(),
  );
  return { accountId };
}

/** A paid payout's transfer taken back (`transfer.reversed`), as Stripe reports it. */
export async function simulateTransferReversal(db: PrismaClient, input: { payoutId: string }, options: { deliver?: DeliverStripeEvent } = {}) {
  const payout = await db.payout.findUnique({ where: { id: input.payoutId } });
  if (!payout?.providerTransferId) throw new DomainError("CONFLICT", "Only a payout that was sent can be reversed.");
  await send(
    stripeEventPayload("transfer.reversed", {
      id: payout.providerTransferId,
      object: "transfer",
      amount: payout.amountCents,
      amount_reversed: payout.amountCents,
      currency: payout.currency.toLowerCase(),
      reversed: true,
      metadata: { payoutId: payout.id, sellerId: payout.sellerId },
    }),
    options.deliver ?? httpDelivery(),
  );
}

/** The seller's bank refusing a payout Bazaar sent (`payout.failed` on the connected account). */
export async function simulatePayoutFailure(
  db: PrismaClient,
  input: { payoutId: string; failureMessage?: string },
  options: { deliver?: DeliverStripeEvent } = {},
) {
  const payout = await db.payout.findUnique({ where: { id: input.payoutId }, include: { seller: { select: { stripeAccountId: true } } } });
  if (!payout) throw notFound("The payout");
  await send(
    stripeEventPayload(
      "payout.failed",
      {
        id: `po_sim_${createHash("sha256").update(payout.id).digest("hex").slice(0, 24)}`,
        object: "payout",
        amount: payout.amountCents,
        currency: payout.currency.toLowerCase(),
        status: "failed",
        failure_code: "account_closed",
        failure_message: input.failureMessage ?? "The bank account has been closed.",
        metadata: { payoutId: payout.id },
      },
      { account: payout.seller.stripeAccountId ?? undefined },
    ),
    options.deliver ?? httpDelivery(),
  );
}
