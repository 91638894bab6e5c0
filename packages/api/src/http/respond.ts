import { randomUUID } from "node:crypto";
import { asDomainError, httpStatusOf } from "../errors";
import { logger } from "../observability/logger";

// One way for Bazaar's plain HTTP handlers (webhooks, the payment simulator) to answer.
const NO_STORE = { "cache-control": "no-store" };

export const jsonResponse = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

export const jsonError = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
  Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: NO_STORE });

/**
 * A DomainError (or the database's absence: 503) becomes its HTTP status and message; anything else is logged with a request id
 * and answered 500 with that id only (the sender retries; nothing internal leaves the server).
 */
export function errorResponse(error: unknown, what: string): Response {
  const domain = asDomainError(error);
  if (domain) {
    const response = jsonError(httpStatusOf[domain.code], domain.code, domain.message, domain.details);
    const retryAfter = domain.details?.retryAfterSeconds;
    if (typeof retryAfter === "number") response.headers.set("retry-after", String(retryAfter));
    return response;
  }
  const requestId = randomUUID();
  logger().error({ err: error, requestId }, `${what} failed`);
  return jsonError(500, "INTERNAL_SERVER_ERROR", `Something went wrong on our side. If it keeps happening, quote request id ${requestId}.`, { requestId });
}
