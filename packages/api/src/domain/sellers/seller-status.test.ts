import { describe, expect, it } from "vitest";
import { decideSellerStatus } from "./seller-status";

describe("seller decisions", () => {
  it.each([
    ["PENDING", "approve", "APPROVED"],
    ["REJECTED", "approve", "APPROVED"],
    ["PENDING", "reject", "REJECTED"],
    ["APPROVED", "suspend", "SUSPENDED"],
    ["SUSPENDED", "reinstate", "APPROVED"],
  ] as const)("%s --%s--> %s", (from, decision, to) => {
    expect(decideSellerStatus(from, decision)).toEqual({ ok: true, to });
  });

  it.each([
    ["APPROVED", "approve", "This shop is approved, so it cannot be approved."],
    ["SUSPENDED", "approve", "This shop is suspended, so it cannot be approved."],
    ["APPROVED", "reject", "This shop is approved, so it cannot be rejected."],
    ["PENDING", "suspend", "This shop is awaiting approval, so it cannot be suspended."],
    ["APPROVED", "reinstate", "This shop is approved, so it cannot be reinstated."],
  ] as const)("refuses %s --%s--> with a message", (from, decision, message) => {
    expect(decideSellerStatus(from, decision)).toEqual({
      ok: false,
      message,
    });
  });
});
