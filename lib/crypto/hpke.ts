/**
 * HPKE base mode (RFC 9180) with one suite: DHKEM(X25519, HKDF-SHA256) (0x0020), HKDF-SHA256
 * (0x0001), ChaCha20-Poly1305 (0x0003). This is what wraps a message key to the escrow authority's
 * public key. Section numbers below are RFC 9180's.
 * @module
 */
import { open as aeadOpen, seal as aeadSeal } from './aead';
import { assertLength, concatBytes, i2osp, utf8ToBytes } from './bytes';
import { hkdfExpand, hkdfExtract } from './hkdf';
import { csprng, type RandomSource } from './random';
import { publicKeyFromSecret } from './x25519';
import {
  askAll,
  askSharedSecret,
  runX25519,
  runX25519Sync,
  type X25519Engine,
  type X25519Steps,
} from './x25519-platform';
import type { TraceEntry, Traced } from './trace';

const KEM_ID = 0x0020;
const KDF_ID = 0x0001;
const AEAD_ID = 0x0003;
const MODE_BASE = 0x00;
const N_SECRET = 32; // Nsecret for DHKEM(X25519, HKDF-SHA256), §7.1
const N_K = 32; // Nk for ChaCha20Poly1305, §7.3
const N_N = 12; // Nn
const EMPTY = new Uint8Array(0);

const KEM_SUITE_ID = concatBytes(utf8ToBytes('KEM'), i2osp(KEM_ID, 2)); // §4.1
const HPKE_SUITE_ID = concatBytes(utf8ToBytes('HPKE'), i2osp(KEM_ID, 2), i2osp(KDF_ID, 2), i2osp(AEAD_ID, 2)); // §5.1
const VERSION_LABEL = utf8ToBytes('HPKE-v1');

/** LabeledExtract, §4. */
function labeledExtract(suiteId: Uint8Array, salt: Uint8Array, label: string, ikm: Uint8Array): Uint8Array {
  return hkdfExtract(concatBytes(VERSION_LABEL, suiteId, utf8ToBytes(label), ikm), salt);
}

/** LabeledExpand, §4. */
function labeledExpand(
  suiteId: Uint8Array,
  prk: Uint8Array,
  label: string,
  info: Uint8Array,
  length: number,
): Uint8Array {
  return hkdfExpand(prk, concatBytes(i2osp(length, 2), VERSION_LABEL, suiteId, utf8ToBytes(label), info), length);
}

/** An HPKE recipient (or ephemeral) key pair: X25519 keys as DeriveKeyPair made them. */
export interface HpkeKeyPair {
  readonly secretKey: Uint8Array;
  readonly publicKey: Uint8Array;
}

/** DeriveKeyPair(ikm) for X25519, §7.1.3: deterministic key pair from input keying material. */
export function deriveKeyPair(ikm: Uint8Array): HpkeKeyPair {
  const secretKey = deriveSecretKey(ikm);
  return { secretKey, publicKey: publicKeyFromSecret(secretKey) };
}

/** DeriveKeyPair's secret half (§7.1.3): sk = LabeledExpand(LabeledExtract("", "dkp_prk", ikm), "sk", "", 32). */
function deriveSecretKey(ikm: Uint8Array): Uint8Array {
  const dkpPrk = labeledExtract(KEM_SUITE_ID, EMPTY, 'dkp_prk', ikm);
  return labeledExpand(KEM_SUITE_ID, dkpPrk, 'sk', EMPTY, 32);
}

/** GenerateKeyPair, §7.1: DeriveKeyPair over 32 random bytes. */
export function generateHpkeKeyPair(random: RandomSource = csprng()): HpkeKeyPair {
  return deriveKeyPair(random.bytes(32));
}

/** ExtractAndExpand, §4.1. */
function extractAndExpand(dh: Uint8Array, kemContext: Uint8Array): Uint8Array {
  const eaePrk = labeledExtract(KEM_SUITE_ID, EMPTY, 'eae_prk', dh);
  return labeledExpand(KEM_SUITE_ID, eaePrk, 'shared_secret', kemContext, N_SECRET);
}

interface KeySchedule {
  readonly key: Uint8Array;
  readonly baseNonce: Uint8Array;
  readonly exporterSecret: Uint8Array;
  readonly trace: TraceEntry[];
}

/** psk_id_hash for mode_base (§5.1): psk_id is empty, so it is the same for every setup. */
const PSK_ID_HASH = labeledExtract(HPKE_SUITE_ID, EMPTY, 'psk_id_hash', EMPTY);

