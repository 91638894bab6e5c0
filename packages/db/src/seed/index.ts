export { seedDemoData, slugify, type SeedOptions, type SeedResult } from "./seed";
export { createRandom, type Random } from "./random";
export { DEMO_PASSWORD, USERS as DEMO_USERS, SELLERS as DEMO_SELLERS } from "./catalog";

/** The demo accounts, as printed after seeding and in the README. */
export const DEMO_LOGINS = [
  { email: "admin@bazaar.test", role: "ADMIN", note: "admin console" },
  { email: "buyer@bazaar.test", role: "BUYER", note: "storefront" },
  { email: "buyer2@bazaar.test", role: "BUYER", note: "storefront" },
  { email: "audio@bazaar.test", role: "SELLER", note: "Northwind Audio (approved)" },
  { email: "home@bazaar.test", role: "SELLER", note: "Oak & Ember Home (approved)" },
  { email: "outdoor@bazaar.test", role: "SELLER", note: "Summit Outfitters (approved)" },
  { email: "pending@bazaar.test", role: "SELLER", note: "Pixel Print Co (awaiting approval)" },
] as const;
