"use client";

import { useSyncExternalStore } from "react";
import { setSaved, useVisitor, whenSignedIn } from "./visitor";

/** A guest's hearts, kept in this browser until they sign in (then they join the account). */
const GUEST_KEY = "bazaar_wishlist";
const GUEST_LIMIT = 200;
/**
 * When this tab last merged a guest's hearts. A merge that lands while the wishlist page is being
 * rendered (signing up, then opening the wishlist at once) empties the browser's list before that
 * page loads: the page then has nothing left to merge, and learns from this that its list is stale.
 */
const MERGED_KEY = "bazaar_wishlist_merged";
const MERGE_NEWS_MS = 60_000;

export interface SavedEntry {
  productId: string;
  variantId?: string | null;
}

let guest: SavedEntry[] | null = null;
const listeners = new Set<() => void>();

const isEntry = (value: unknown): value is SavedEntry =>
  typeof value === "object" && value !== null && typeof (value as { productId?: unknown }).productId === "string";

function readGuest(): SavedEntry[] {
  if (guest) return guest;
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(GUEST_KEY) ?? "[]");
    const entries: unknown[] = Array.isArray(parsed) ? parsed : [];
    guest = entries.filter(isEntry).slice(0, GUEST_LIMIT);
  } catch {
    guest = [];
  }
  return guest;
}

function writeGuest(next: SavedEntry[]) {
  guest = next;
  try {
    if (next.length === 0) window.localStorage.removeItem(GUEST_KEY);
    else window.localStorage.setItem(GUEST_KEY, JSON.stringify(next));
  } catch {
    // Private mode or a full store: the heart still shows for this page's lifetime.
  }
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

let merging: Promise<boolean> | null = null;
/**
 * Signed in with hearts saved as a guest: they join the account, then leave the browser. Merging
 * is idempotent, so a merge cut short by a navigation is simply done again by the next page.
 * Resolves to whether anything was merged.
 */
export function mergeGuestWishlist(): Promise<boolean> {
  const items = readGuest();
  if (items.length === 0) return Promise.resolve(false);
  merging ??= (async () => {
    try {
      const response = await fetch("/api/wishlist/merge", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ items }) });
      if (!response.ok) return false;
      const { ids } = (await response.json()) as { ids: string[] };
      writeGuest([]);
      noteMerge();
      setSaved(ids);
      return true;
    } catch {
      return false;
    } finally {
      merging = null;
    }
  })();
  return merging;
}

function noteMerge() {
  try {
    window.sessionStorage.setItem(MERGED_KEY, String(Date.now()));
  } catch {
    // Storage refused: only a wishlist page rendered during the merge misses it, until reloaded.
  }
}

/** Whether hearts were merged in this tab in the last minute; asking forgets it. */
export function takeRecentMerge(): boolean {
  try {
    const at = Number(window.sessionStorage.getItem(MERGED_KEY));
    window.sessionStorage.removeItem(MERGED_KEY);
    return Date.now() - at < MERGE_NEWS_MS;
  } catch {
    return false;
  }
}

// Any page with a heart is a page where a guest who just signed in may have hearts to bring along.
whenSignedIn(() => void mergeGuestWishlist());

/** Whether this product is saved: the account's list when signed in, this browser's otherwise. */
export function useSaved(productId: string): { saved: boolean; ready: boolean; signedIn: boolean } {
  const visitor = useVisitor();
  const guestItems = useSyncExternalStore(subscribe, readGuest, () => null);
  if (visitor === null || guestItems === null) return { saved: false, ready: false, signedIn: false };
  if (visitor.user) {
    return { saved: visitor.saved.includes(productId), ready: true, signedIn: true };
  }
  return { saved: guestItems.some((entry) => entry.productId === productId), ready: true, signedIn: false };
}

/** Saves or unsaves; throws the server's message when it refuses (a hidden product, a full list). */
export async function toggleSaved(entry: SavedEntry, save: boolean, signedIn: boolean, currentIds: string[]): Promise<void> {
  if (!signedIn) {
    const rest = readGuest().filter((item) => item.productId !== entry.productId);
    writeGuest(save ? [entry, ...rest].slice(0, GUEST_LIMIT) : rest);
    return;
  }
  // Shown at once; the server's answer (or its refusal) settles it.
  setSaved(save ? [entry.productId, ...currentIds] : currentIds.filter((id) => id !== entry.productId));
  const response = await fetch("/api/wishlist", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...entry, saved: save }),
  });
  if (!response.ok) {
    setSaved(currentIds);
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? "We could not update your wishlist. Try again.");
  }
}
