/**
 * Authenticated encryption with associated data: ChaCha20-Poly1305 (RFC 8439 §2.8),
 * XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) and AES-256-GCM (NIST SP 800-38D), over
 * @noble/ciphers. Output is ciphertext ‖ 16-byte tag. Opening anything that was changed (ciphertext,
 * tag, nonce, key or associated data) raises one error type, {@link AeadOpenError}: the tag check
 * cannot tell which input changed, and neither should we.
 * @module
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { gcm } from '@noble/ciphers/aes.js';
import { BytesInputError, bytesToHex } from './bytes';
import { chacha20Poly1305Open, chacha20Poly1305Seal } from './chacha20-poly1305';
import type { Traced } from './trace';

/** The AEADs the lab offers. AES-GCM is AES-256 only: 128- and 192-bit keys are refused by length. */
export type AeadAlgorithm = 'chacha20-poly1305' | 'xchacha20-poly1305' | 'aes-256-gcm';

/** Sizes and citation of one AEAD, for input checks and for labels on screen. */
export interface AeadParams {
  readonly keyBytes: number;
  readonly nonceBytes: number;
  readonly tagBytes: number;
  readonly title: string;
  readonly spec: string;
}

/** Parameters per algorithm. `nonceBytes` is the required length (the recommended one for GCM). */
export const AEAD_PARAMS: Readonly<Record<AeadAlgorithm, AeadParams>> = {
  'chacha20-poly1305': {
    keyBytes: 32,
    nonceBytes: 12,
    tagBytes: 16,
    title: 'ChaCha20-Poly1305',
    spec: 'RFC 8439 §2.8',
  },
  'xchacha20-poly1305': {
    keyBytes: 32,
    nonceBytes: 24,
    tagBytes: 16,
    title: 'XChaCha20-Poly1305',
    spec: 'draft-irtf-cfrg-xchacha-03',
  },
  'aes-256-gcm': { keyBytes: 32, nonceBytes: 12, tagBytes: 16, title: 'AES-256-GCM', spec: 'NIST SP 800-38D' },
};

/** The tag did not verify: something about the sealed message or its context changed. */
export class AeadOpenError extends Error {
  override readonly name = 'AeadOpenError';
  /** @param algorithm - the AEAD whose tag check failed, named in the message. */
  constructor(readonly algorithm: AeadAlgorithm) {
    super(
      `${AEAD_PARAMS[algorithm].title} refused to decrypt: the authentication tag does not match. ` +
        'The ciphertext, tag, nonce, key or associated data was changed (or is not the one this message was sealed with).',
    );
  }
}

/** A nonce was about to be used a second time with the same key. */
export class NonceReuseError extends Error {
  override readonly name = 'NonceReuseError';
}

/** Shortest GCM IV accepted; shorter ones (Wycheproof's "SmallIv" 1-7 byte cases) are refused. */
export const GCM_MIN_NONCE_BYTES = 8;

/** Checks key, nonce and aad for `algorithm`; BytesInputError names what is wrong. */
function checkInputs(algorithm: AeadAlgorithm, key: Uint8Array, nonce: Uint8Array, aad?: Uint8Array): void {
  const p = AEAD_PARAMS[algorithm];
  if (!(key instanceof Uint8Array) || key.length !== p.keyBytes) {
    throw new BytesInputError(`${p.title} key: expected ${p.keyBytes} bytes, got ${key?.length ?? 'none'}`);
  }
  if (!(nonce instanceof Uint8Array)) throw new BytesInputError(`${p.title} nonce: expected bytes (Uint8Array)`);
  if (aad !== undefined && !(aad instanceof Uint8Array)) {
    throw new BytesInputError(`${p.title} associated data: expected bytes (Uint8Array)`);
  }
  // GCM is specified for other IV lengths too (SP 800-38D §5.2.1.1, §7.1) and Wycheproof tests them;
  // below 8 bytes we refuse (as noble does): such IVs make random-nonce collisions likely. The ChaCha
  // constructions are fixed-length.
  if (algorithm === 'aes-256-gcm') {
    if (nonce.length < GCM_MIN_NONCE_BYTES) {
      throw new BytesInputError(
        `${p.title} nonce: expected at least ${GCM_MIN_NONCE_BYTES} bytes (${p.nonceBytes} recommended), got ${nonce.length}`,
      );
    }
  } else if (nonce.length !== p.nonceBytes) {
    throw new BytesInputError(`${p.title} nonce: expected ${p.nonceBytes} bytes, got ${nonce.length}`);
  }
}

