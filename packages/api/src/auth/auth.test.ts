import { describe, expect, it } from "vitest";
import { cookiesFor } from "./cookies";
import { safeRedirectPath } from "./redirect";

describe("cookiesFor", () => {
  it("gives each app its own cookie names, so apps on one host keep separate sessions", () => {
    const apps = ["storefront", "seller-console", "admin-console"] as const;
    const names = apps.map((app) => Object.values(cookiesFor(app, false) ?? {}).map((cookie) => cookie.name));
    const all = names.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(cookiesFor("admin-console", false)?.sessionToken?.name).toBe("bazaar-admin-console.session-token");
  });

  it("uses the secure prefixes over https", () => {
    const cookies = cookiesFor("storefront", true);
    expect(cookies?.sessionToken?.name).toBe("__Secure-bazaar-storefront.session-token");
    expect(cookies?.csrfToken?.name).toBe("__Host-bazaar-storefront.csrf-token");
    expect(cookies?.sessionToken?.options?.secure).toBe(true);
  });
});

describe("safeRedirectPath", () => {
  it("keeps paths on this app", () => {
    expect(safeRedirectPath("/orders/123?tab=items")).toBe("/orders/123?tab=items");
  });

  it("refuses other origins and odd values", () => {
    for (const value of ["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", null, 42]) {
      expect(safeRedirectPath(value, "/home")).toBe("/home");
    }
  });
});
