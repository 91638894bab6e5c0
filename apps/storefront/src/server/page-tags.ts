import "server-only";

// The one place the storefront leans on Next.js internals (see STYLE.md, "Private APIs in one
// file"). A stored page must carry the tags of what it shows (a product's page: its shop, its
// related products), which are known only once its data is read; Next's public tagging
// (unstable_cache's `tags`) fixes them before the read. `cacheTag` does this for "use cache",
// and this does the same for a page rendered for the page cache: it adds to the tags Next
// collects for the page it is rendering (its `x-next-cache-tags`, which the cache handler
// stores with the page).
// It also records when the page first read the database, as a tag the cache handler turns
// into the stored page's age (READ_AT_TAG in cache-handler.mjs): a tag expired after that
// moment expires the page even when its render finished later, so a render racing a change
// cannot store the old data as new.
// e2e/storefront/page-cache.spec.ts fails (a suspended shop's product page still answers 200)
// if an upgrade of Next breaks this.
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

/** Shared with cache-handler.mjs. */
export const READ_AT_TAG = "bazaar:read-at:";

function renderTags(): string[] | null {
  const store = workUnitAsyncStorage.getStore();
  if (store?.type !== "prerender-legacy") return null;
  return (store.tags ??= []);
}

/** Tags the page being rendered for the page cache; does nothing for a page rendered per request. */
export function tagPage(tags: Iterable<string>): void {
  const collected = renderTags();
  if (!collected) return;
  for (const tag of tags) if (!collected.includes(tag)) collected.push(tag);
}

/** Call before each database read of a stored page: the first call records the page's age. */
export function markPageRead(): void {
  const collected = renderTags();
  if (collected && !collected.some((tag) => tag.startsWith(READ_AT_TAG))) collected.push(`${READ_AT_TAG}${Date.now()}`);
}
