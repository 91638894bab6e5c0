import type { RouterInputs, RouterOutputs } from "@bazaar/api";

/**
 * The stored product page's calls to /api/trpc without the tRPC client, React Query and superjson
 * (~25 KB of gzip JavaScript, as much as the rest of the page's own code). Each is one unbatched
 * request in tRPC's HTTP format (https://trpc.io/docs/rpc) to the same procedures, so the server
 * side (session, guest-cart cookie, throttling, metrics) is the one every other page uses.
 * Inputs are plain JSON; answers come in superjson's envelope, of which only the Date and
 * undefined annotations are understood: anything else is an error here, not silently wrong data.
 */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    /** The API's domain error code (OUT_OF_STOCK, ...), when it sent one. */
    readonly domainCode: string | null,
  ) {
    super(message);
  }
}

const FALLBACK = "Something went wrong. Check your connection and try again.";

interface Envelope {
  result?: { data?: { json?: unknown; meta?: { values?: Record<string, string[]> } } };
  error?: { json?: { message?: string; data?: { code?: string; domainCode?: string | null } } };
}

async function call<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/trpc/${path}`, { ...init, cache: "no-store" });
  } catch {
    throw new ApiCallError(FALLBACK, 0, null);
  }
  const body = (await response.json().catch(() => null)) as Envelope | null;
  if (!response.ok || !body?.result?.data) {
    const error = body?.error?.json;
    const message = error?.data?.code === "INTERNAL_SERVER_ERROR" ? FALLBACK : (error?.message ?? FALLBACK);
    throw new ApiCallError(message, response.status, error?.data?.domainCode ?? null);
  }
  return revive(body.result.data.json, body.result.data.meta?.values) as T;
}

/** Puts back what superjson annotated: Dates (sent as ISO strings) and undefined (sent as null). */
export function revive(json: unknown, annotations: Record<string, string[]> = {}): unknown {
  for (const [path, [type]] of Object.entries(annotations)) {
    // superjson escapes dots inside keys as "\.".
    const keys = path.split(/(?<!\\)\./).map((key) => key.replace(/\\\./g, "."));
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, json as Record<string, unknown>);
    if (type === "Date") parent[last] = new Date(parent[last] as string);
    else if (type === "undefined") delete parent[last];
    else throw new ApiCallError(FALLBACK, 200, null);
  }
  return json;
}

const query = <T>(path: string, input: unknown) => call<T>(`${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { method: "GET" });
const mutation = <T>(path: string, input: unknown) =>
  call<T>(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ json: input }) });

export const leanApi = {
  availability: (input: RouterInputs["storefront"]["availability"]) => query<RouterOutputs["storefront"]["availability"]>("storefront.availability", input),
  pointsPreview: (input: RouterInputs["loyalty"]["preview"]) => query<RouterOutputs["loyalty"]["preview"]>("loyalty.preview", input),
  productReviews: (input: RouterInputs["reviews"]["forProduct"]) => query<RouterOutputs["reviews"]["forProduct"]>("reviews.forProduct", input),
  addToCart: (input: RouterInputs["cart"]["add"]) => mutation<RouterOutputs["cart"]["add"]>("cart.add", input),
};
