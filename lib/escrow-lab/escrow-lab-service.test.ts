import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { EscrowLabService } from './escrow-lab-service';
import { parseEscrowLabRequest, parseEscrowLabResponse } from './escrow-lab-messages';

const random = seededRandom('service');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);

describe('EscrowLabService', () => {
  it('keeps one authority per scope across switch calls, and seeded mode reproduces bytes', async () => {
    const a = new EscrowLabService();
    const first = await a.handle({ kind: 'switch', scope: 's', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    const second = await a.handle({ kind: 'switch', scope: 's', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    expect(second.authorityPublicKey).toEqual(first.authorityPublicKey);
    const b = new EscrowLabService();
    const again = await b.handle({ kind: 'switch', scope: 'other', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    expect(again.authorityPublicKey).toEqual(first.authorityPublicKey);
    expect(again.result.on!.escrow!.enc).toEqual(first.result.on!.escrow!.enc);
  });

  it('refuses out-of-order actions with a learner-facing message', async () => {
    const s = new EscrowLabService();
    await expect(s.handle({ kind: 'binding-move', scope: 'x', binding: 'bound' })).rejects.toThrow(/Seal the two messages/);
    await expect(s.handle({ kind: 'warrant-execute', scope: 'x', target: 'bob', from: 0, to: 10 })).rejects.toThrow(/Record the day/);
    await expect(s.handle({ kind: 'warrant-beyond', scope: 'x' })).rejects.toThrow(/Execute a warrant first/);
    await expect(s.handle({ kind: 'recombine', scope: 'x', agencies: [], corrupt: [] })).rejects.toThrow(/Split the key first/);
  });

  it('frees a widget\'s state when it is released (the widget unmounted), and only that widget\'s', async () => {
    const s = new EscrowLabService();
    await s.handle({ kind: 'warrant-record', scope: 'a', seed: 'w' });
    await s.handle({ kind: 'binding-seal', scope: 'b', seed: 'w', binding: 'bound' });
    expect(s.size).toBe(2);
    expect(await s.handle({ kind: 'release', scope: 'a' })).toEqual({ released: true });
    expect(s.size).toBe(1);
    await expect(s.handle({ kind: 'warrant-execute', scope: 'a', target: 'bob', from: 0, to: 10 })).rejects.toThrow(/Record the day/);
    expect((await s.handle({ kind: 'binding-move', scope: 'b', binding: 'bound' })).moved).toBeDefined();
    expect(await s.handle({ kind: 'release', scope: 'never-used' })).toEqual({ released: false });
    expect(parseEscrowLabRequest({ id: 2, request: { kind: 'release', scope: 'a' } }).request.kind).toBe('release');
  });

  it('a warrant window that ends before it starts is refused', async () => {
    const s = new EscrowLabService();
    await s.handle({ kind: 'warrant-record', scope: 'w', seed: 'w' });
    await expect(s.handle({ kind: 'warrant-execute', scope: 'w', target: 'bob', from: 600, to: 500 })).rejects.toThrow(/ends before it starts/);
    await expect(s.handle({ kind: 'warrant-execute', scope: 'w', target: 'mallory', from: 0, to: 500 })).rejects.toThrow(/no mallory/);
  });
});

describe('message parsing', () => {
  it('accepts a well-formed request and names the bad field otherwise', () => {
    expect(parseEscrowLabRequest({ id: 1, request: { kind: 'forge', scope: 'a', escrow: true, text: 'x' } }).request.kind).toBe('forge');
    expect(() => parseEscrowLabRequest({ id: 1, request: { kind: 'forge', scope: 'a', escrow: 'yes', text: 'x' } })).toThrow(/escrow must be true or false/);
    expect(() => parseEscrowLabRequest({ id: 1, request: { kind: 'nope', scope: 'a' } })).toThrow(/unknown kind/);
    expect(() => parseEscrowLabRequest({ id: 1, request: { kind: 'switch', scope: 'a', alice: { secretKey: new Uint8Array(3) }, bob: {}, text: '', escrow: true } })).toThrow(/alice.secretKey/);
    expect(() => parseEscrowLabRequest(null)).toThrow(/expected an object/);
  });
  it('checks the frame of replies', () => {
    expect(parseEscrowLabResponse({ id: 3, ok: true, kind: 'forge', reply: {} })).toMatchObject({ ok: true, id: 3 });
    expect(parseEscrowLabResponse({ id: 3, ok: false, error: 'no' })).toEqual({ id: 3, ok: false, error: 'no' });
    expect(parseEscrowLabResponse({ id: 3, ok: true, kind: 'evil', reply: {} })).toBeNull();
    expect(parseEscrowLabResponse('x')).toBeNull();
  });
});
