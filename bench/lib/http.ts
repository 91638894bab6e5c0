// HTTP as a browser's fetch would send it, with keep-alive connections and no client-side
// overhead beyond node:http, plus the two conversations the benchmark needs: signing in through
// Auth.js and calling tRPC procedures (superjson envelope, as @trpc/client sends them).
import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export class TimeoutError extends Error {}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  close(): void;
}

/** A client holding at most `connections` keep-alive sockets to `baseUrl`. */
export function createHttpClient(baseUrl: string, connections: number, timeoutMs = 120_000): HttpClient {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  return {
    request({ method, path, headers = {}, body }) {
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: base.hostname,
            port: base.port,
            method,
            path,
            headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) },
            timeout: timeoutMs,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
            );
            res.on("error", reject);
          },
        );
        req.on("timeout", () => req.destroy(new TimeoutError(`${method} ${path} timed out after ${timeoutMs} ms`)));
        req.on("error", reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** "name=value" pairs of a response's Set-Cookie headers whose name matches. */
function cookiesFrom(headers: http.IncomingHttpHeaders, name: RegExp): string[] {
  return (headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0] ?? "").filter((pair) => name.test(pair.split("=")[0] ?? "") && !pair.endsWith("="));
}

/**
 * Signs in as a person's browser does with the storefront's credentials provider: fetch a CSRF
 * token (and its cookie), post the form, keep the session cookie. Returns the Cookie header.
 */
export async function signIn(client: HttpClient, email: string, password: string): Promise<string> {
  const csrf = await client.request({ method: "GET", path: "/api/auth/csrf" });
  if (csrf.status !== 200) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await client.request({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesFrom(csrf.headers, /csrf-token$/).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
  });
  const session = cookiesFrom(answer.headers, /session-token(\.\d+)?$/);
  if (session.length === 0) {
    throw new Error(`signing in ${email} failed: ${answer.status} ${String(answer.headers.location ?? answer.body.slice(0, 200))}`);
  }
  return session.join("; ");
}

/** A tRPC query as an uncached GET, the way @trpc/client sends one without batching. */
export const trpcQueryPath = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

export const trpcMutation = (procedure: string, input: unknown, cookie: string): HttpRequest => ({
  method: "POST",
  path: `/api/trpc/${procedure}`,
  headers: { "content-type": "application/json", cookie },
  body: JSON.stringify({ json: input }),
});

export class TrpcCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** The procedure's result, or a TrpcCallError with the server's message. */
export function trpcData<T>(response: HttpResponse): T {
  let parsed: { result?: { data?: { json?: T } }; error?: { json?: { message?: string; data?: { code?: string } } } };
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    throw new TrpcCallError(response.status, null, `HTTP ${response.status}: ${response.body.slice(0, 200)}`);
  }
  if (response.status === 200 && parsed.result?.data && "json" in parsed.result.data) return parsed.result.data.json as T;
  const error = parsed.error?.json;
  throw new TrpcCallError(response.status, error?.data?.code ?? null, `HTTP ${response.status}: ${error?.message ?? response.body.slice(0, 200)}`);
}

/** Runs `fn` over `items` with at most `concurrency` in flight; results in input order. */
export async function mapConcurrent<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  });
  await Promise.all(workers);
  return results;
}
