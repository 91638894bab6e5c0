import { httpStatusOf, isDomainError } from "../errors";
import { logger } from "../observability/logger";

// One way for Bazaar's plain HTTP handlers (webhooks, the payment simulator) to answer.
const NO_STORE = { "cache-control": "no-store" };

export const jsonResponse = (body: unknown, status = 200) => Response.json(body, { status, headers: NO_STORE });

export const jsonError = (status: number, code: string, message: string, details?: Record<string, unknown>) =>
  Response.json({ error: { code, message, ...(details ? { details } : {}) } }, { status, headers: NO_STORE });

/** A DomainError becomes its HTTP status and message; anything else is logged and answered 500 (the sender retries). */
export function errorResponse(error: unknown, what: string): Response {
  if (isDomainError(error)) return jsonError(httpStatusOf[error.code], error.code, error.message, error.details);
  logger().error({ err: error }, `${what} failed`);
  return jsonError(500, "INTERNAL_SERVER_ERROR", "Something went wrong on our side. Please try again.");
}
