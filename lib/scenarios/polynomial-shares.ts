/**
 * Shamir's idea drawn over ordinary numbers: a secret is the value at 0 of a random polynomial of
 * degree k − 1, and share i is the point (i, f(i)). Any k points fix the polynomial, and so the
 * secret (Lagrange interpolation); through k − 1 points a polynomial of degree k − 1 still passes
 * through any value at 0. The lab's real split (shamir-secret-sharing) does the same byte by byte
 * in the finite field GF(2^8), where the "curve" cannot be drawn; this module exists for the
 * picture. Arithmetic is exact (BigInt fractions), so recovery is equality, not rounding.
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';

/** A point (x, y) with integer coordinates. */
export interface SharePoint {
  readonly x: number;
  readonly y: number;
}

/** A polynomial by its integer coefficients, constant term first: f(0) = coefficients[0], the secret. */
export interface SharedPolynomial {
  readonly coefficients: readonly number[];
  readonly shares: readonly SharePoint[];
}

/** A uniform integer in [min, max] from `random` (rejection sampling on one byte; max − min < 256). */
function smallInt(random: RandomSource, min: number, max: number): number {
  const span = max - min + 1;
  if (span > 256) throw new RangeError('smallInt: range too wide');
  const limit = 256 - (256 % span);
  for (;;) {
    const b = random.bytes(1)[0]!;
    if (b < limit) return min + (b % span);
  }
}

/** Evaluates integer coefficients at integer x, exactly. */
export function evaluate(coefficients: readonly number[], x: number): number {
  return coefficients.reduceRight((acc, c) => acc * x + c, 0);
}

/**
 * A random polynomial of degree k − 1 hiding `secret`, and its n shares at x = 1..n. Coefficients
 * are small non-zero integers so the curve fits on a screen.
 */
export function splitIntoPoints(secret: number, k: number, n: number, random: RandomSource): SharedPolynomial {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 2 || n < k || n > 8)
    throw new RangeError('need 2 <= k <= n <= 8');
  const coefficients = [secret];
  for (let i = 1; i < k; i++) {
    const c = smallInt(random, -4, 4);
    coefficients.push(c === 0 ? 1 : c);
  }
  return {
    coefficients,
    shares: Array.from({ length: n }, (_, i) => ({ x: i + 1, y: evaluate(coefficients, i + 1) })),
  };
}

/** An exact fraction num/den, den > 0. */
interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

function fraction(num: bigint, den: bigint): Fraction {
  if (den === 0n) throw new RangeError('division by zero');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * The value at `x` of the unique polynomial of degree < points.length through `points` (Lagrange
 * interpolation), exact. Throws on repeated x.
 */
export function interpolateAt(points: readonly SharePoint[], x: number): { num: bigint; den: bigint } {
  let sum = fraction(0n, 1n);
  points.forEach((pi, i) => {
    let term = fraction(BigInt(pi.y), 1n);
    points.forEach((pj, j) => {
      if (i === j) return;
      if (pi.x === pj.x) throw new RangeError(`two points at x = ${pi.x}`);
      term = fraction(term.num * BigInt(x - pj.x), term.den * BigInt(pi.x - pj.x));
    });
    sum = fraction(sum.num * term.den + term.num * sum.den, sum.den * term.den);
  });
  return sum;
}

/** {@link interpolateAt} as a float, for drawing. */
export function interpolateAtFloat(points: readonly SharePoint[], x: number): number {
  let sum = 0;
  points.forEach((pi, i) => {
    let term = pi.y;
    points.forEach((pj, j) => {
      if (i !== j) term *= (x - pj.x) / (pi.x - pj.x);
    });
    sum += term;
  });
  return sum;
}

/**
 * With fewer than k points, one curve per candidate secret: the k points that fix a polynomial of
 * degree k − 1 through every held point and (0, candidate), padded when still short of k with
 * anchors beyond the last share (any value there works). Every candidate fits the held points.
 */
export function curvesThrough(
  held: readonly SharePoint[],
  k: number,
  candidates: readonly number[],
): { secret: number; points: SharePoint[] }[] {
  if (held.length >= k) throw new RangeError('with k points there is only one curve');
  return candidates.map((secret) => {
    const points: SharePoint[] = [{ x: 0, y: secret }, ...held];
    let x = Math.max(0, ...held.map((p) => p.x)) + 1;
    while (points.length < k) {
      points.push({ x, y: held.length > 0 ? held[held.length - 1]!.y : secret });
      x++;
    }
    return { secret, points };
  });
}
