import { describe, expect, it } from 'vitest';
import { countOutcomes, type EnvelopeOutcome } from '@/lib/protocol/decryption-outcome';
import { RunningCounts } from './running-outcome-counts';

const provenance = { kind: 'escrow-epoch', authorityId: 'a', epoch: 0 } as unknown as Extract<
  EnvelopeOutcome,
  { kind: 'opened' }
>['openedWith'];

describe('RunningCounts', () => {
  it('counts as countOutcomes does, and a revised seq (the retry phase) replaces its earlier outcome', () => {
    const counts = new RunningCounts();
    const first: EnvelopeOutcome[] = [
      { seq: 1, kind: 'no-key' },
      { seq: 2, kind: 'tag-failed', triedWith: [] },
      { seq: 3, kind: 'opened', plaintext: 'hi', openedWith: provenance },
      { seq: 4, kind: 'outside-warrant' },
    ];
    for (const o of first) counts.decide(o);
    expect(counts.current()).toEqual(countOutcomes(first));
    const revised: EnvelopeOutcome[] = [
      { seq: 1, kind: 'opened', plaintext: 'a', openedWith: provenance },
      { seq: 2, kind: 'opened', plaintext: 'b', openedWith: provenance },
    ];
    for (const o of revised) counts.decide(o);
    expect(counts.current()).toEqual({ opened: 3, tagFailed: 0, noKey: 0, outsideWarrant: 1 });
  });
});
