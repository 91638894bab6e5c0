import { describe, expect, it } from "vitest";
import { signInHref } from "./sign-in-href";

describe("the header's sign-in link", () => {
  it("returns the visitor to the page they were on", () => {
    expect(signInHref("/cart")).toBe("/sign-in?callbackUrl=%2Fcart");
    expect(signInHref("/products/desk-lamp")).toBe("/sign-in?callbackUrl=%2Fproducts%2Fdesk-lamp");
  });
  it("goes plainly to sign-in from home and from the sign-in and sign-up pages", () => {
    expect(signInHref("/")).toBe("/sign-in");
    expect(signInHref("/sign-in")).toBe("/sign-in");
    expect(signInHref("/sign-up")).toBe("/sign-in");
    expect(signInHref(null)).toBe("/sign-in");
  });
});
