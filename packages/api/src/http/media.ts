// Media over HTTP, mounted by the apps:
//   apps/*/src/app/media/[...key]/route.ts         export { GET } from "@bazaar/api/http/media";
//   apps/seller-console/src/app/api/media/upload/route.ts   export { POST } from "@bazaar/api/http/media";
//   apps/storefront/src/app/api/returns/photos/route.ts     export { POST } from "@bazaar/api/http/return-photos";
// GET serves the local store's files; POST takes a browser upload authorised by a ticket from
// the `media.createProductImageUpload` procedure (`imageUploadRoute` makes such routes).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { DomainError, httpStatusOf, isDomainError } from "../errors";
import { getLocalMediaStore, getMediaStore } from "../media";
import { contentTypeOfKey } from "../media/local-store";
import { orderOfReturnPhotoOwner, productImagePrefix } from "../media/keys";
import { signMediaReceipt, UPLOAD_TICKET_HEADER, verifyUploadTicket } from "../media/signing";
import type { MediaUploadResult } from "../media/types";
import { MAX_IMAGE_BYTES, formatBytes, validateImage, type ImageContentType } from "../media/validate-image";
import { getEnv } from "../env";
import { logger } from "../observability/logger";

// Keys are never reused (each upload gets a fresh one), so a file under a key never changes.
const IMMUTABLE = "public, max-age=31536000, immutable";
// An SVG opened directly is a document: give it no scripts, no plugins, no outside fetches.
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";
// Room for the multipart envelope around a maximal image.
const MAX_UPLOAD_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

/** The key from the catch-all params, or from the URL path when called without them. */
async function keyOf(request: Request, context?: { params: Promise<{ key: string[] }> }): Promise<string | null> {
  const segments = context
    ? (await context.params).key
    : new URL(request.url).pathname
        .replace(/^\/media\//, "")
        .split("/")
        .map(decodeURIComponent);
  // Checked segment by segment before joining, so an encoded slash or dot-dot inside one segment cannot pass.
  if (segments.length === 0 || segments.some((s) => s === "" || s === "." || s === ".." || /[/\\\0]/.test(s))) return null;
  return segments.join("/");
}

/** Serves `/media/<key>` from the local media directory. */
export async function GET(request: Request, context?: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = await keyOf(request, context).catch(() => null);
  if (!key) return notFound();
  const contentType = contentTypeOfKey(key);
  const file = getLocalMediaStore().pathOf(key);
  if (!contentType || !file) return notFound();
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();

  const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  const headers = new Headers({
    "content-type": contentType === "image/svg+xml" ? "image/svg+xml; charset=utf-8" : contentType,
    "cache-control": IMMUTABLE,
    etag,
    "last-modified": info.mtime.toUTCString(),
    "x-content-type-options": "nosniff",
  });
  if (contentType === "image/svg+xml") headers.set("content-security-policy", SVG_CSP);
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  headers.set("content-length", String(info.size));
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}

class TooLarge extends Error {
  constructor(readonly bytes: number) {
    super("upload too large");
  }
}

const tooLarge = (bytes: number) =>
  jsonError(413, "PAYLOAD_TOO_LARGE", `The upload is over ${formatBytes(bytes)}; images may be at most ${formatBytes(MAX_IMAGE_BYTES)}.`);

/** Parses the multipart body, giving up as soon as it passes the limit (a chunked body has no length to check first). */
async function readLimitedForm(request: Request): Promise<FormData> {
  let received = 0;
  const limited = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > MAX_UPLOAD_REQUEST_BYTES) controller.error(new TooLarge(received));
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited ?? null, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    if (received > MAX_UPLOAD_REQUEST_BYTES) throw new TooLarge(received);
    throw new DomainError("BAD_REQUEST", 'Send the image as multipart/form-data in a field named "file".');
  }
}

export interface ImageUploadRouteOptions {
  /** The key prefix for the ticket's owner, or null when the ticket is not for this route. */
  prefixOf: (ownerId: string) => string | null;
  /** The image types this route takes (default: every type `validateImage` accepts). */
  accept?: readonly ImageContentType[];
  /** Said when a file of another accepted image type arrives. */
  acceptMessage?: string;
}

/**
 * A route taking one image as multipart field `file`, authorised by the ticket in the
 * `x-bazaar-upload-ticket` header, stored in the media store (UploadThing or the local store).
 * Answers 201 with a `MediaUploadResult`, or an `{ error: { code, message } }` to show as it is.
 */
export function imageUploadRoute(options: ImageUploadRouteOptions) {
  return async function POST(request: Request): Promise<Response> {
    try {
      const secret = getEnv().AUTH_SECRET;
      const { ownerId } = verifyUploadTicket(secret, request.headers.get(UPLOAD_TICKET_HEADER));
      const prefix = options.prefixOf(ownerId);
      if (!prefix) throw new DomainError("UNAUTHORIZED", "This upload is not authorised here: reload the page and try again.");
      const declaredLength = Number(request.headers.get("content-length") ?? 0);
      if (declaredLength > MAX_UPLOAD_REQUEST_BYTES) return tooLarge(declaredLength);
      const form = await readLimitedForm(request);
      const file = form.get("file");
      if (!file || typeof file === "string") throw new DomainError("BAD_REQUEST", 'Send the image as multipart/form-data in a field named "file".');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const image = validateImage({ bytes, contentType: file.type, name: file.name });
      if (options.accept && !options.accept.includes(image.contentType)) {
        throw new DomainError("BAD_REQUEST", options.acceptMessage ?? `"${file.name}" is not an image type this upload takes.`);
      }
      const stored = await getMediaStore().put({ prefix, bytes, contentType: image.contentType, fileName: file.name });
      const result: MediaUploadResult = {
        ...stored,
        contentType: image.contentType,
        size: image.size,
        receipt: signMediaReceipt(secret, { ownerId, ...stored }),
      };
      return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
    } catch (error) {
      if (error instanceof TooLarge) return tooLarge(error.bytes);
      if (isDomainError(error)) return jsonError(httpStatusOf[error.code], error.code, error.message);
      logger().error({ err: error }, "media upload failed");
      return jsonError(500, "INTERNAL", "The image could not be stored. Try again in a moment.");
    }
  };
}

/** A seller's product image (the ticket from `media.createProductImageUpload`). */
export const POST = imageUploadRoute({ prefixOf: (ownerId) => (orderOfReturnPhotoOwner(ownerId) ? null : productImagePrefix(ownerId)) });
