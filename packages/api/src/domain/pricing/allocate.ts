/**
 * Splits `total` cents over `weights` in proportion, by largest remainder: each part gets the
 * floor of its exact share, then the cents left over go one each to the parts with the largest
 * fractional remainders (earlier parts win ties). The parts always add up to `total` exactly.
 */
export function allocateByWeight(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`Cannot allocate ${total} cents.`);
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weights.some((weight) => weight < 0 || !Number.isSafeInteger(weight))) throw new RangeError("Weights must be non-negative integers.");
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError(`Cannot allocate ${total} cents over nothing.`);
    return [];
  }
  if (weightSum === 0) {
    if (total !== 0) throw new RangeError(`Cannot allocate ${total} cents over zero weights.`);
    return weights.map(() => 0);
  }
  // BigInt keeps total * weight exact however large the cart.
  const parts = weights.map((weight, index) => {
    const exact = BigInt(total) * BigInt(weight);
    return { index, floor: Number(exact / BigInt(weightSum)), remainder: exact % BigInt(weightSum) };
  });
  let leftover = total - parts.reduce((sum, part) => sum + part.floor, 0);
  const byRemainder = [...parts].sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  const result = parts.map((part) => part.floor);
  for (const part of byRemainder) {
    if (leftover === 0) break;
    if (part.remainder === 0n) break;
    result[part.index] = (result[part.index] ?? 0) + 1;
    leftover -= 1;
  }
  return result;
}

/** `amount` × `bps` / 10 000, rounded half up (basis points: 1000 = 10%). */
export function applyBasisPoints(amountCents: number, bps: number): number {
  const exact = BigInt(amountCents) * BigInt(bps);
  const whole = exact / 10_000n;
  return Number(exact % 10_000n >= 5_000n ? whole + 1n : whole);
}
