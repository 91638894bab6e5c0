// The catalogue's summary as the triggers keep it, and as a full recount (catalog_summary_rebuild)
// gives it: tests compare the two after changing products, stock, shops and owners.
import type { PrismaClient, Tx } from "@bazaar/db";

/** The summary's rows (non-zero), in key order. */
export async function summaryRows(db: Pick<Tx, "$queryRaw">) {
  const [facets, options, values, words] = await Promise.all([
    db.$queryRaw<unknown[]>`SELECT * FROM "CatalogFacetCount" WHERE "products" <> 0 ORDER BY 1, 2, 3, 4`,
    db.$queryRaw<unknown[]>`SELECT * FROM "CatalogOptionCount" WHERE "products" <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    db.$queryRaw<unknown[]>`SELECT * FROM "CatalogValueCount" WHERE "products" <> 0 ORDER BY 1, 2, 3, 4, 5`,
    db.$queryRaw<unknown[]>`SELECT * FROM "CatalogWord" ORDER BY 1, 2`,
  ]);
  return { facets, options, values, words };
}

/** The rows a full recount gives, counted in a transaction rolled back (so the kept rows stay under test). */
export async function recountedSummaryRows(db: PrismaClient) {
  return db
    .$transaction(async (tx) => {
      await tx.$executeRaw`SELECT catalog_summary_rebuild()`;
      throw Object.assign(new Error("rollback"), { rows: await summaryRows(tx) });
    })
    .catch((error: { rows?: Awaited<ReturnType<typeof summaryRows>> }) => {
      if (!error.rows) throw error;
      return error.rows;
    });
}
