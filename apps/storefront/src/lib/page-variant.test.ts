import { describe, expect, it } from "vitest";
import { parseListing } from "./listing-params";
import { listingVariant, NO_VARIANT, variantParams } from "./page-variant";

describe("listing variants", () => {
  it("gives one variant to URLs that show the same listing, and none to a plain one", () => {
    const a = listingVariant(new URLSearchParams("sort=price_asc&q=lamp&utm_source=mail&_rsc=abc"));
    const b = listingVariant(new URLSearchParams("q=lamp&sort=price_asc"));
    expect(a).toBe(b);
    expect(listingVariant(new URLSearchParams("utm_source=mail"))).toBe(NO_VARIANT);
    expect(listingVariant(new URLSearchParams(""))).toBe(NO_VARIANT);
  });

  it("round-trips a listing's state, repeated options included", () => {
    const search = new URLSearchParams("q=tee&options=Size:M&options=Colour:Blue&min=5&max=50&stock=1&sort=newest&cursor=c2&prev=c1");
    const variant = listingVariant(search);
    expect(variant).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseListing(variantParams(variant ?? ""))).toEqual(parseListing({ ...Object.fromEntries(search), options: ["Size:M", "Colour:Blue"] }));
  });

  it("reads a malformed variant as no parameters", () => {
    expect(variantParams("not base64!")).toEqual({});
    expect(variantParams(NO_VARIANT)).toEqual({});
  });
});

describe("stored listing parameters", () => {
  it("reads back the canonical variant the proxy makes, and refuses any other", async () => {
    const { storedListingParams } = await import("./page-variant");
    const variant = listingVariant(new URLSearchParams("q=lamp&sort=newest")) ?? "";
    expect(storedListingParams(variant)).toEqual({ q: "lamp", sort: "newest" });
    expect(storedListingParams(NO_VARIANT)).toEqual({});
    expect(storedListingParams(Buffer.from("sort=newest&q=lamp").toString("base64url"))).toBeNull();
    expect(storedListingParams("junk")).toBeNull();
  });
});
