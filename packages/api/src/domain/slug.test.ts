import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes lower-case, dash-separated, accent-free slugs", () => {
    expect(slugify("Home & Garden")).toBe("home-garden");
    expect(slugify("Oak & Ember Home")).toBe("oak-ember-home");
    expect(slugify("  Café Crème  ")).toBe("cafe-creme");
  });

  it("cuts to the length asked for without leaving a dash at the end", () => {
    expect(slugify("x".repeat(60), 48)).toHaveLength(48);
    expect(slugify("a".repeat(47) + " b", 48)).toBe("a".repeat(47));
    expect(slugify("y".repeat(100))).toHaveLength(80);
  });
});
