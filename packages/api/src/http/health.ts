// GET /api/health (liveness) and GET /api/ready (readiness) of every app, for load balancers and
// Kubernetes probes.
//   apps/*/src/app/api/health/route.ts   export { GET } from "@bazaar/api/http/health";
//   apps/*/src/app/api/ready/route.ts    export { ready as GET } from "@bazaar/api/http/health";
import { getDb } from "@bazaar/db";
import { healthResponse, readyResponse } from "../observability/endpoints";

export const GET = () => healthResponse();

export const ready = () => readyResponse(getDb());