/** noble's cipher object for the two AEADs that are not on the protocol's hot path. */
function nobleCipherFor(
  algorithm: 'xchacha20-poly1305' | 'aes-256-gcm',
  key: Uint8Array,
  nonce: Uint8Array,
  aad?: Uint8Array,
) {
  return algorithm === 'xchacha20-poly1305' ? xchacha20poly1305(key, nonce, aad) : gcm(key, nonce, aad);
}

/** What {@link seal} needs. `aad` defaults to empty. */
export interface SealInput {
  readonly algorithm: AeadAlgorithm;
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  readonly plaintext: Uint8Array;
  readonly aad?: Uint8Array;
}

/** Encrypts and authenticates; returns ciphertext ‖ tag. */
export function seal({ algorithm, key, nonce, plaintext, aad }: SealInput): Uint8Array {
  checkInputs(algorithm, key, nonce, aad);
  if (!(plaintext instanceof Uint8Array))
    throw new BytesInputError(`${AEAD_PARAMS[algorithm].title} plaintext: expected bytes (Uint8Array)`);
  // ChaCha20-Poly1305 carries every message of the protocol: it runs on the allocation-light
  // composition in chacha20-poly1305.ts (same bytes as noble's, checked there and by Wycheproof).
  if (algorithm === 'chacha20-poly1305') return chacha20Poly1305Seal(key, nonce, plaintext, aad);
  return nobleCipherFor(algorithm, key, nonce, aad).encrypt(plaintext);
}

/** What {@link open} needs; `sealed` is what {@link seal} returned. */
export interface OpenInput {
  readonly algorithm: AeadAlgorithm;
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  /** ciphertext ‖ tag */
  readonly sealed: Uint8Array;
  readonly aad?: Uint8Array;
}

/** Verifies and decrypts; throws {@link AeadOpenError} on any change. */
export function open({ algorithm, key, nonce, sealed, aad }: OpenInput): Uint8Array {
  checkInputs(algorithm, key, nonce, aad); // input errors surface as BytesInputError
  if (!(sealed instanceof Uint8Array) || sealed.length < AEAD_PARAMS[algorithm].tagBytes)
    throw new AeadOpenError(algorithm);
  if (algorithm === 'chacha20-poly1305') {
    const plaintext = chacha20Poly1305Open(key, nonce, sealed, aad);
    if (!plaintext) throw new AeadOpenError(algorithm);
    return plaintext;
  }
  try {
    // A fresh instance: a noble cipher object encrypts once; decrypting uses its own.
    return nobleCipherFor(algorithm, key, nonce, aad).decrypt(sealed);
  } catch {
    throw new AeadOpenError(algorithm);
  }
}

/** {@link seal} with the pieces named for replay: `ciphertext` and `tag` separately. */
export function sealTraced(input: SealInput): Traced<Uint8Array> {
  const sealed = seal(input);
  const tagBytes = AEAD_PARAMS[input.algorithm].tagBytes;
  const title = AEAD_PARAMS[input.algorithm].title;
  return {
    result: sealed,
    trace: [
      { name: 'nonce', value: input.nonce, from: 'unique per message under this key' },
      { name: 'aad', value: input.aad ?? new Uint8Array(0), from: 'associated data: authenticated, not encrypted' },
      {
        name: 'ciphertext',
        value: sealed.subarray(0, sealed.length - tagBytes),
        from: `${title} keystream XOR plaintext`,
      },
      {
        name: 'tag',
        value: sealed.subarray(sealed.length - tagBytes),
        from: `${title} authenticator over aad and ciphertext`,
      },
    ],
  };
}

/**
 * A key that remembers every nonce it sealed under, so reuse is caught before it happens: with a
 * stream cipher, two messages under one key and nonce leak ct1 XOR ct2 = pt1 XOR pt2.
 */
export class NonceGuardedKey {
  private readonly used = new Set<string>();
  /** Guards `key` for `algorithm`; the key is checked on the first seal. */
  constructor(
    readonly algorithm: AeadAlgorithm,
    private readonly key: Uint8Array,
  ) {}

  /** Seals; throws {@link NonceReuseError} if this nonce was used before under this key. */
  seal(nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Uint8Array {
    const id = bytesToHex(nonce);
    if (this.used.has(id)) {
      throw new NonceReuseError(
        `nonce ${id} was already used with this key: reusing it would reveal the XOR of the two plaintexts`,
      );
    }
    const sealed = seal({ algorithm: this.algorithm, key: this.key, nonce, plaintext, aad });
    this.used.add(id);
    return sealed;
  }

  /** Whether `nonce` has been used to seal under this key. */
  hasUsed(nonce: Uint8Array): boolean {
    return this.used.has(bytesToHex(nonce));
  }
}
