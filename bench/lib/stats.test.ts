import { describe, expect, it } from "vitest";
import { renderTable } from "./report";
import { percentile, summarize } from "./stats";

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
  });

  it("is the only sample for one sample and 0 for none", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("summarize", () => {
  it("sorts before ranking", () => {
    expect(summarize([30, 10, 20])).toMatchObject({ count: 3, meanMs: 20, p50Ms: 20, maxMs: 30 });
  });
});

describe("renderTable", () => {
  it("names a section once and marks misses", () => {
    const table = renderTable([
      { section: "browse", figure: "req/s", value: "10", target: ">= 20", pass: false },
      { section: "browse", figure: "p99", value: "5 ms", target: "< 10 ms", pass: true },
    ]);
    const lines = table.split("\n");
    expect(lines[2]).toMatch(/^browse\s+req\/s\s+10\s+>= 20\s+MISS$/);
    expect(lines[3]).toMatch(/^\s+p99\s+5 ms\s+< 10 ms\s+pass$/);
  });
});
