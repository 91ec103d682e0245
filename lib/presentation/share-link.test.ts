import { describe, expect, it } from 'vitest';
import { readableSeed, READABLE_SEED } from './readable-seed';
import { attackLabShareUrl, lessonShareUrl, parseAttackLabShare, type AttackLabShare } from './share-link';

describe('lesson share links', () => {
  it('use the existing ?seed= parameter and the step deep link', () => {
    const url = new URL(
      lessonShareUrl('http://localhost:3000', { slug: 'keys', stepId: 'bob-key', seed: 'amber otter' }),
    );
    expect(url.pathname).toBe('/learn/keys');
    expect(url.searchParams.get('seed')).toBe('amber otter');
    expect(url.hash).toBe('#bob-key');
    expect(new URL(lessonShareUrl('http://x', { slug: 'keys', seed: 's' })).hash).toBe('');
  });
});

describe('attack-lab share links', () => {
  const share: AttackLabShare = {
    seed: 'tidy-heron-7',
    people: 5,
    conversations: 6,
    messages: 1200,
    mode: 'static',
    escrow: 'shamir',
  };

  it('round-trip every setting that decides the bytes', () => {
    const url = new URL(attackLabShareUrl('http://localhost:3000', share));
    expect(url.pathname).toBe('/attack-lab');
    expect(parseAttackLabShare(url.search)).toEqual(share);
  });

  it('refuse a link with any setting out of bounds', () => {
    const search = (patch: Record<string, string>) => {
      const url = new URL(attackLabShareUrl('http://x', share));
      for (const [k, v] of Object.entries(patch)) url.searchParams.set(k, v);
      return url.search;
    };
    expect(parseAttackLabShare('')).toBeNull();
    expect(parseAttackLabShare('?seed=abc')).toBeNull();
    expect(parseAttackLabShare(search({ people: '17' }))).toBeNull();
    expect(parseAttackLabShare(search({ people: '1e1' }))).toBeNull();
    expect(parseAttackLabShare(search({ conversations: '11' }))).toBeNull(); // 5 people: 10 pairs
    expect(parseAttackLabShare(search({ mode: 'none' }))).toBeNull();
    expect(parseAttackLabShare(search({ escrow: 'everyone' }))).toBeNull();
    expect(parseAttackLabShare(search({ seed: '   ' }))).toBeNull();
  });
});

describe('readableSeed', () => {
  it('is short, readable and decided by its bytes', () => {
    const seed = readableSeed(new Uint8Array([0, 15, 42]));
    expect(seed).toBe('amber-otter-42');
    expect(seed).toMatch(READABLE_SEED);
    expect(readableSeed(new Uint8Array([31, 31, 199]))).toBe('witty-zebra-99');
    expect(() => readableSeed(new Uint8Array(2))).toThrow(/3 random bytes/);
  });
});
