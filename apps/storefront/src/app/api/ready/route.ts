// Readiness: the database answers and has every migration.
export { ready as GET } from "@bazaar/api/http/health";

export const dynamic = "force-dynamic";
