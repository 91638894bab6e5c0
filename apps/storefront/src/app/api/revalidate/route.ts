import { revalidateTag } from "next/cache";
import { z } from "zod";
import { isValidRevalidationToken, STOREFRONT_CACHE_TAGS } from "@bazaar/api/domain/catalog/cache-tags";
import { getEnv } from "@bazaar/api/env";
import { metrics } from "@bazaar/api/observability";

const ZRevalidateSchema = z.object({
  tags: z.array(z.string().min(1).max(256)).min(1).max(100),
  /** From the outbox's safety net: when the change committed; tags expired since then are left alone. */
  since: z.number().int().nonnegative().optional(),
});

/** The embedded page cache's tag expiries (cache-handler.mjs), when this process holds them. */
function embeddedExpiries(): Map<string, number> | undefined {
  return (globalThis as Record<symbol, Map<string, number> | undefined>)[Symbol.for("bazaar.pageCache.tagExpiries")];
}

/**
 * Expires cached catalog reads. Called by other Bazaar processes after they change products,
 * prices or stock (see expireStorefrontPages in @bazaar/api). The next visit re-reads the
 * database: `expire: 0` because a buyer must not see an old price once the seller saved it.
 */
export async function POST(request: Request) {
  const token = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "");
  if (!isValidRevalidationToken(token)) return Response.json({ error: "Not allowed." }, { status: 401 });
  const parsed = ZRevalidateSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "Send { tags: string[] }." }, { status: 400 });
  const { since } = parsed.data;
  const expiries = since === undefined || getEnv().REDIS_URL ? undefined : embeddedExpiries();
  const tags = parsed.data.tags.filter((tag) => (expiries?.get(tag) ?? 0) < (since ?? Infinity));
  for (const tag of tags) {
    revalidateTag(tag, { expire: 0 });
    // Only known tags become labels (a per-product tag would make one series per product).
    metrics()
      .cacheExpirations.labels(tag === STOREFRONT_CACHE_TAGS.catalog ? tag : (tag.split(":")[0] ?? "other"))
      .inc();
  }
  return Response.json({ revalidated: tags });
}
