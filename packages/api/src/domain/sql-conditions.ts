import { Prisma } from "@bazaar/db";

/** The present conditions (null: a filter not asked for) joined by AND; `true` when none is. */
export function allOf(conditions: readonly (Prisma.Sql | null)[]): Prisma.Sql {
  const present = conditions.filter((condition): condition is Prisma.Sql => condition !== null);
  return present.length ? Prisma.join(present, " AND ") : Prisma.sql`true`;
}
