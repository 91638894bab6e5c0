import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateByWeight, applyBasisPoints, applyRatio } from "./allocate";

describe("allocateByWeight", () => {
  it("splits by largest remainder and keeps every cent", () => {
    expect(allocateByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateByWeight(10, [0, 5, 5])).toEqual([0, 5, 5]);
    expect(allocateByWeight(7, [333, 667])).toEqual([2, 5]);
    expect(allocateByWeight(0, [0, 0])).toEqual([0, 0]);
    expect(allocateByWeight(0, [])).toEqual([]);
    expect(() => allocateByWeight(5, [0, 0])).toThrow(RangeError);
    expect(() => allocateByWeight(5, [])).toThrow(RangeError);
    expect(() => allocateByWeight(-1, [1])).toThrow(/non-negative/);
    expect(() => allocateByWeight(1, [1.5])).toThrow(/non-negative/);
  });

  it("always sums to the total and never gives a part more than one cent off its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0));
          const parts = allocateByWeight(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, index) => expect(Math.abs(part - (total * (weights[index] ?? 0)) / weightSum)).toBeLessThan(1));
        },
      ),
    );
  });

  it("never gives a part more than its weight when the amount fits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0)),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (weights, share) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const amount = Math.floor(total * share);
          const parts = allocateByWeight(amount, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
          parts.forEach((part, index) => {
            expect(part).toBeGreaterThanOrEqual(0);
            expect(part).toBeLessThanOrEqual(weights[index] ?? 0);
          });
        },
      ),
    );
  });
});

describe("applyRatio and applyBasisPoints", () => {
  it("round half up", () => {
    expect(applyBasisPoints(1005, 1000)).toBe(101);
    expect(applyBasisPoints(1004, 1000)).toBe(100);
    expect(applyBasisPoints(3333, 825)).toBe(275);
    expect(applyBasisPoints(5, 1000)).toBe(1); // half a cent rounds up
    expect(applyRatio(1, 1, 3)).toBe(0);
    expect(applyRatio(2, 1, 3)).toBe(1);
    expect(() => applyRatio(1, 1, 0)).toThrow(RangeError);
  });

  it("stays exact past 2^53 intermediate products", () => {
    expect(applyRatio(9_000_000_000_000, 9_999, 10_000)).toBe(8_999_100_000_000);
  });
});
