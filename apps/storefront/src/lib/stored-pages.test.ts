import { describe, expect, it } from "vitest";
import { storedPagePath } from "./stored-pages";

const at = (path: string) => storedPagePath(new URL(path, "http://shop.test"));

describe("stored pages", () => {
  it("rewrites the public pages to their stored paths, listings keyed by their canonical query", () => {
    expect(at("/")).toBe("/home/_");
    expect(at("/products/lamp?Size=M")).toBe("/products/lamp/_");
    expect(at("/c/lighting")).toBe("/c/lighting/_");
    expect(at("/c/lighting?utm_source=x")).toBe("/c/lighting/_");
    expect(at("/search?q=lamp&sort=newest")).toBe(at("/search?sort=newest&q=lamp"));
    expect(at("/shops/north?stock=1")).toMatch(/^\/shops\/north\/[A-Za-z0-9_-]+$/);
  });

  it("keeps a stored page's own path (the proxy runs again after its rewrite)", () => {
    for (const path of ["/home/_", "/products/lamp/_", "/c/lighting/_", "/search/cT1sYW1w", "/shops/north/_"]) expect(at(path)).toBe(path);
  });

  it("leaves every other page to be rendered per request", () => {
    for (const path of ["/cart", "/checkout", "/account/orders", "/sign-in", "/products/lamp/extra", "/c/a/b/c", "/home/x"]) expect(at(path)).toBeNull();
  });
});