/** KeySchedule for mode_base, §5.1 (no PSK: psk and psk_id are empty). */
function keySchedule(sharedSecretValue: Uint8Array, info: Uint8Array): KeySchedule {
  const infoHash = labeledExtract(HPKE_SUITE_ID, EMPTY, 'info_hash', info);
  const context = concatBytes(Uint8Array.of(MODE_BASE), PSK_ID_HASH, infoHash);
  const secret = labeledExtract(HPKE_SUITE_ID, sharedSecretValue, 'secret', EMPTY);
  const key = labeledExpand(HPKE_SUITE_ID, secret, 'key', context, N_K);
  const baseNonce = labeledExpand(HPKE_SUITE_ID, secret, 'base_nonce', context, N_N);
  const exporterSecret = labeledExpand(HPKE_SUITE_ID, secret, 'exp', context, N_SECRET);
  return {
    key,
    baseNonce,
    exporterSecret,
    trace: [
      { name: 'key_schedule_context', value: context, from: 'mode ‖ psk_id_hash ‖ info_hash, §5.1' },
      { name: 'secret', value: secret, from: 'LabeledExtract(shared_secret, "secret", psk), §5.1' },
      { name: 'key', value: key, from: 'LabeledExpand(secret, "key", context, Nk), §5.1' },
      { name: 'base_nonce', value: baseNonce, from: 'LabeledExpand(secret, "base_nonce", context, Nn), §5.1' },
      { name: 'exporter_secret', value: exporterSecret, from: 'LabeledExpand(secret, "exp", context, Nh), §5.1' },
    ],
  };
}

/** ComputeNonce(seq), §5.2: base_nonce XOR I2OSP(seq, Nn). */
function computeNonce(baseNonce: Uint8Array, seq: number): Uint8Array {
  const seqBytes = i2osp(seq, N_N);
  return baseNonce.map((b, i) => b ^ seqBytes[i]!);
}

/** An HPKE context after setup: seals (sender) or opens (recipient) with an increasing sequence number. */
abstract class HpkeContext {
  protected seq = 0;
  constructor(
    readonly key: Uint8Array,
    readonly baseNonce: Uint8Array,
    readonly exporterSecret: Uint8Array,
    /** Named values of the setup, in order (`shared_secret`, `key`, `base_nonce`, ...). */
    readonly trace: readonly TraceEntry[],
  ) {}

  /** The sequence number the next seal/open will use. */
  get sequenceNumber(): number {
    return this.seq;
  }

  protected nextNonce(): Uint8Array {
    if (this.seq >= Number.MAX_SAFE_INTEGER) throw new Error('HPKE: message limit reached (§5.2)');
    return computeNonce(this.baseNonce, this.seq);
  }

  /** Secret export, §5.3. */
  export(exporterContext: Uint8Array, length: number): Uint8Array {
    return labeledExpand(HPKE_SUITE_ID, this.exporterSecret, 'sec', exporterContext, length);
  }
}

/** The sender's context (ContextS, §5.1.1): `enc` goes to the recipient, then `seal` per message. */
export class HpkeSenderContext extends HpkeContext {
  /** Built by {@link setupBaseSender}; not meant to be constructed elsewhere. */
  constructor(
    /** The encapsulated key: the ephemeral public key the recipient needs. */
    readonly enc: Uint8Array,
    schedule: KeySchedule,
    trace: readonly TraceEntry[],
  ) {
    super(schedule.key, schedule.baseNonce, schedule.exporterSecret, trace);
  }

  /** ContextS.Seal(aad, pt), §5.2. */
  seal(aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
    const ct = aeadSeal({ algorithm: 'chacha20-poly1305', key: this.key, nonce: this.nextNonce(), plaintext, aad });
    this.seq++;
    return ct;
  }
}

/** The recipient's context (ContextR, §5.1.1): `open` per message, in the sender's order. */
export class HpkeRecipientContext extends HpkeContext {
  /** ContextR.Open(aad, ct), §5.2. Throws `AeadOpenError` (aead.ts); the sequence number only advances on success. */
  open(aad: Uint8Array, ciphertext: Uint8Array): Uint8Array {
    const pt = aeadOpen({
      algorithm: 'chacha20-poly1305',
      key: this.key,
      nonce: this.nextNonce(),
      sealed: ciphertext,
      aad,
    });
    this.seq++;
    return pt;
  }
}

export interface SetupSenderOptions {
  /** Where the ephemeral key comes from (default: the CSPRNG). */
  readonly random?: RandomSource;
  /** ikmE for a deterministic ephemeral key (RFC vectors; recipient-verifiable escrow). */
  readonly ephemeralIkm?: Uint8Array;
}

/** SetupBaseS(pkR, info), §5.1.1, with Encap from §4.1. */
export function setupBaseSender(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  options: SetupSenderOptions = {},
): HpkeSenderContext {
  return runX25519Sync(setupBaseSenderSteps(recipientPublicKey, info, options));
}

/** {@link setupBaseSender} as a computation that asks for its X25519 operations (x25519-platform.ts). */
function* setupBaseSenderSteps(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  options: SetupSenderOptions,
): X25519Steps<HpkeSenderContext> {
  assertLength(recipientPublicKey, 32, 'HPKE recipient public key');
  // GenerateKeyPair is DeriveKeyPair over 32 random bytes (§7.1); pkE and the DH are independent.
  const skE = deriveSecretKey(options.ephemeralIkm ?? (options.random ?? csprng()).bytes(32));
  const [enc, dh] = (yield* askAll([
    { kind: 'public-key', secretKey: skE },
    { kind: 'shared-secret', secretKey: skE, publicKey: recipientPublicKey },
  ])) as [Uint8Array, Uint8Array];
  const ss = extractAndExpand(dh, concatBytes(enc, recipientPublicKey));
  const schedule = keySchedule(ss, info);
  return new HpkeSenderContext(enc, schedule, [
    { name: 'enc', value: enc, from: 'ephemeral public key pkE, §4.1 Encap' },
    { name: 'dh', value: dh, from: 'X25519(skE, pkR), §4.1' },
    { name: 'shared_secret', value: ss, from: 'ExtractAndExpand(dh, enc ‖ pkR), §4.1' },
    ...schedule.trace,
  ]);
}

