import { describe, expect, it } from "vitest";
import { decideTestCard } from "./test-cards";

describe("decideTestCard", () => {
  it("succeeds with 4242 4242 4242 4242, spaces or not", () => {
    expect(decideTestCard("4242 4242 4242 4242")).toEqual({ outcome: "succeeded", last4: "4242", dispute: null });
    expect(decideTestCard("4242424242424242").outcome).toBe("succeeded");
    expect(decideTestCard("5555-5555-5555-4444").outcome).toBe("succeeded");
  });

  it("declines the way Stripe's test cards do", () => {
    expect(decideTestCard("4000 0000 0000 0002")).toMatchObject({ outcome: "failed", code: "card_declined", message: "Your card was declined." });
    expect(decideTestCard("4000 0000 0000 9995")).toMatchObject({
      outcome: "failed",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    });
  });

  it("succeeds and then disputes with 4000 0000 0000 0259, as Stripe's card does", () => {
    expect(decideTestCard("4000 0000 0000 0259")).toEqual({ outcome: "succeeded", last4: "0259", dispute: { reason: "fraudulent" } });
  });

  it.each(["4242 4242 4242 4241", "1234", "abcd efgh ijkl mnop", "", "4242424242424242424242"])("refuses %j as an incorrect number", (n) => {
    expect(() => decideTestCard(n)).toThrow("Your card number is incorrect.");
  });
});
