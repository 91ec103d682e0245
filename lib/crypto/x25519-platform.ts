/**
 * X25519 engines for bulk work. The learner-facing code (widgets, traces, every synchronous
 * protocol function) uses noble's X25519 (x25519.ts); generating a 10,000-message world needs tens
 * of thousands of X25519 operations, and the platform's own implementation (WebCrypto's X25519,
 * "Secure Curves in the Web Cryptography API", in Chromium and Node >= 20) is tens of times faster
 * than noble's. Both compute the same function (RFC 7748 §5), so a world is byte-for-byte the same
 * whichever engine generated it (x25519-platform.test.ts checks this on vectors and random inputs).
 *
 * WebCrypto is asynchronous, so code that may use it is written once as a generator that yields
 * {@link X25519Request}s: {@link runX25519Sync} answers them with noble, {@link runX25519} with any
 * engine. Which engine a caller gets is passed in (never module state); {@link detectX25519Engine}
 * picks the platform's when it works and falls back to noble.
 *
 * Seeded worlds need seeded secret keys, so a 32-byte secret is imported as PKCS#8 (RFC 8410 §7:
 * the fixed DER prefix for an id-X25519 private key, then the key bytes); the public key
 * X25519(k, 9) is read back from the imported key's JWK export (`x`, RFC 8037 §2), or computed
 * with deriveBits against the base point where an export carries none.
 * @module
 */
import { base64ToBytes } from './bytes';
import { X25519Error, publicKeyFromSecret, sharedSecret } from './x25519';

/** An X25519 operation a computation needs answered. */
export type X25519Request =
  | { readonly kind: 'public-key'; readonly secretKey: Uint8Array }
  | { readonly kind: 'shared-secret'; readonly secretKey: Uint8Array; readonly publicKey: Uint8Array };

/**
 * A computation that asks for X25519 results and returns `T`. Each `yield` hands over a batch of
 * requests that do not depend on each other and receives their answers in the same order (an
 * asynchronous engine runs a batch concurrently); if any fails, the first failure in request order
 * is thrown back into the computation.
 */
export type X25519Steps<T> = Generator<readonly X25519Request[], T, readonly Uint8Array[]>;

/** An implementation of X25519 with the same refusals as {@link sharedSecret}. */
export interface X25519Engine {
  readonly name: 'noble' | 'webcrypto';
  /** X25519(secretKey, 9). */
  publicKey(secretKey: Uint8Array): Promise<Uint8Array>;
  /** X25519(secretKey, publicKey); rejects with `X25519Error` for a low-order point (all-zero output). */
  sharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): Promise<Uint8Array>;
}

/** Asks for X25519(secretKey, 9) inside an {@link X25519Steps} computation. */
export function* askPublicKey(secretKey: Uint8Array): X25519Steps<Uint8Array> {
  return (yield [{ kind: 'public-key', secretKey }])[0]!;
}

/** Asks for X25519(secretKey, publicKey) inside an {@link X25519Steps} computation. */
export function* askSharedSecret(secretKey: Uint8Array, publicKey: Uint8Array): X25519Steps<Uint8Array> {
  return (yield [{ kind: 'shared-secret', secretKey, publicKey }])[0]!;
}

/** Asks for several independent X25519 results at once. */
export function* askAll(requests: readonly X25519Request[]): X25519Steps<readonly Uint8Array[]> {
  return yield requests;
}

function answerWithNoble(request: X25519Request): Uint8Array {
  return request.kind === 'public-key'
    ? publicKeyFromSecret(request.secretKey)
    : sharedSecret(request.secretKey, request.publicKey);
}

function answerWithEngine(request: X25519Request, engine: X25519Engine): Promise<Uint8Array> {
  return request.kind === 'public-key'
    ? engine.publicKey(request.secretKey)
    : engine.sharedSecret(request.secretKey, request.publicKey);
}

/** Runs `steps` to the end with noble answering every request (synchronous, for learner-facing code). */
export function runX25519Sync<T>(steps: X25519Steps<T>): T {
  let next = steps.next();
  while (!next.done) {
    let answers: Uint8Array[];
    try {
      answers = next.value.map(answerWithNoble);
    } catch (e) {
      next = steps.throw(e);
      continue;
    }
    next = steps.next(answers);
  }
  return next.value;
}

/** Runs `steps` to the end with `engine` answering every request, each batch concurrently. */
export async function runX25519<T>(steps: X25519Steps<T>, engine: X25519Engine): Promise<T> {
  let next = steps.next();
  while (!next.done) {
    const settled = await Promise.allSettled(next.value.map((r) => answerWithEngine(r, engine)));
    const failed = settled.find((r) => r.status === 'rejected');
    next = failed
      ? steps.throw(failed.reason)
      : steps.next(settled.map((r) => (r as PromiseFulfilledResult<Uint8Array>).value));
  }
  return next.value;
}

/** noble as an engine (the fallback, and the reference in tests). */
export const nobleX25519Engine: X25519Engine = {
  name: 'noble',
  publicKey: async (secretKey) => publicKeyFromSecret(secretKey),
  sharedSecret: async (secretKey, publicKey) => sharedSecret(secretKey, publicKey),
};

/** RFC 8410 §7: DER of PrivateKeyInfo { version 0, AlgorithmIdentifier { id-X25519 (1.3.101.110) }, OCTET STRING { OCTET STRING (32) } }. */
const PKCS8_X25519_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);
/** The base point u = 9 (RFC 7748 §4.1), little-endian. */
const BASE_POINT = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 9 : 0));
const ALGORITHM = { name: 'X25519' } as const;

const lowOrderError = () =>
  new X25519Error(
    'X25519 refused this public key: it is a low-order point, so the "shared secret" would be all zeros and known to anyone.',
  );

