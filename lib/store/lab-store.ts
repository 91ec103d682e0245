/**
 * The two-party lab: Alice and Bob, a wire Eve can read, one message. Used by the first look on the
 * landing page and by the widgets of lessons 1-3. One store per mounted lab (a lesson, the landing
 * page), created by {@link createLabStore}; actions are thin and call lib/crypto.
 *
 * Nothing here is persisted: secret keys never touch storage.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { AeadOpenError, open, seal } from '@/lib/crypto/aead';
import { concatBytes, flipBit, utf8ToBytes, bytesToUtf8 } from '@/lib/crypto/bytes';
import { hkdfSha256 } from '@/lib/crypto/hkdf';
import { csprng, seededRandom, type RandomSource } from '@/lib/crypto/random';
import type { TraceEntry } from '@/lib/crypto/trace';
import { generateKeyPair, sharedSecret, X25519Error, type X25519KeyPair } from '@/lib/crypto/x25519';

export type Party = 'alice' | 'bob';

export type LabAction = 'exchangePublicKeys' | 'computeSharedSecrets' | 'deriveKeys' | 'encrypt' | 'tamper' | 'decrypt';

export interface LabError {
  readonly action: LabAction;
  readonly message: string;
}

/** Where a wire item starts or ends: one of the two phones, or the relay server between them. */
export type WireEndpoint = Party | 'server';

/** One thing that crossed the wire: exactly what Eve (and anyone on the path) sees. */
export interface WireItem {
  readonly id: number;
  readonly from: WireEndpoint;
  readonly to: WireEndpoint;
  readonly label: string;
  readonly bytes: Uint8Array;
  /** Set when the tamper control changed these bytes in transit. */
  readonly tampered?: boolean;
}

export interface DerivedKey {
  readonly key: Uint8Array;
  readonly trace: readonly TraceEntry[];
  readonly salt: Uint8Array;
  readonly info: Uint8Array;
}

export interface SentMessage {
  readonly plaintext: string;
  readonly nonce: Uint8Array;
  readonly aad: Uint8Array;
  /** ciphertext ‖ tag, as Alice sent it. */
  readonly sealed: Uint8Array;
}

export type Decryption =
  | { readonly ok: true; readonly plaintext: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: string };

export interface LabState {
  readonly random: RandomSource;
  readonly keys: Partial<Record<Party, X25519KeyPair>>;
  /** Public keys each party has received from the other. */
  readonly received: Partial<Record<Party, Uint8Array>>;
  readonly shared: Partial<Record<Party, Uint8Array>>;
  readonly derived: Partial<Record<Party, DerivedKey>>;
  readonly sent: SentMessage | null;
  /** What Bob received: the sealed bytes after the wire (possibly tampered). */
  readonly delivered: Uint8Array | null;
  readonly bobResult: Decryption | null;
  readonly wire: readonly WireItem[];
  /** The last learner-facing error and the action that raised it ("Generate Bob's key pair first."). */
  readonly error: LabError | null;

  generateKeyPair(party: Party): void;
  exchangePublicKeys(): void;
  computeSharedSecrets(): void;
  deriveKeys(): void;
  encrypt(plaintext: string): void;
  /** Flips one bit of the ciphertext on the wire (bit 0 of byte 0 unless given). */
  tamper(bitIndex?: number): void;
  /** Bob opens what was delivered. */
  decrypt(): void;
  /** Logs items another part of the lab sent (the relay conversation's envelopes, both hops). */
  recordOnWire(items: readonly Omit<WireItem, 'id'>[]): void;
  reset(): void;
}

/** HKDF `info`: binds the key to this protocol and its purpose (RFC 5869 §3.2). */
export const FIRST_LOOK_INFO = 'backdoor-lab first look v1: message key';

const NAMES: Record<Party, string> = { alice: 'Alice', bob: 'Bob' };

