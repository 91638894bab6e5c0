import { describe, expect, it } from "vitest";
import { activeFilterCount, browseInput, listingHref, parseListing } from "./listing-params";

describe("option filters in a listing's URL", () => {
  it("reads repeated options, each once, and drops malformed ones", () => {
    const state = parseListing({ options: ["Colour:Blue", "Size:M", "Colour:Blue", "nonsense", ":Blue"] });
    expect(state.options).toEqual(["Colour:Blue", "Size:M"]);
    expect(parseListing({ options: "Colour:Heather Grey" }).options).toEqual(["Colour:Heather Grey"]);
    expect(parseListing({}).options).toEqual([]);
  });

  it("passes them to the API and counts them as active filters", () => {
    const state = parseListing({ options: ["Colour:Blue", "Size:M"], stock: "1" });
    expect(browseInput(state).options).toEqual(["Colour:Blue", "Size:M"]);
    expect(browseInput(parseListing({})).options).toBeUndefined();
    expect(activeFilterCount(state)).toBe(3);
  });

  it("keeps them in links and resets the page when they change", () => {
    const state = parseListing({ q: "hoodie", options: "Colour:Blue", cursor: "abc", prev: "-" });
    expect(listingHref("/search", state, { sort: "price_asc" })).toBe("/search?q=hoodie&options=Colour%3ABlue&sort=price_asc");
    expect(listingHref("/search", state, { options: [] })).toBe("/search?q=hoodie");
  });
});
