// tRPC's HTTP answer for a plain Node request, without the Fetch API between them. The fetch
// adapter (what /api/trpc's route handler runs) needs a Request made from Node's request and gives
// a Response that must be read back: undici's Request with its AbortController and body stream,
// tRPC's signals per call, the Response's Headers and web stream. The storefront's catalog.product
// answered this way cost 0.9 to 1.4 ms of its CPU per request instead of 1.2 to 1.8 (alternated
// builds, bench/README.md, session 24).
//
// Only the plain course is taken here: queries by GET and mutations by POST with a JSON body,
// batched or not, answered whole (tRPC's batch link, any HTTP client). Each step is tRPC's own
// (@trpc/server's core, at the version package-lock pins): its request parsing (getRequestInfo),
// its error shapes (the router's errorFormatter), its status codes, its transformer. A streamed
// answer (httpBatchStreamLink's Accept), a subscription, a form or a binary body go to the fetch
// adapter, as before. trpc-node.integration.test.ts holds both ways to the same answers.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyTRPCRouter } from "@trpc/server";
import {
  getAcceptHeader,
  getErrorShape,
  getHTTPStatusCode,
  getRequestInfo,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  transformTRPCResponse,
  TRPCError,
  type AnyRootTypes,
  type RootConfig,
  type TRPCErrorShape,
} from "@trpc/server/unstable-core-do-not-import";
import { crashAnswer, startObserving, type RequestScope } from "../observability/http";
import { forwardedHeaders, headerText, refuseBadHost, sendAnswer, type NodeAnswerOptions } from "./node-answer";

/** What a tRPC handler needs of the request's headers: `get` and `has`, as on a Headers. */
export interface HeaderReader {
  get(name: string): string | null;
  has(name: string): boolean;
}

/** Node's request headers read as a Headers would be (several values joined with ", "). */
export function nodeHeaders(req: IncomingMessage): HeaderReader {
  return {
    get: (name) => headerText(req.headers[name.toLowerCase()]),
    has: (name) => req.headers[name.toLowerCase()] !== undefined,
  };
}

export interface NodeTrpcOptions {
  router: AnyTRPCRouter;
  /** The path tRPC's procedures follow ("/api/trpc"), also the route's name in logs and metrics. */
  endpoint: string;
  /** The context of one request; `appendHeader` adds a response header (a Set-Cookie). */
  createContext(request: { headers: HeaderReader }, scope: RequestScope, appendHeader: (name: string, value: string) => void): Promise<unknown>;
  /** Headers added for the calls' errors (the throttle's Retry-After), as the fetch adapter's responseMeta. */
  errorHeaders(errors: readonly TRPCError[]): Record<string, string>;
}

// Procedures are never cancelled here: a client gone mid-call still lets its mutation finish.
const NEVER_ABORTED = new AbortController().signal;

/** Whether the request takes the plain course: a whole JSON answer to queries or mutations. */
export function isPlainTrpcRequest(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "POST") return false;
  const headers = nodeHeaders(req);
  if (getAcceptHeader(headers as Headers) === "application/jsonl") return false;
  if (req.method === "GET") return true;
  const contentType = headers.get("content-type")?.toLowerCase().split(";", 1)[0]?.trim();
  return contentType === "application/json";
}

/**
 * Answers a plain tRPC request (isPlainTrpcRequest) on Node's request and response, as the fetch
 * adapter would with the same options. `fallback` answers instead when the calls turn out to be a
 * subscription (a GET, so nothing of the request has been read yet).
 */
export async function answerTrpcOnNode(
  req: IncomingMessage,
  res: ServerResponse,
  options: NodeTrpcOptions,
  answer: NodeAnswerOptions,
  fallback: () => Promise<void>,
): Promise<void> {
  forwardedHeaders(req);
  const method = req.method ?? "GET";
  const headers = nodeHeaders(req);
  if (!hasValidHost(req)) return refuseBadHost(res);
  const observing = startObserving(options.endpoint, method, headers.get("x-request-id"));
  const { scope } = observing;
  const responseHeaders: [string, string][] = [["vary", "trpc-accept, accept"]];
  let answered: { status: number; body: string } | null;
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = procedurePathOf(url.pathname, options.endpoint);
    const decoded = decodedPath(path);
    scope.procedures = decoded ?? path;
    // What getRequestInfo reads of a Request: its method, headers and JSON body, and the signal it passes on.
    const request = { method, headers, signal: NEVER_ABORTED, json: () => readJsonBody(req, answer.maxBodyBytes) };
    answered = await resolve(options, request as unknown as Request, url, { path, decoded }, scope, responseHeaders, fallback);
  } catch (error) {
    observing.crashed(error);
    answered = { status: 500, body: JSON.stringify(crashAnswer(scope.requestId)) };
  }
  if (!answered) {
    // The fetch adapter's route answered, and observed it.
    observing.abandon();
    return;
  }
  const { status, body } = answered;
  observing.finish(status);
  responseHeaders.push(["x-request-id", scope.requestId]);
  sendAnswer(req, res, status, responseHeaders, Buffer.from(body), answer);
}

