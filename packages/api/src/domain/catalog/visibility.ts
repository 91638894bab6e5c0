import { Prisma } from "@bazaar/db";

/**
 * What buyers may see and buy: active, not unlisted by an admin, from an approved shop whose
 * owner's account is not suspended. Every buyer-facing query uses one of these two forms.
 */
export const buyerVisibleProduct = {
  status: "ACTIVE",
  unlistedAt: null,
  seller: { status: "APPROVED", user: { status: "ACTIVE" } },
} satisfies Prisma.ProductWhereInput;

/** The same rule in SQL, for a query with `"Product" p` joined to `"Seller" s`. */
export const buyerVisibleSql = Prisma.sql`p."status" = 'ACTIVE' AND p."unlistedAt" IS NULL AND s."status" = 'APPROVED'
  AND EXISTS (SELECT 1 FROM "User" su WHERE su."id" = s."userId" AND su."status" = 'ACTIVE')`;

/** A shop buyers may visit (`"Seller" s`): approved, its owner's account not suspended. */
export const visibleShopSql = Prisma.sql`s."status" = 'APPROVED' AND EXISTS (SELECT 1 FROM "User" su WHERE su."id" = s."userId" AND su."status" = 'ACTIVE')`;
