/**
 * Random choices (an integer below n, an item of a list, a shuffle) drawn from a
 * {@link RandomSource}, for building a world's schedule and texts. With a seeded source the same
 * seed gives the same choices on every machine. Used only during generation; the dice never end up
 * in the world (a closure would not survive structured cloning to a worker).
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';

/** Random choices backed by a RandomSource. */
export interface Dice {
  /** A uniform float in [0, 1) with 32 bits of resolution. */
  float(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** A uniform integer in [min, max] (both inclusive). */
  between(min: number, max: number): number;
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** Index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

const BUFFER_BYTES = 4096;

/** Dice that read `random` 4 KiB at a time (one ChaCha20 call per 1,024 draws for a seeded source). */
export function createDice(random: RandomSource): Dice {
  let buffer: Uint8Array = new Uint8Array(0);
  let offset = 0;
  const u32 = (): number => {
    if (offset + 4 > buffer.length) {
      buffer = random.bytes(BUFFER_BYTES);
      offset = 0;
    }
    const v =
      ((buffer[offset]! << 24) | (buffer[offset + 1]! << 16) | (buffer[offset + 2]! << 8) | buffer[offset + 3]!) >>> 0;
    offset += 4;
    return v;
  };
  const float = () => u32() / 2 ** 32;
  const int = (n: number) => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`dice: need a positive integer bound, got ${n}`);
    return Math.floor(float() * n);
  };
  return {
    float,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('dice: cannot pick from an empty list');
      return items[int(items.length)]!;
    },
    weighted: (weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let x = float() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i]!;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
}
