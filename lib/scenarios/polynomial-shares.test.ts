import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { curvesThrough, evaluate, interpolateAt, interpolateAtFloat, splitIntoPoints } from './polynomial-shares';

const poly = splitIntoPoints(7, 3, 5, seededRandom('polynomial-shares'));

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

describe('Shamir over ordinary numbers', () => {
  it('hides the secret at 0 of a degree k − 1 polynomial; share i is (i, f(i))', () => {
    expect(poly.coefficients).toHaveLength(3);
    expect(evaluate(poly.coefficients, 0)).toBe(7);
    expect(poly.shares.map((s) => s.x)).toEqual([1, 2, 3, 4, 5]);
    for (const s of poly.shares) expect(s.y).toBe(evaluate(poly.coefficients, s.x));
  });

  it('any k shares, and any more, give back the secret exactly', () => {
    for (const size of [3, 4, 5])
      for (const held of subsets(poly.shares, size)) expect(interpolateAt(held, 0)).toEqual({ num: 7n, den: 1n });
  });

  it('k − 1 shares fit a curve for every candidate secret: they fix nothing', () => {
    for (const held of subsets(poly.shares, 2)) {
      for (const { secret, points } of curvesThrough(held, 3, [-10, 0, 7, 25])) {
        expect(points).toHaveLength(3);
        expect(interpolateAt(points, 0)).toEqual({ num: BigInt(secret), den: 1n });
        for (const h of held) expect(interpolateAt(points, h.x)).toEqual({ num: BigInt(h.y), den: 1n });
      }
    }
  });

  it('the float evaluation used for drawing agrees with the exact one', () => {
    const held = poly.shares.slice(0, 3);
    for (const x of [0, 0.5, 2.25, 5])
      expect(interpolateAtFloat(held, x)).toBeCloseTo(evaluate(poly.coefficients, x), 9);
    expect(() =>
      interpolateAt(
        [
          { x: 1, y: 2 },
          { x: 1, y: 3 },
        ],
        0,
      ),
    ).toThrow(/two points/);
    expect(() => splitIntoPoints(1, 4, 3, seededRandom('x'))).toThrow(RangeError);
  });
});
