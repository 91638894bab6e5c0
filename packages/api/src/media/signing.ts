// Signed tokens for browser uploads. The upload routes are plain HTTP endpoints outside tRPC,
// so instead of repeating the session check there, the server hands an authorised seller a
// short-lived ticket naming them, and answers each stored file with a receipt binding its key
// and URL to that seller. Both are HMACs over AUTH_SECRET: nothing to store, nothing to forge.
import { createHmac, timingSafeEqual } from "node:crypto";
import { DomainError } from "../errors";

export const UPLOAD_TICKET_HEADER = "x-bazaar-upload-ticket";
const TICKET_TTL_SECONDS = 15 * 60;

export interface UploadTicket {
  ownerId: string;
  expiresAt: Date;
}

const hmac = (secret: string, data: string) => createHmac("sha256", secret).update(data).digest("base64url");

const sameSignature = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export function createUploadTicket(secret: string, ownerId: string, now = new Date()): string {
  const payload = Buffer.from(JSON.stringify({ o: ownerId, e: Math.floor(now.getTime() / 1000) + TICKET_TTL_SECONDS })).toString("base64url");
  return `${payload}.${hmac(secret, `ticket:${payload}`)}`;
}

/** The ticket's owner; throws UNAUTHORIZED when it is missing, forged or expired. */
export function verifyUploadTicket(secret: string, ticket: string | null | undefined, now = new Date()): UploadTicket {
  const [payload, signature, extra] = (ticket ?? "").split(".");
  if (!payload || !signature || extra !== undefined || !sameSignature(signature, hmac(secret, `ticket:${payload}`))) {
    throw new DomainError("UNAUTHORIZED", "This upload is not authorised: reload the page and try again.");
  }
  const parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { o?: unknown; e?: unknown };
  if (typeof parsed.o !== "string" || typeof parsed.e !== "number") {
    throw new DomainError("UNAUTHORIZED", "This upload is not authorised: reload the page and try again.");
  }
  const expiresAt = new Date(parsed.e * 1000);
  if (expiresAt <= now) throw new DomainError("UNAUTHORIZED", "The upload link has expired: reload the page and try again.");
  return { ownerId: parsed.o, expiresAt };
}

export function signMediaReceipt(secret: string, input: { ownerId: string; key: string; url: string }): string {
  return hmac(secret, `receipt:${JSON.stringify([input.ownerId, input.key, input.url])}`);
}

/** True when `receipt` was issued for exactly this owner, key and url. */
export function verifyMediaReceipt(secret: string, input: { ownerId: string; key: string; url: string; receipt: string }): boolean {
  return sameSignature(input.receipt, signMediaReceipt(secret, input));
}
