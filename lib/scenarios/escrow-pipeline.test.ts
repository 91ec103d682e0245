import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair, sharedSecret } from '@/lib/crypto/x25519';
import { escrowWrapKeyAt, openEscrowEpoch, startEscrowChain } from '@/lib/protocol/escrow-epoch';
import { createLabAuthority } from './lab-people';
import { traceEscrowPipeline } from './escrow-pipeline';

const random = seededRandom('escrow-pipeline-test');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);
const authority = createLabAuthority(random);
const texts = ['first', 'second', 'Meet at the station at 9'];
const trace = traceEscrowPipeline({ alice, bob, authority, texts, random: seededRandom('escrow-pipeline-run') });
const value = (name: string) => trace.hpke.find((v) => v.name === name)!.bytes;

describe('traceEscrowPipeline', () => {
  it('traces the last message, three places down the wrap chain, and opens it to the text Alice sent', () => {
    expect(trace.position).toBe(2);
    expect(trace.chain.map((l) => l.position)).toEqual([0, 1, 2]);
    expect(trace.plaintext).toBe(texts[2]);
    expect(trace.text).toBe(texts[2]);
  });

  it('its values are the construction’s: the epoch key as openEscrowEpoch opens it, the wrap key as escrowWrapKeyAt walks to it', () => {
    const blob = trace.envelope.escrow!.epochBlob;
    expect(trace.epochKey).toEqual(openEscrowEpoch(blob, authority.id, authority.secretKey));
    expect(trace.chain[0]!.chainKey).toEqual(trace.epochKey);
    expect(trace.chain[2]!.wrapKey).toEqual(escrowWrapKeyAt(startEscrowChain(trace.epochKey), 2).wrapKey);
    // The key the authority unwrapped is the key Alice's client sealed with.
    expect(trace.unwrappedKey).toEqual(trace.trafficKey);
  });

  it('the HPKE dh is X25519(authority secret, enc): the same value the phone computed from the other side', () => {
    expect(value('enc')).toEqual(trace.envelope.escrow!.epochBlob.seals[0]!.enc);
    expect(value('dh')).toEqual(sharedSecret(authority.secretKey, value('enc')));
    expect(value('key')).toHaveLength(32);
    expect(value('base_nonce')).toHaveLength(12);
  });

  it('another secret key cannot open the field', () => {
    const other = createLabAuthority(seededRandom('another authority'));
    const blob = trace.envelope.escrow!.epochBlob;
    expect(() => openEscrowEpoch(blob, authority.id, other.secretKey)).toThrow();
  });
});
