import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { runEvasion } from './evasion';

describe('evasion: a modified sender defeats escrow, the recipient does not notice', () => {
  const scene = runEvasion('meet at the docks at nine', seededRandom('evasion-test'));
  const run = (c: string) => scene.runs.find((r) => r.client === c)!;

  it('the compliant message opens for the recipient and for the authority under the warrant', () => {
    expect(run('compliant').recipient).toEqual({ accepted: true, plaintext: 'meet at the docks at nine' });
    expect(run('compliant').authority.covered).toBe(true);
    expect(run('compliant').authority.plaintext).toBe('meet at the docks at nine');
  });

  it.each(['dropped', 'garbled'])('the %s message is accepted by the recipient and opens for no authority', (c) => {
    const r = run(c);
    expect(r.recipient).toEqual({ accepted: true, plaintext: 'meet at the docks at nine' });
    expect(r.authority.covered).toBe(true);
    expect(r.authority.plaintext).toBeNull();
  });

  it('the dropped message carries no escrow field; the garbled one carries a field of the same size as a real one', () => {
    expect(run('dropped').envelope.escrow).toBeUndefined();
    expect(run('dropped').escrowFieldBytes).toBe(0);
    expect(run('garbled').escrowFieldBytes).toBe(run('compliant').escrowFieldBytes);
    expect(run('garbled').envelope.header.escrow).toEqual({ epoch: 0 });
  });

  it('refuses an empty message', () => {
    expect(() => runEvasion('  ', seededRandom('x'))).toThrow(RangeError);
  });
});