/**
 * SetupBaseR(enc, skR, info), §5.1.1, with Decap from §4.1. Decap needs pkR = pk(skR) for the KEM
 * context; a caller that opens many seals with one key may pass it (`recipientPublicKey`) to save
 * one X25519 per open, half the cost of an open. A wrong pkR changes the shared secret, so the
 * open then fails; it can never open something the secret key could not.
 */
export function setupBaseRecipient(
  enc: Uint8Array,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  recipientPublicKey?: Uint8Array,
): HpkeRecipientContext {
  return runX25519Sync(setupBaseRecipientSteps(enc, recipientSecretKey, info, recipientPublicKey));
}

/** {@link setupBaseRecipient} as a computation that asks for its one X25519 (x25519-platform.ts). */
function* setupBaseRecipientSteps(
  enc: Uint8Array,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  recipientPublicKey?: Uint8Array,
): X25519Steps<HpkeRecipientContext> {
  assertLength(enc, 32, 'HPKE encapsulated key');
  const dh = yield* askSharedSecret(recipientSecretKey, enc);
  if (recipientPublicKey) assertLength(recipientPublicKey, 32, 'HPKE recipient public key');
  const pkR = recipientPublicKey ?? publicKeyFromSecret(recipientSecretKey);
  const ss = extractAndExpand(dh, concatBytes(enc, pkR));
  const schedule = keySchedule(ss, info);
  return new HpkeRecipientContext(schedule.key, schedule.baseNonce, schedule.exporterSecret, [
    { name: 'enc', value: enc, from: 'received with the message' },
    { name: 'dh', value: dh, from: 'X25519(skR, enc), §4.1 Decap' },
    { name: 'shared_secret', value: ss, from: 'ExtractAndExpand(dh, enc ‖ pkR), §4.1' },
    ...schedule.trace,
  ]);
}

/** What single-shot sealing sends: the encapsulated key and the ciphertext. */
export interface HpkeSealed {
  readonly enc: Uint8Array;
  readonly ciphertext: Uint8Array;
}

/** Single-shot Seal, §6.1. */
export function sealBase(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
  options: SetupSenderOptions = {},
): Traced<HpkeSealed> {
  return runX25519Sync(sealBaseSteps(recipientPublicKey, info, aad, plaintext, options));
}

/** {@link sealBase} as a computation that asks for its X25519 operations (bulk world generation answers them with the platform's). */
export function* sealBaseSteps(
  recipientPublicKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  plaintext: Uint8Array,
  options: SetupSenderOptions = {},
): X25519Steps<Traced<HpkeSealed>> {
  const ctx = yield* setupBaseSenderSteps(recipientPublicKey, info, options);
  const ciphertext = ctx.seal(aad, plaintext);
  return {
    result: { enc: ctx.enc, ciphertext },
    trace: [
      ...ctx.trace,
      { name: 'ciphertext', value: ciphertext, from: 'ChaCha20-Poly1305(key, base_nonce, aad, pt), §6.1' },
    ],
  };
}

/**
 * Single-shot Open, §6.1. Throws `AeadOpenError` (aead.ts) when anything was changed.
 * `recipientPublicKey`: see {@link setupBaseRecipient}.
 */
export function openBase(
  sealed: HpkeSealed,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  recipientPublicKey?: Uint8Array,
): Uint8Array {
  return runX25519Sync(openBaseSteps(sealed, recipientSecretKey, info, aad, recipientPublicKey));
}

/** {@link openBase} as a computation that asks for its one X25519 (x25519-platform.ts). */
function* openBaseSteps(
  sealed: HpkeSealed,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  recipientPublicKey: Uint8Array | undefined,
): X25519Steps<Uint8Array> {
  const context = yield* setupBaseRecipientSteps(sealed.enc, recipientSecretKey, info, recipientPublicKey);
  return context.open(aad, sealed.ciphertext);
}

/**
 * {@link openBase} with `x25519` doing the Decap DH (bulk decryption opens dozens of epochs at
 * once with the platform's X25519). Same result, same errors.
 */
export async function openBaseWith(
  sealed: HpkeSealed,
  recipientSecretKey: Uint8Array,
  info: Uint8Array,
  aad: Uint8Array,
  recipientPublicKey: Uint8Array | undefined,
  x25519: X25519Engine,
): Promise<Uint8Array> {
  return runX25519(openBaseSteps(sealed, recipientSecretKey, info, aad, recipientPublicKey), x25519);
}
