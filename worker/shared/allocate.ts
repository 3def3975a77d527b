// Splitting an amount of fen over lines, so every charge and discount is known per line (partial
// refunds later return what that line actually paid). Pure.

/**
 * Largest-remainder (Hamilton) apportionment: `total` fen split in proportion to `weights`.
 * The parts are integers, never negative, and always sum to `total`; ties in the remainder go to the
 * earlier line. A negative total is split by its magnitude and the parts carry the sign. When every
 * weight is 0 the amount is split evenly. BigInt keeps `total × weight` exact past 2^53.
 */
export function allocateFen(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`total must be an integer number of fen: ${total}`);
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError("cannot allocate a non-zero amount over no lines");
    return [];
  }
  for (const w of weights)
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights must be integers ≥ 0: ${w}`);
  const sign = total < 0 ? -1 : 1;
  const magnitude = BigInt(Math.abs(total));
  const ws = weights.some((w) => w > 0) ? weights.map(BigInt) : weights.map(() => 1n);
  const sumW = ws.reduce((a, b) => a + b, 0n);
  const parts = ws.map((w) => (magnitude * w) / sumW);
  const remainders = ws.map((w, i) => ({ i, r: (magnitude * w) % sumW }));
  let left = magnitude - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  // `+ 0` turns a -0 (sign × 0) into 0.
  return parts.map((p) => sign * Number(p) + 0);
}

/**
 * A line's share of an adjustment split over its units (equal weights, largest remainder), so refunding
 * k of the line's units returns exactly the first k shares and refunding all of them returns the line's.
 */
export const unitShares = (lineShareFen: number, quantity: number): number[] =>
  allocateFen(
    lineShareFen,
    Array.from({ length: quantity }, () => 1),
  );
