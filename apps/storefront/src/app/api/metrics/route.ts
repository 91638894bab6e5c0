// Prometheus scrapes this app here (see ops/prometheus.yml); METRICS_TOKEN guards it.
export { GET } from "@bazaar/api/http/metrics";

export const dynamic = "force-dynamic";
