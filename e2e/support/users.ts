import { randomBytes } from "node:crypto";

// The demo logins the seed creates (README and seed agree on them).
export const DEMO_PASSWORD = "bazaar123";

export const demo = {
  admin: { email: "admin@bazaar.test", password: DEMO_PASSWORD, name: "Bazaar Admin" },
  buyer: { email: "buyer@bazaar.test", password: DEMO_PASSWORD },
  buyer2: { email: "buyer2@bazaar.test", password: DEMO_PASSWORD },
  audioSeller: { email: "audio@bazaar.test", password: DEMO_PASSWORD, shopName: "Northwind Audio", slug: "northwind-audio" },
  homeSeller: { email: "home@bazaar.test", password: DEMO_PASSWORD, shopName: "Oak & Ember Home", slug: "oak-and-ember" },
  outdoorSeller: { email: "outdoor@bazaar.test", password: DEMO_PASSWORD, shopName: "Summit Outfitters", slug: "summit-outfitters" },
  pendingSeller: { email: "pending@bazaar.test", password: DEMO_PASSWORD, shopName: "Pixel Print Co", slug: "pixel-print" },
} as const;

export interface Credentials {
  email: string;
  password: string;
}

/** A fresh identity for a test that makes its own account. */
export function newIdentity(prefix = "e2e") {
  const suffix = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  return {
    name: `E2E ${suffix}`,
    email: `${prefix}-${suffix}@example.test`,
    password: `pw-${suffix}-secret`,
    suffix,
  };
}