// WebCrypto's types named through the global, so this file type-checks with the DOM library (the
// page) and with Node's types alone (tsconfig.lib.json), which declare the same API.
type PlatformSubtle = typeof globalThis.crypto.subtle;
type PlatformKey = Awaited<ReturnType<PlatformSubtle['importKey']>>;

/**
 * The platform's WebCrypto X25519 as an engine, over `subtle` (default `globalThis.crypto.subtle`).
 * Imported keys are remembered per Uint8Array (a ratchet key is used for its public key and later
 * for a DH; a peer's ratchet key for two DHs), in WeakMaps owned by this engine instance. Keys are
 * treated as immutable, as everywhere in the protocol code.
 */
export function webCryptoX25519Engine(subtle: PlatformSubtle = globalThis.crypto.subtle): X25519Engine {
  const secretKeys = new WeakMap<Uint8Array, Promise<PlatformKey>>();
  const publicKeys = new WeakMap<Uint8Array, Promise<PlatformKey>>();
  const importPublic = (publicKey: Uint8Array): Promise<PlatformKey> => {
    let key = publicKeys.get(publicKey);
    if (!key)
      publicKeys.set(publicKey, (key = subtle.importKey('raw', new Uint8Array(publicKey), ALGORITHM, false, [])));
    return key;
  };
  const importSecret = (secretKey: Uint8Array): Promise<PlatformKey> => {
    let key = secretKeys.get(secretKey);
    if (!key) {
      if (secretKey.length !== 32)
        throw new RangeError(`X25519 secret key: expected 32 bytes, got ${secretKey.length}`);
      const der = new Uint8Array(PKCS8_X25519_PREFIX.length + 32);
      der.set(PKCS8_X25519_PREFIX);
      der.set(secretKey, PKCS8_X25519_PREFIX.length);
      key = subtle.importKey('pkcs8', der, ALGORITHM, true, ['deriveBits']);
      secretKeys.set(secretKey, key);
    }
    return key;
  };
  let basePoint: Promise<PlatformKey> | undefined; // imported on first use only
  const derive = async (secretKey: Uint8Array, publicKey: PlatformKey | Promise<PlatformKey>): Promise<Uint8Array> => {
    let bits: ArrayBuffer;
    try {
      bits = await subtle.deriveBits({ name: 'X25519', public: await publicKey }, await importSecret(secretKey), 256);
    } catch (e) {
      // WebCrypto refuses an all-zero result with OperationError (Secure Curves §"X25519 derive bits").
      if (e instanceof Error && e.name === 'OperationError') throw lowOrderError();
      throw e;
    }
    const out = new Uint8Array(bits);
    if (out.every((b) => b === 0)) throw lowOrderError();
    return out;
  };
  return {
    name: 'webcrypto',
    async publicKey(secretKey) {
      // Importing a secret key computes its public key (RFC 8037 §2 puts it in the JWK's `x`):
      // exporting it costs a fifth of a second scalar multiplication against the base point.
      const jwk = await subtle.exportKey('jwk', await importSecret(secretKey));
      if (typeof jwk.x === 'string') {
        const x = base64ToBytes(jwk.x, 'JWK x');
        if (x.length === 32) return x;
      }
      return derive(secretKey, (basePoint ??= subtle.importKey('raw', BASE_POINT, ALGORITHM, true, [])));
    },
    async sharedSecret(secretKey, publicKey) {
      if (publicKey.length !== 32)
        throw new RangeError(`X25519 public key: expected 32 bytes, got ${publicKey.length}`);
      // noble refuses low-order u-coordinates before the ladder; so do we, so both engines throw the same error.
      if (isLowOrder(publicKey)) throw lowOrderError();
      return derive(secretKey, importPublic(publicKey));
    },
  };
}

const P = 2n ** 255n - 19n;
/**
 * The u-coordinates of small order on the curve and its twist (mod p), the blocklist noble,
 * libsodium and Libgcrypt check before the ladder: X25519(k, u) is zero for every clamped k.
 */
const LOW_ORDER_U = new Set<bigint>([
  0n,
  1n,
  P - 1n,
  325606250916557431795983626356110631294008115727848805560023387167927233504n,
  39382357235489614581723060781553021112529911719440698176882885853963445705823n,
]);

/** Whether `publicKey` decodes (top bit masked, reduced mod p, RFC 7748 §5) to a low-order u. */
function isLowOrder(publicKey: Uint8Array): boolean {
  let u = 0n;
  for (let i = 31; i >= 0; i--) u = (u << 8n) | BigInt(i === 31 ? publicKey[i]! & 0x7f : publicKey[i]!);
  return LOW_ORDER_U.has(u % P);
}

/**
 * The platform's WebCrypto X25519 if it is present and computes RFC 7748 §6.1's test vector
 * correctly, else noble. `subtle` is injectable for tests (default `globalThis.crypto.subtle`; null: none).
 */
export async function detectX25519Engine(
  subtle: PlatformSubtle | null = globalThis.crypto?.subtle ?? null,
): Promise<X25519Engine> {
  if (!subtle) return nobleX25519Engine;
  try {
    const engine = webCryptoX25519Engine(subtle);
    const alicePublic = await engine.publicKey(RFC7748_ALICE_SECRET);
    if (alicePublic.length === 32 && alicePublic.every((b, i) => b === RFC7748_ALICE_PUBLIC[i])) return engine;
  } catch {
    // X25519 missing from this platform's WebCrypto (older browsers): noble it is.
  }
  return nobleX25519Engine;
}

const hex = (s: string) => Uint8Array.from(s.match(/../g)!, (b) => parseInt(b, 16));
/** RFC 7748 §6.1: Alice's private key and public key. */
const RFC7748_ALICE_SECRET = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
const RFC7748_ALICE_PUBLIC = hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