/** resolveResponse's non-streaming course (@trpc/server's http/resolveResponse.ts); null when `fallback` answered. */
async function resolve(
  options: NodeTrpcOptions,
  req: Request,
  url: URL,
  { path, decoded }: { path: string; decoded: string | null },
  scope: RequestScope,
  responseHeaders: [string, string][],
  fallback: () => Promise<void>,
): Promise<{ status: number; body: string } | null> {
  const config = options.router._def._config as RootConfig<AnyRootTypes>;
  let ctx: unknown;
  let info: Awaited<ReturnType<typeof getRequestInfo>> | undefined;
  const appendHeader = (name: string, value: string) => void responseHeaders.push([name.toLowerCase(), value]);
  try {
    // resolveResponse's decodePath: a path that does not decode is the caller's error.
    if (decoded === null) throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid URL-encoding in path "${path}"` });
    info = await getRequestInfo({ req, path: decoded, router: options.router, searchParams: url.searchParams, headers: req.headers, url });
    if (info.calls.some((call) => call.procedure?._def.type === "subscription")) {
      await fallback();
      return null;
    }
    // A context that cannot be made (the database down) fails each call, after its own checks, as in tRPC.
    let contextError: TRPCError | undefined;
    try {
      ctx = await options.createContext({ headers: req.headers }, scope, appendHeader);
    } catch (cause) {
      contextError = getTRPCErrorFromUnknown(cause);
    }
    responseHeaders.push(["content-type", "application/json"]);
    const currentInfo = info;
    const results = await Promise.all(
      info.calls.map(async (call): Promise<[TRPCError, undefined] | [undefined, unknown]> => {
        const procedure = call.procedure;
        try {
          if (!procedure) throw new TRPCError({ code: "NOT_FOUND", message: `No procedure found on path "${call.path}"` });
          const accepted = procedure._def.type === "mutation" ? "POST" : "GET";
          if (req.method !== accepted) {
            throw new TRPCError({
              code: "METHOD_NOT_SUPPORTED",
              message: `Unsupported ${req.method}-request to ${procedure._def.type} procedure at path "${call.path}"`,
            });
          }
          if (contextError) throw contextError;
          const data: unknown = await procedure({
            path: call.path,
            getRawInput: call.getRawInput,
            ctx,
            type: procedure._def.type,
            signal: NEVER_ABORTED,
            batchIndex: call.batchIndex,
          });
          if (isDataStream(data)) {
            throw new TRPCError({
              code: "UNSUPPORTED_MEDIA_TYPE",
              message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
            });
          }
          return [undefined, data];
        } catch (cause) {
          return [getTRPCErrorFromUnknown(cause), undefined];
        }
      }),
    );
    const untransformed = results.map(([error, data], index) => {
      const call = currentInfo.calls[index]!;
      if (!error) return { result: { data } };
      const type = call.procedure?._def.type ?? "unknown";
      return { error: getErrorShape({ config, ctx, error, input: call.result(), path: call.path, type }) as TRPCErrorShape };
    });
    const errors = results.flatMap(([error]) => (error ? [error] : []));
    for (const [name, value] of Object.entries(options.errorHeaders(errors))) appendHeader(name, value);
    // One call unbatched is answered as itself, a batch as the list.
    const transformed = transformTRPCResponse(config, info.isBatchCall ? untransformed : untransformed[0]!);
    return { status: getHTTPStatusCode(untransformed), body: JSON.stringify(transformed) };
  } catch (cause) {
    // A request tRPC could not parse: tRPC answers it with its JSON as a plain string's Response, so text/plain.
    responseHeaders.push(["content-type", "text/plain;charset=UTF-8"]);
    const error = getTRPCErrorFromUnknown(cause);
    const untransformed = { error: getErrorShape({ config, ctx, error, input: undefined, path: undefined, type: info?.type ?? "unknown" }) as TRPCErrorShape };
    for (const [name, value] of Object.entries(options.errorHeaders([error]))) appendHeader(name, value);
    return { status: getHTTPStatusCode(untransformed), body: JSON.stringify(transformTRPCResponse(config, untransformed)) };
  }
}

/** As the fetch adapter's Request needs it: a Host that makes a URL (or none, as HTTP/1.0 may send). */
const hasValidHost = (req: IncomingMessage) => req.headers.host === undefined || URL.canParse(`http://${req.headers.host}`);

/** The procedures' part of a tRPC URL's path, as the fetch adapter cuts it (still URL-encoded). */
export function procedurePathOf(pathname: string, endpoint: string): string {
  return trimSlashes(trimSlashes(pathname).slice(trimSlashes(endpoint).length));
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, "");

/** The procedures' path decoded, or null when it does not decode (tRPC refuses it, 400). */
export function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** A promise or an iterable to stream (resolveResponse's isDataStream): the streaming link's, not this course's. */
const isDataStream = (value: unknown) =>
  isObject(value) && (isAsyncIterable(value) || Object.values(value).some((inner) => isPromise(inner) || isAsyncIterable(inner)));

/** The request's JSON body, refused above `maxBytes` as tRPC's Node adapter refuses it. */
function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    };
    req.on("data", onData);
    req.once("end", () => {
      if (size > maxBytes) return;
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        // JSON.parse's SyntaxError, as the fetch adapter's Request.json() rejects with.
        reject(error instanceof Error ? error : new SyntaxError(String(error)));
      }
    });
    req.once("error", reject);
  });
}
