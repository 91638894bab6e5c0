"use client";

import { useSyncExternalStore } from "react";

/** What /api/visitor answers: the per-visitor part of every page, loaded after the page. */
export interface Visitor {
  user: { name: string | null; email: string } | null;
  cartCount: number;
  /** Signed in with a guest cart cookie still set: the guest cart should join theirs. */
  guestCartToMerge: boolean;
  /** The ids of the products a signed-in buyer saved (a guest's are kept in the browser). */
  saved: string[];
}

// One store for the page's lifetime (the root layout, and so the header, survives navigation).
// `null` until the first answer: the header then shows neither "Sign in" nor the account.
let visitor: Visitor | null = null;
// Bumped by every local cart change, so an answer requested before it cannot undo it.
let cartVersion = 0;
let localCartCount = 0;
let inFlight: AbortController | null = null;
const listeners = new Set<() => void>();

function publish(next: Visitor) {
  visitor = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Asks the server again (first load, and after navigation: signing in or out navigates). */
export async function refreshVisitor() {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const version = cartVersion;
  try {
    const response = await fetch("/api/visitor", { signal: controller.signal, cache: "no-store" });
    if (!response.ok) return;
    const next = (await response.json()) as Visitor;
    publish(version === cartVersion ? next : { ...next, cartCount: localCartCount });
    if (next.user) onSignedIn?.();
  } catch (error) {
    // A newer request replaced this one, or the network failed: the header keeps what it shows.
    if (!(error instanceof DOMException && error.name === "AbortError")) console.warn("Could not load the visitor", error);
  } finally {
    if (inFlight === controller) inFlight = null;
  }
}

// Set by the wishlist module when a page with hearts loads: a guest's hearts join the account.
let onSignedIn: (() => void) | null = null;
export function whenSignedIn(callback: () => void) {
  onSignedIn = callback;
  if (visitor?.user) callback();
}

/** A wishlist answer on the page replaces the saved ids the server last told. */
export function setSaved(saved: string[]) {
  if (visitor) publish({ ...visitor, saved });
}

/** A cart answer on the page (add, change, merge, checkout) is newer than what the server last said. */
export function setCartCount(count: number) {
  cartVersion++;
  localCartCount = count;
  if (visitor && visitor.cartCount !== count) publish({ ...visitor, cartCount: count });
}

/** Signing out: the header drops the account at once instead of after the redirect's answer. */
export function forgetVisitor() {
  cartVersion++;
  localCartCount = 0;
  publish({ user: null, cartCount: 0, guestCartToMerge: false, saved: [] });
}

export function useVisitor(): Visitor | null {
  return useSyncExternalStore(
    subscribe,
    () => visitor,
    () => null,
  );
}
