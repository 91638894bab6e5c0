// Exact integer-cents arithmetic shared by pricing (discounts, tax) and the ledger (commission,
// refund reversals). One rounding rule for the whole platform: half up, computed with BigInt so
// that no intermediate product loses a cent however large the amounts.

const assertCents = (value: number, what: string) => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number of cents (got ${value}).`);
};

/** `amountCents` × `numerator` / `denominator`, rounded half up. */
export function applyRatio(amountCents: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("The denominator must be positive.");
  const d = BigInt(denominator);
  return Number((BigInt(amountCents) * BigInt(numerator) * 2n + d) / (2n * d));
}

/** `amountCents` × `bps` / 10 000, rounded half up (basis points: 1000 = 10%). */
export function applyBasisPoints(amountCents: number, bps: number): number {
  return applyRatio(amountCents, bps, 10_000);
}

/**
 * Splits `total` cents over `weights` in proportion, by largest remainder: each part gets the
 * floor of its exact share, then the cents left over go one each to the parts with the largest
 * fractional remainders (earlier parts win ties). The parts always add up to `total` exactly, no
 * part exceeds its weight when the total does not exceed their sum, and equal weights differ by
 * at most one cent.
 */
export function allocateByWeight(total: number, weights: readonly number[]): number[] {
  assertCents(total, "The amount to allocate");
  weights.forEach((weight, index) => assertCents(weight, `Weight ${index}`));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return weights.map(() => 0);
  if (weightSum === 0) throw new RangeError(`Cannot allocate ${total} cents over ${weights.length === 0 ? "nothing" : "zero weights"}.`);
  const parts = weights.map((weight, index) => {
    const exact = BigInt(total) * BigInt(weight);
    return { index, floor: Number(exact / BigInt(weightSum)), remainder: exact % BigInt(weightSum) };
  });
  let leftover = total - parts.reduce((sum, part) => sum + part.floor, 0);
  const byRemainder = [...parts].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  const result = parts.map((part) => part.floor);
  for (const part of byRemainder) {
    if (leftover === 0 || part.remainder === 0n) break;
    result[part.index] = (result[part.index] ?? 0) + 1;
    leftover -= 1;
  }
  return result;
}
