import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnreachable } from "@bazaar/db/availability";

// One error type for the domain. Services throw it with a message a person can act on;
// one formatter (trpc.ts) and one HTTP helper (http/respond.ts) map the code to the wire.

export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "OUT_OF_STOCK"
  | "PRECONDITION_FAILED"
  | "PAYMENT_FAILED"
  | "TOO_MANY_REQUESTS"
  | "UNAVAILABLE";

export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const httpStatusOf: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OUT_OF_STOCK: 409,
  PRECONDITION_FAILED: 412,
  PAYMENT_FAILED: 402,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

/** The tRPC code each domain code travels as (tRPC has a fixed set). */
export const trpcCodeOf = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  OUT_OF_STOCK: "CONFLICT",
  PRECONDITION_FAILED: "PRECONDITION_FAILED",
  PAYMENT_FAILED: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<DomainErrorCode, string>;

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const badRequest = (message: string, details?: Record<string, unknown>) => new DomainError("BAD_REQUEST", message, details);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError("CONFLICT", message, details);

/** Seconds a caller is asked to wait while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database could not be reached (it is restarting, or gone): a 503 that says so, instead of
 * a 500 with an id to quote. The client reconnects by itself once it is back.
 */
export const databaseUnavailable = () => new DomainError("UNAVAILABLE", DATABASE_UNAVAILABLE_MESSAGE, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });

/** `error` as the domain error people should see: itself, the database's absence, or null (a bug: a 500). */
export function asDomainError(error: unknown): DomainError | null {
  if (isDomainError(error)) return error;
  return isDatabaseUnreachable(error) ? databaseUnavailable() : null;
}
