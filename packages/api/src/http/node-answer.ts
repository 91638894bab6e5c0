// A route handler (Request in, Response out) answering a plain Node HTTP request, for a custom
// server that calls it before Next (the storefront's server.mjs: /api/trpc, Stripe's webhook). Through Next
// an API call pays for its router, the route runtime's manifests and AsyncLocalStorage, and web
// streams for the body both ways: about a third of the storefront's CPU for a small tRPC query in
// a profile (bench/README.md, session 14). The answer is the one Next gives: next.config's static
// headers, the same X-Forwarded-* on the request, gzip as Next's compression sends it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";

export interface NodeAnswerOptions {
  /** Headers Next would add to every response of the route (next.config's headers()), as name and value. */
  headers: readonly (readonly [string, string])[];
  /** A request body above this is refused (413) before it is read whole. */
  maxBodyBytes: number;
}

/** As Next's compression (the `compression` package's default threshold): smaller bodies go as they are. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Answers `req` with `handler`'s response. The body is read whole before it is written: for
 * handlers that answer JSON (tRPC's batch link), not streams. Throws only when the socket fails.
 */
export async function answerWithHandler(
  req: IncomingMessage,
  res: ServerResponse,
  handler: (request: Request) => Promise<Response>,
  options: NodeAnswerOptions,
): Promise<void> {
  forwardedHeaders(req);
  let request: Request;
  try {
    request = incomingMessageToRequest(req, res, { maxBodySize: options.maxBodyBytes });
  } catch {
    // A Host header that makes no URL.
    return refuseBadHost(res);
  }
  const response = await handler(request);
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  // Iterating Headers gives each Set-Cookie on its own (the Fetch spec's sort-and-combine).
  sendAnswer(req, res, response.status, [...response.headers], body, options);
}

/** The answer to a Host header that makes no URL (the Request cannot be made). */
export function refuseBadHost(res: ServerResponse): void {
  res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
  res.end("Bad request: the Host header is not valid.");
}

/**
 * Writes an answer as Next would: the route's static headers first, then the answer's own, its
 * JSON or text gzipped when the caller takes it (with Vary: Accept-Encoding), and its length.
 * `body` null is an answer without one (a 204).
 */
export function sendAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  answerHeaders: readonly (readonly [string, string])[],
  body: Buffer | null,
  options: NodeAnswerOptions,
): void {
  const headers: (readonly [string, string])[] = [...options.headers];
  const vary: string[] = [];
  let contentType = "";
  let encoded = false;
  for (const header of answerHeaders) {
    const name = header[0].toLowerCase();
    if (name === "vary") vary.push(...header[1].split(",").map((value) => value.trim()));
    // The body goes whole, with its length: a streamed answer's chunked encoding would contradict it.
    else if (name !== "transfer-encoding") headers.push(header);
    if (name === "content-type") contentType = header[1];
    if (name === "content-encoding") encoded = true;
  }
  let bytes = body ?? Buffer.alloc(0);
  if (body && compressible(contentType, encoded)) {
    vary.push("Accept-Encoding");
    if (bytes.length >= COMPRESS_FROM_BYTES && acceptsGzip(headerText(req.headers["accept-encoding"]))) {
      bytes = gzipSync(bytes);
      headers.push(["content-encoding", "gzip"]);
    }
  }
  if (vary.length > 0) headers.push(["vary", vary.join(", ")]);
  headers.push(["content-length", String(bytes.length)]);
  res.writeHead(status, headers.flat());
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/**
 * Next's X-Forwarded-* (base-server.js, handleRequestImpl): what a proxy in front set is kept,
 * else this hop's. clientIpOf reads X-Forwarded-For, so both ways in see the same caller.
 */
export function forwardedHeaders(req: IncomingMessage): void {
  const encrypted = "encrypted" in req.socket && Boolean(req.socket.encrypted);
  const proto = headerText(req.headers["x-forwarded-proto"]);
  const https = proto ? proto === "https" : encrypted;
  req.headers["x-forwarded-host"] ??= req.headers.host;
  req.headers["x-forwarded-port"] ??= req.socket.localPort ? String(req.socket.localPort) : https ? "443" : "80";
  req.headers["x-forwarded-proto"] ??= https ? "https" : "http";
  req.headers["x-forwarded-for"] ??= req.socket.remoteAddress;
}

/** JSON and text, as the `compression` package's filter (compressible types) takes them; never twice. */
function compressible(contentType: string, encoded: boolean): boolean {
  return !encoded && (/^text\//.test(contentType) || /json/.test(contentType));
}

export const headerText = (value: string | string[] | undefined): string | null => (Array.isArray(value) ? value.join(", ") : (value ?? null));

/** Whether an Accept-Encoding takes gzip (by name or `*`, with a q above zero). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  return acceptEncoding.split(",").some((part) => {
    const [coding = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}
