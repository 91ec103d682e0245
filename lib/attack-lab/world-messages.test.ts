import { describe, expect, it } from 'vitest';
import { parseCapabilities, parseWorkerRequest, parseWorkerResponse, parseWorkerResult } from './world-messages';

describe('world worker messages', () => {
  it('accepts a well-formed attack request and refuses an unknown capability, naming the field', () => {
    const ok = parseWorkerRequest({ type: 'attack', id: 3, worldId: 'world-1', capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-device', participant: 'bob', at: 1440 }], options: {} });
    expect(ok.type).toBe('attack');
    expect(() => parseWorkerRequest({ type: 'attack', id: 3, worldId: 'world-1', capabilities: [{ kind: 'steal-everything' }], options: {} })).toThrow(/capabilities\.0/);
    expect(() => parseCapabilities([{ kind: 'steal-device', participant: 'bob', at: -5 }])).toThrow(/0\.at/);
  });

  it('refuses worlds beyond the size limits and extra fields', () => {
    expect(() => parseWorkerRequest({ type: 'generate', id: 1, options: { seed: 'x', messages: 20_001 } })).toThrow(/options\.messages/);
    expect(() => parseWorkerRequest({ type: 'generate', id: 1, options: { seed: '' } })).toThrow(/options\.seed/);
    expect(() => parseWorkerRequest({ type: 'generate', id: 1, options: { seed: 'x', evil: true } })).toThrow();
  });

  it('checks every row of a result, not just the first', () => {
    const row = { seq: 0, kind: 'opened', sender: 'alice', recipient: 'bob', conversationId: 'c', sentAt: 1, plaintext: 'hi' };
    const warrant = { warrant: { target: 'bob', from: 0, to: 10, issuedBy: 'Judge' }, keyHow: 'x', underWarrant: { opened: 2, tagFailed: 0, noKey: 0, outsideWarrant: 0 }, rows: [row, row], beyond: null, timing: { decryptMs: 1 } };
    expect(parseWorkerResult('warrant', warrant).rows).toHaveLength(2);
    expect(() => parseWorkerResult('warrant', { ...warrant, rows: [row, { ...row, kind: 'maybe' }] })).toThrow(/rows\[1\]\.kind/);
    expect(() => parseWorkerResult('warrant', { ...warrant, rows: [row, { ...row, sentAt: '1' }] })).toThrow(/rows\[1\]\.sentAt/);
  });

  it('refuses responses that are not from the protocol', () => {
    expect(parseWorkerResponse({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(() => parseWorkerResponse({ type: 'result', id: 'one', result: {} })).toThrow();
    expect(() => parseWorkerResponse('hello')).toThrow();
  });
});
