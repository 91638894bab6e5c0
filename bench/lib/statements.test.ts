import { describe, expect, it } from "vitest";
import { queryCountOf } from "./statements";

describe("queryCountOf", () => {
  it("reads the query histogram's count from Prometheus text", () => {
    const text = [
      "# TYPE bazaar_db_query_duration_seconds histogram",
      'bazaar_db_query_duration_seconds_bucket{le="0.001"} 10',
      "bazaar_db_query_duration_seconds_sum 1.25",
      "bazaar_db_query_duration_seconds_count 1234",
      "bazaar_http_requests_in_flight 0",
    ].join("\n");
    expect(queryCountOf(text)).toBe(1234);
  });

  it("is null before the first query", () => {
    expect(queryCountOf("bazaar_http_requests_in_flight 0\n")).toBeNull();
  });
});
