import { Prisma } from "@bazaar/db";

/** The present conditions (null: a filter not asked for) joined by AND; `true` when none is. */
export function allOf(conditions: readonly (Prisma.Sql | null)[]): Prisma.Sql {
  const present = conditions.filter((condition): condition is Prisma.Sql => condition !== null);
  return present.length ? Prisma.join(present, " AND ") : Prisma.sql`true`;
}

/**
 * Keyset pagination newest first (`ORDER BY "createdAt" DESC, "id" DESC`): the rows after the
 * cursor's row, compared as a tuple with the cursor row's own sort key; null without a cursor.
 * `rows` names the table or alias the page is read from, `table` the table the cursor's id is in.
 */
export function afterCursor(rows: string, table: string, cursor: string | null | undefined): Prisma.Sql | null {
  if (!cursor) return null;
  const [of, from] = [Prisma.raw(`"${rows}"`), Prisma.raw(`"${table}"`)];
  return Prisma.sql`(${of}."createdAt", ${of}."id") < (SELECT c."createdAt", c."id" FROM ${from} c WHERE c."id" = ${cursor})`;
}