/** Creates an independent lab. `seed` switches to reproducible demo randomness. */
export function createLabStore(seed?: string): StoreApi<LabState> {
  const fresh = () => ({
    random: seed ? seededRandom(seed) : csprng(),
    keys: {},
    received: {},
    shared: {},
    derived: {},
    sent: null,
    delivered: null,
    bobResult: null,
    wire: [] as WireItem[],
    error: null,
  });

  return createStore<LabState>()((set, get) => {
    const fail = (action: LabAction, message: string) => set({ error: { action, message } });
    const push = (items: readonly Omit<WireItem, 'id'>[]) => {
      const wire = get().wire;
      let next = wire.length ? wire[wire.length - 1]!.id + 1 : 1;
      return [...wire, ...items.map((i) => ({ ...i, id: next++ }))];
    };

    return {
      ...fresh(),

      generateKeyPair(party) {
        // A new key pair invalidates everything computed from the old one.
        const keys = { ...get().keys, [party]: generateKeyPair(get().random) };
        set({
          keys,
          received: {},
          shared: {},
          derived: {},
          sent: null,
          delivered: null,
          bobResult: null,
          wire: [],
          error: null,
        });
      },

      exchangePublicKeys() {
        const { keys } = get();
        const missing = (['alice', 'bob'] as const).filter((p) => !keys[p]);
        if (missing.length === 2) return fail('exchangePublicKeys', "Generate Alice's and Bob's key pairs first.");
        if (missing.length === 1) return fail('exchangePublicKeys', `Generate ${NAMES[missing[0]!]}'s key pair first.`);
        set({
          received: { bob: keys.alice!.publicKey, alice: keys.bob!.publicKey },
          wire: push([
            { from: 'alice', to: 'bob', label: "Alice's public key", bytes: keys.alice!.publicKey },
            { from: 'bob', to: 'alice', label: "Bob's public key", bytes: keys.bob!.publicKey },
          ]),
          error: null,
        });
      },

      computeSharedSecrets() {
        const { keys, received } = get();
        if (!received.alice || !received.bob) return fail('computeSharedSecrets', 'Swap the public keys first.');
        try {
          set({
            shared: {
              alice: sharedSecret(keys.alice!.secretKey, received.alice),
              bob: sharedSecret(keys.bob!.secretKey, received.bob),
            },
            error: null,
          });
        } catch (e) {
          fail('computeSharedSecrets', e instanceof X25519Error ? e.message : String(e));
        }
      },

      deriveKeys() {
        const { shared, keys } = get();
        if (!shared.alice || !shared.bob) return fail('deriveKeys', 'Compute the shared secrets first.');
        // Salt: both public keys in a fixed order, so the key is bound to this pair of identities.
        const salt = concatBytes(keys.alice!.publicKey, keys.bob!.publicKey);
        const info = utf8ToBytes(FIRST_LOOK_INFO);
        const derive = (p: Party): DerivedKey => {
          const { result, trace } = hkdfSha256(shared[p]!, salt, info, 32);
          return { key: result, trace, salt, info };
        };
        set({ derived: { alice: derive('alice'), bob: derive('bob') }, error: null });
      },

      encrypt(plaintext) {
        const { derived, random } = get();
        if (!derived.alice) return fail('encrypt', 'Derive the message key first.');
        if (plaintext.length === 0) return fail('encrypt', 'Type a message for Alice to send.');
        const nonce = random.bytes(12);
        // Associated data: who sends to whom. Authenticated, sent in the clear.
        const aad = utf8ToBytes('from alice to bob');
        const sealed = seal({
          algorithm: 'chacha20-poly1305',
          key: derived.alice.key,
          nonce,
          plaintext: utf8ToBytes(plaintext),
          aad,
        });
        set({
          sent: { plaintext, nonce, aad, sealed },
          delivered: sealed,
          bobResult: null,
          wire: push([
            { from: 'alice', to: 'bob', label: 'Header (associated data)', bytes: aad },
            { from: 'alice', to: 'bob', label: 'Nonce', bytes: nonce },
            { from: 'alice', to: 'bob', label: 'Ciphertext ‖ tag', bytes: sealed },
          ]),
          error: null,
        });
      },

      tamper(bitIndex = 0) {
        const { delivered, wire } = get();
        if (!delivered) return fail('tamper', 'Alice has not sent a message yet.');
        const bits = delivered.length * 8;
        if (!Number.isInteger(bitIndex) || bitIndex < 0 || bitIndex >= bits) {
          return fail(
            'tamper',
            `Choose a bit from 0 to ${bits - 1}: the message on the wire is ${delivered.length} bytes.`,
          );
        }
        const changed = flipBit(delivered, bitIndex);
        const lastCt = [...wire].reverse().find((w) => w.label === 'Ciphertext ‖ tag');
        set({
          delivered: changed,
          bobResult: null,
          wire: wire.map((w) => (w === lastCt ? { ...w, bytes: changed, tampered: true } : w)),
          error: null,
        });
      },

      decrypt() {
        const { derived, sent, delivered } = get();
        if (!sent || !delivered) return fail('decrypt', 'Nothing has arrived for Bob yet.');
        if (!derived.bob) return fail('decrypt', 'Bob needs the message key: derive it first.');
        try {
          const bytes = open({
            algorithm: 'chacha20-poly1305',
            key: derived.bob.key,
            nonce: sent.nonce,
            sealed: delivered,
            aad: sent.aad,
          });
          set({ bobResult: { ok: true, plaintext: bytesToUtf8(bytes), bytes }, error: null });
        } catch (e) {
          set({ bobResult: { ok: false, error: e instanceof AeadOpenError ? e.message : String(e) }, error: null });
        }
      },

      recordOnWire(items) {
        set({ wire: push(items) });
      },

      reset() {
        set(fresh());
      },
    };
  });
}
