import { describe, expect, it } from 'vitest';
import { seedFromSearch, withoutSeed, withSeed } from './seed-mode';

describe('seedFromSearch', () => {
  it('reads the seed, cut to 64 characters, and treats an empty one as none', () => {
    expect(seedFromSearch('?seed=workshop&x=1')).toBe('workshop');
    expect(seedFromSearch('?x=1')).toBeUndefined();
    expect(seedFromSearch('?seed=')).toBeUndefined();
    expect(seedFromSearch(`?seed=${'a'.repeat(80)}`)).toBe('a'.repeat(64));
    expect(seedFromSearch('?seed=caf%C3%A9%20room')).toBe('café room');
  });
});

describe('withSeed', () => {
  it('puts the seed in the query of an internal href, before its fragment', () => {
    expect(withSeed('/learn/keys', 'workshop')).toBe('/learn/keys?seed=workshop');
    expect(withSeed('/learn/keys#step-2', 'workshop')).toBe('/learn/keys?seed=workshop#step-2');
    expect(withSeed('/#lessons', 'w s')).toBe('/?seed=w+s#lessons');
    expect(withSeed('/attack-lab?x=1&seed=old', 'new')).toBe('/attack-lab?x=1&seed=new');
  });

  it('leaves the href alone without a seed, or when it leaves the app', () => {
    expect(withSeed('/learn/keys', undefined)).toBe('/learn/keys');
    expect(withSeed('https://example.org/', 'w')).toBe('https://example.org/');
    expect(withSeed('//example.org/', 'w')).toBe('//example.org/');
    expect(withSeed('#step-2', 'w')).toBe('#step-2');
  });

  it('is undone by withoutSeed, which keeps the rest of the query and the fragment', () => {
    expect(withoutSeed(withSeed('/learn/keys?x=1#s', 'workshop'))).toBe('/learn/keys?x=1#s');
    expect(withoutSeed('/?seed=workshop')).toBe('/');
  });
});
