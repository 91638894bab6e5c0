// GET /api/metrics (every app): Prometheus text. See observability/endpoints.ts for who may read it.
//   apps/*/src/app/api/metrics/route.ts   export { GET } from "@bazaar/api/http/metrics";
import { getDb } from "@bazaar/db";
import { metricsResponse } from "../observability/endpoints";

export const GET = (request: Request) => metricsResponse(request, getDb());
