// Liveness: the process answers.
export { GET } from "@bazaar/api/http/health";

export const dynamic = "force-dynamic";
