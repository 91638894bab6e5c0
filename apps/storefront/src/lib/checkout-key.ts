// The idempotency key of the buyer's current checkout attempt, kept in sessionStorage: a double
// click, a refresh or the back button while placing the order sends the same key, so the API
// finds the order already placed instead of making a second one. A declined card keeps the key:
// the order stays open and the next card pays it. Paid or cancelled, the next checkout gets a new key.
const STORAGE_KEY = "bazaar:checkout-key";

export function checkoutKey(): string {
  const existing = sessionStorage.getItem(STORAGE_KEY);
  if (existing) return existing;
  const key = `co_${crypto.randomUUID()}`;
  sessionStorage.setItem(STORAGE_KEY, key);
  return key;
}

export function forgetCheckoutKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

// A guest's checkout details, kept with the key for this tab: after a refresh, the same key, email
// and address find the order already placed (the API resumes it) instead of asking again.
const GUEST_KEY = "bazaar:guest-checkout";

export interface GuestCheckout {
  email: string;
  shippingAddress: Record<string, unknown>;
}

export function rememberGuestCheckout(details: GuestCheckout): void {
  sessionStorage.setItem(GUEST_KEY, JSON.stringify(details));
}

export function guestCheckout(): GuestCheckout | null {
  try {
    const parsed = JSON.parse(sessionStorage.getItem(GUEST_KEY) ?? "null") as GuestCheckout | null;
    return parsed && typeof parsed.email === "string" && typeof parsed.shippingAddress === "object" ? parsed : null;
  } catch {
    return null;
  }
}
