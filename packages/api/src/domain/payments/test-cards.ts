import { badRequest } from "../../errors";

// Stripe's test card numbers (https://docs.stripe.com/testing), so the simulator behaves the way
// a Stripe test-mode checkout would: these numbers decline the way Stripe's do; any other
// well-formed number succeeds, as 4242 4242 4242 4242 does.
const DECLINES: Record<string, { code: string; declineCode: string | null; message: string }> = {
  "4000000000000002": { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  "4000000000009979": { code: "card_declined", declineCode: "stolen_card", message: "Your card was declined." },
  "4000000000000069": { code: "expired_card", declineCode: null, message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", declineCode: null, message: "Your card's security code is incorrect." },
  "4000000000000119": { code: "processing_error", declineCode: null, message: "An error occurred while processing your card. Try again in a little bit." },
};

// Cards whose payment succeeds and is then disputed by the buyer's bank, as Stripe's do.
const DISPUTES: Record<string, { reason: string }> = {
  "4000000000000259": { reason: "fraudulent" },
  "4000000000002685": { reason: "product_not_received" },
};

export type CardDecision =
  | { outcome: "succeeded"; last4: string; dispute: { reason: string } | null }
  | { outcome: "failed"; last4: string; code: string; declineCode: string | null; message: string };

const passesLuhn = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

/** What Stripe would do with this test card; a malformed number is a validation error, as at Stripe. */
export function decideTestCard(cardNumber: string): CardDecision {
  const digits = cardNumber.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) {
    throw badRequest("Your card number is incorrect.", { field: "cardNumber", code: "incorrect_number" });
  }
  const last4 = digits.slice(-4);
  const decline = DECLINES[digits];
  return decline ? { outcome: "failed", last4, ...decline } : { outcome: "succeeded", last4, dispute: DISPUTES[digits] ?? null };
}
