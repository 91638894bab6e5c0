// Runs once when the server starts: this app's per-minute figures go to the database each minute
// (the admin console's System health page and the alert rules read them).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  process.env.BAZAAR_SERVICE ??= "storefront";
  const { getDb } = await import("@bazaar/db");
  const { startRollupFlusher } = await import("@bazaar/api/observability");
  startRollupFlusher(getDb, "storefront");
}
