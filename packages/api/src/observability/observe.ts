import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Actor } from "../actor";
import { DomainError } from "../errors";
import { logger } from "./logger";
import { metrics, statusClass } from "./metrics";
import { recordCheckout, recordCount, recordRequest } from "./rollup";

// What one tRPC procedure call tells the metrics and the log. Called by the middleware every
// procedure goes through (trpc.ts), for HTTP calls and server-side (RSC) callers alike.

/** Procedures that reserve stock: their OUT_OF_STOCK is a reservation failure, CONFLICT a conflict. */
const RESERVING = new Set(["cart.add", "cart.setQuantity", "checkout.start"]);

export interface ProcedureCall {
  path: string;
  type: string;
  durationMs: number;
  error?: TRPCError;
  actor: Actor | null;
  requestId?: string;
}

/** Which alert figure a call feeds: catalog reads, order placement, or neither. */
const kindOf = (path: string, type: string) =>
  path === "checkout.start" ? "order" : type === "query" && (path.startsWith("catalog.") || path.startsWith("storefront.")) ? "catalog" : null;

export function observeProcedure(call: ProcedureCall): void {
  const m = metrics();
  const status = call.error ? getHTTPStatusCodeFromError(call.error) : 200;
  const cls = statusClass(status);
  m.procedureDuration.labels(call.path, call.type, cls).observe(call.durationMs / 1000);
  recordRequest(call.durationMs, status, kindOf(call.path, call.type));
  const cause = call.error?.cause;
  const domainCode = cause instanceof DomainError ? cause.code : null;

  if (RESERVING.has(call.path)) {
    m.reservationAttempts.inc();
    recordCount("reservationAttempts");
    if (domainCode === "OUT_OF_STOCK") {
      m.reservationFailures.inc();
      recordCount("reservationFailures");
    } else if (domainCode === "CONFLICT") {
      m.reservationConflicts.inc();
      recordCount("reservationConflicts");
    }
  }
  if (call.path === "cart.add" && !call.error) {
    m.cartAdditions.inc();
    recordCount("cartAdditions");
  }
  if (call.path === "checkout.start") {
    if (call.error) {
      m.ordersFailed.labels("checkout").inc();
      recordCount("checkoutFailures");
    } else {
      m.ordersCreated.inc();
      recordCount("ordersCreated");
    }
  }

  if (!call.error) return;
  m.procedureErrors.labels(call.path, cls).inc();
  const fields = {
    requestId: call.requestId,
    procedure: call.path,
    status,
    durationMs: Math.round(call.durationMs),
    actor: call.actor ? { id: call.actor.userId, role: call.actor.role } : null,
  };
  // A refusal the caller can act on is routine; anything else is ours to fix.
  if (status < 500) logger().info({ ...fields, code: domainCode ?? call.error.code }, call.error.message);
  else logger().error({ ...fields, err: cause instanceof Error ? cause : call.error }, `${call.path} failed`);
}

/** A payment settled (the Stripe webhook): payment and order counters, and checkout-to-confirmed time. */
export function observePaymentOutcome(outcome: { kind: "confirmed" | "failed"; orderCreatedAt: Date }, now = new Date()): void {
  const m = metrics();
  if (outcome.kind === "confirmed") {
    m.payments.labels("succeeded").inc();
    m.ordersConfirmed.inc();
    recordCount("paymentsSucceeded");
    recordCount("ordersConfirmed");
    const ms = Math.max(0, now.getTime() - outcome.orderCreatedAt.getTime());
    m.checkoutDuration.observe(ms / 1000);
    recordCheckout(ms);
  } else {
    m.payments.labels("failed").inc();
    m.ordersFailed.labels("payment").inc();
    recordCount("paymentsFailed");
    recordCount("paymentFailures");
  }
}
