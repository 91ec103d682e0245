import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { memberAddsSomeone, runGhostScene } from './ghost-group';

const text = 'plan for Friday';
const readOf = (scene: ReturnType<typeof runGhostScene>, id: string) => scene.reads.find((r) => r.id === id)!.text;

describe('the ghost user (behaviour of ../shared/reference/ghost.mjs)', () => {
  it('without signed membership the silent ghost reads the group; no notice; the safety number changes', () => {
    const s = runGhostScene({ signedMembership: false, holder: 'authority', text }, seededRandom('ghost-1'));
    expect(readOf(s, 'bob')).toBe(text);
    expect(readOf(s, 'ghost')).toBe(text);
    expect(s.rosterUsed).toEqual(['alice', 'bob', 'carol', 'ghost']);
    expect(s.message.wrapped.map((w) => w.to)).toContain('ghost');
    expect(s.notices).toEqual([]);
    expect(s.safetyNumberAfter).not.toBe(s.safetyNumberBefore);
  });

  it("with signed membership the server's addition is refused and the ghost reads nothing", () => {
    const s = runGhostScene({ signedMembership: true, holder: 'authority', text }, seededRandom('ghost-2'));
    expect(s.addition.accepted).toBe(false);
    expect(s.addition.reason).toMatch(/not a member/);
    expect(readOf(s, 'ghost')).toBeNull();
    expect(readOf(s, 'carol')).toBe(text);
    expect(s.safetyNumberAfter).toBe(s.safetyNumberBefore);
  });

  it("a member's signed addition is accepted (the check is a signature check, not a blanket refusal)", () => {
    expect(memberAddsSomeone(seededRandom('ghost-3')).accepted).toBe(true);
  });

  it('a thief holding the ghost capability reads exactly as the authority did', () => {
    const s = runGhostScene({ signedMembership: false, holder: 'thief', text }, seededRandom('ghost-4'));
    expect(readOf(s, 'ghost')).toBe(text);
  });
});
