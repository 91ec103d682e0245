/**
 * Wycheproof (C2SP/wycheproof, testvectors_v1, Apache-2.0) run through OUR wrappers, not noble
 * directly. The vectors are not copied into the repo: they are read from `../shared/vectors/wycheproof/`
 * beside the repo root, or from `$WYCHEPROOF_DIR`. When the folder is absent the suite is skipped and
 * says where it looked.
 *
 * Rule for every file: each `valid` case is accepted with exactly the expected output, each `invalid`
 * case is rejected with the error type our API promises, `acceptable` cases are accepted with the
 * right output unless they are listed below as a documented exception. The lists of exceptions are
 * exact: a case that newly fails, or a listed case that starts passing, fails the test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AeadOpenError, type AeadAlgorithm, GCM_MIN_NONCE_BYTES, open, seal } from './aead';
import { BytesInputError, bytesToHex, hexToBytes } from './bytes';
import { hkdfSha256 } from './hkdf';
import { sharedSecret, X25519Error } from './x25519';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const VECTOR_DIR = process.env.WYCHEPROOF_DIR
  ? resolve(process.env.WYCHEPROOF_DIR)
  : resolve(REPO_ROOT, '..', 'shared', 'vectors', 'wycheproof');
const VECTORS_PRESENT = existsSync(VECTOR_DIR);
if (!VECTORS_PRESENT) {
  console.warn(
    `Wycheproof suite SKIPPED: no vector folder at ${VECTOR_DIR} ` +
      (process.env.WYCHEPROOF_DIR
        ? '(taken from $WYCHEPROOF_DIR).'
        : '(../shared/vectors/wycheproof/ beside the repo root; set WYCHEPROOF_DIR to look elsewhere).'),
  );
}

// ---- Documented exceptions -------------------------------------------------------------------

/**
 * X25519 cases Wycheproof marks `acceptable` that we refuse with X25519Error: the public key is a
 * low-order point (or a non-canonical encoding of one), so X25519 yields the all-zero value that
 * everyone can compute. RFC 7748 §6.1 allows refusing it; noble v2 refuses these u-coordinates before
 * running the ladder, and our sharedSecret surfaces that as X25519Error.
 */
const X25519_REFUSED: Readonly<Record<number, string>> = {
  32: 'public key u = 0',
  33: 'public key u = 1',
  63: 'order-8 point',
  64: 'order-8 point',
  65: 'u = p - 1 (order 2, on the twist)',
  66: 'order-8 point, non-canonical (top bit set)',
  67: 'order-8 point, non-canonical (top bit set)',
  68: 'u = p - 1, non-canonical (top bit set)',
  69: 'u = 0',
  70: 'u = 1',
  71: 'u = p - 1',
  72: 'order-8 point',
  73: 'order-8 point',
  74: 'u = p, i.e. 0 (non-canonical)',
  75: 'u = p + 1, i.e. 1 (non-canonical)',
  76: 'u = 0 with the top bit set',
  77: 'u = 1 with the top bit set',
  78: 'u = p - 1 with the top bit set',
  79: 'order-8 point with the top bit set',
  80: 'order-8 point with the top bit set',
  81: 'u = p with the top bit set',
  82: 'u = p + 1 with the top bit set',
  83: 'u = p, i.e. 0 (non-canonical)',
  84: 'u = 0 with the top bit set',
  85: 'u = p + 1, i.e. 1 (non-canonical)',
  86: 'u = 1 with the top bit set',
  117: 'u = 0 (multiplication edge case)',
  118: 'u = 1 (multiplication edge case)',
  154: 'u = p - 1 (multiplication edge case)',
  165: 'order-8 point (D = 0 in doubling)',
  166: 'order-8 point (D = 0 in doubling)',
};

/**
 * AES-GCM cases Wycheproof marks `valid` (flag SmallIv) that we refuse with BytesInputError: IVs
 * shorter than {@link GCM_MIN_NONCE_BYTES} bytes. SP 800-38D permits them, but a 1-7 byte IV makes a
 * nonce collision (which breaks GCM completely) likely; noble refuses them and so do we.
 * Only the AES-256 groups run here (see AES_KEY_BITS).
 */
const GCM_REFUSED: Readonly<Record<number, string>> = {
  299: '1-byte IV',
  300: '1-byte IV',
  301: '2-byte IV',
  302: '2-byte IV',
  303: '4-byte IV',
  304: '4-byte IV',
  305: '6-byte IV',
  306: '6-byte IV',
};

/**
 * Our AEAD wrapper is AES-256-GCM only (AeadAlgorithm has no 128/192-bit variant), so the AES-128
 * and AES-192 groups are not run as GCM cases; instead each is checked to be refused by the key-length
 * check with BytesInputError, and counted as out of scope.
 */
const AES_KEY_BITS = 256;

// ---- File shapes (checked, since the files come from outside) ---------------------------------

const hex = z.string().regex(/^([0-9a-f]{2})*$/);
const result = z.enum(['valid', 'invalid', 'acceptable']);
const testCase = { tcId: z.number().int(), comment: z.string(), flags: z.array(z.string()), result };
const fileOf = <G extends z.ZodType>(group: G) =>
  z.object({ algorithm: z.string(), numberOfTests: z.number().int(), testGroups: z.array(group) });

const xdhFile = fileOf(
  z.object({
    curve: z.literal('curve25519'),
    tests: z.array(z.object({ ...testCase, public: hex, private: hex, shared: hex })),
  }),
);
const aeadFile = fileOf(
  z.object({
    keySize: z.number().int(),
    ivSize: z.number().int(),
    tagSize: z.literal(128),
    tests: z.array(z.object({ ...testCase, key: hex, iv: hex, aad: hex, msg: hex, ct: hex, tag: hex })),
  }),
);
const hkdfFile = fileOf(
  z.object({
    tests: z.array(z.object({ ...testCase, ikm: hex, salt: hex, info: hex, size: z.number().int(), okm: hex })),
  }),
);

function load<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  const raw: unknown = JSON.parse(readFileSync(join(VECTOR_DIR, name), 'utf8'));
  return schema.parse(raw);
}

// ---- Tallies --------------------------------------------------------------------------------

interface Tally {
  /** valid/acceptable cases accepted with the expected output */
  accepted: number;
  /** invalid cases rejected with the promised error type */
  rejected: number;
  /** cases refused on purpose (must equal the documented list) */
  exceptions: number[];
  /** cases outside the wrapper's scope, checked to be refused (AES-128/192 keys) */
  outOfScope: number;
  /** anything else: each entry is a failure description */
  problems: string[];
  total: number;
}

const newTally = (): Tally => ({ accepted: 0, rejected: 0, exceptions: [], outOfScope: 0, problems: [], total: 0 });

function attempt<T>(fn: () => T): { value: T; error?: undefined } | { value?: undefined; error: unknown } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

function report(file: string, t: Tally): void {
  console.info(
    `wycheproof ${file}: ${t.total} cases, ${t.accepted} accepted, ${t.rejected} rejected, ` +
      `${t.exceptions.length} documented exceptions` +
      (t.outOfScope ? `, ${t.outOfScope} out of scope (refused)` : ''),
  );
}

const ids = (record: Readonly<Record<number, string>>) => Object.keys(record).map(Number);

function runAead(file: string, algorithm: AeadAlgorithm): { tally: Tally; numberOfTests: number } {
  const data = load(file, aeadFile);
  const tally = newTally();
  for (const group of data.testGroups) {
    for (const t of group.tests) {
      tally.total++;
      const key = hexToBytes(t.key);
      const nonce = hexToBytes(t.iv);
      const aad = hexToBytes(t.aad);
      const msg = hexToBytes(t.msg);
      const expectedSealed = t.ct + t.tag;
      if (group.keySize !== AES_KEY_BITS) {
        const s = attempt(() => seal({ algorithm, key, nonce, aad, plaintext: msg }));
        if (s.error instanceof BytesInputError) tally.outOfScope++;
        else tally.problems.push(`${t.tcId}: ${group.keySize}-bit key was not refused`);
        continue;
      }
      if (t.result === 'invalid') {
        // Bad nonce sizes are input errors; everything else must fail the tag check.
        const wanted = t.flags.some((f) => f === 'InvalidNonceSize' || f === 'ZeroLengthIv')
          ? BytesInputError
          : AeadOpenError;
        const o = attempt(() => open({ algorithm, key, nonce, aad, sealed: hexToBytes(expectedSealed) }));
        if (!(o.error instanceof wanted)) {
          tally.problems.push(
            `${t.tcId} (invalid ${t.flags.join(',')}): expected ${wanted.name}, got ${o.error ? String(o.error) : 'plaintext'}`,
          );
          continue;
        }
        if (wanted === AeadOpenError) {
          const s = attempt(() => bytesToHex(seal({ algorithm, key, nonce, aad, plaintext: msg })));
          if (s.value === expectedSealed) tally.problems.push(`${t.tcId}: our seal produced the invalid ciphertext`);
        }
        tally.rejected++;
        continue;
      }
      const s = attempt(() => bytesToHex(seal({ algorithm, key, nonce, aad, plaintext: msg })));
      const o = attempt(() => bytesToHex(open({ algorithm, key, nonce, aad, sealed: hexToBytes(expectedSealed) })));
      if (s.value === expectedSealed && o.value === t.msg) tally.accepted++;
      else if (s.error instanceof BytesInputError && o.error instanceof BytesInputError) {
        tally.exceptions.push(t.tcId);
        // The stated reason must be true of the vector: a short GCM IV.
        if (algorithm !== 'aes-256-gcm' || nonce.length >= GCM_MIN_NONCE_BYTES || !t.flags.includes('SmallIv')) {
          tally.problems.push(`${t.tcId}: refused as an input error, but its IV is not a short GCM IV`);
        }
      } else
        tally.problems.push(
          `${t.tcId} (${t.result} ${t.flags.join(',')}): seal ${s.error ? String(s.error) : 'mismatch'}, open ${o.error ? String(o.error) : o.value === t.msg ? 'ok' : 'mismatch'}`,
        );
    }
  }
  return { tally, numberOfTests: data.numberOfTests };
}

describe.skipIf(!VECTORS_PRESENT)(`Wycheproof vectors from ${VECTOR_DIR}`, () => {
  it('x25519_test.json through sharedSecret', () => {
    const data = load('x25519_test.json', xdhFile);
    const tally = newTally();
    for (const group of data.testGroups) {
      for (const t of group.tests) {
        tally.total++;
        const r = attempt(() => bytesToHex(sharedSecret(hexToBytes(t.private), hexToBytes(t.public))));
        if (t.result === 'invalid') {
          if (r.error instanceof X25519Error || r.error instanceof BytesInputError) tally.rejected++;
          else tally.problems.push(`${t.tcId}: invalid case accepted`);
        } else if (r.value === t.shared) {
          tally.accepted++;
        } else if (r.error instanceof X25519Error && t.result === 'acceptable') {
          tally.exceptions.push(t.tcId);
          // The stated reason must be true of the vector: its expected "shared secret" is all zero.
          if (t.shared !== '00'.repeat(32) || !t.flags.includes('ZeroSharedSecret')) {
            tally.problems.push(`${t.tcId}: refused, but its shared secret is not the zero value`);
          }
        } else {
          tally.problems.push(
            `${t.tcId} (${t.result} ${t.flags.join(',')}): ${r.error ? String(r.error) : `got ${r.value}`}`,
          );
        }
      }
    }
    report('x25519_test.json', tally);
    expect(tally.problems).toEqual([]);
    expect(tally.exceptions).toEqual(ids(X25519_REFUSED));
    expect(tally.total).toBe(data.numberOfTests);
    expect(tally.accepted + tally.rejected + tally.exceptions.length).toBe(tally.total);
  });

  it('chacha20_poly1305_test.json through seal/open (chacha20-poly1305)', () => {
    const { tally, numberOfTests } = runAead('chacha20_poly1305_test.json', 'chacha20-poly1305');
    report('chacha20_poly1305_test.json', tally);
    expect(tally.problems).toEqual([]);
    expect(tally.exceptions).toEqual([]);
    expect(tally.total).toBe(numberOfTests);
    expect(tally.accepted + tally.rejected).toBe(tally.total);
  });

  it('xchacha20_poly1305_test.json through seal/open (xchacha20-poly1305)', () => {
    const { tally, numberOfTests } = runAead('xchacha20_poly1305_test.json', 'xchacha20-poly1305');
    report('xchacha20_poly1305_test.json', tally);
    expect(tally.problems).toEqual([]);
    expect(tally.exceptions).toEqual([]);
    expect(tally.total).toBe(numberOfTests);
    expect(tally.accepted + tally.rejected).toBe(tally.total);
  });

  it('aes_gcm_test.json through seal/open (aes-256-gcm; 128/192-bit keys must be refused)', () => {
    const { tally, numberOfTests } = runAead('aes_gcm_test.json', 'aes-256-gcm');
    report('aes_gcm_test.json', tally);
    expect(tally.problems).toEqual([]);
    expect(tally.exceptions).toEqual(ids(GCM_REFUSED));
    expect(tally.total).toBe(numberOfTests);
    expect(tally.accepted + tally.rejected + tally.exceptions.length + tally.outOfScope).toBe(tally.total);
    // Guard against a wrong filter silently skipping the AES-256 groups.
    expect(tally.accepted).toBeGreaterThan(50);
  });

  it('hkdf_sha256_test.json through hkdfSha256', () => {
    const data = load('hkdf_sha256_test.json', hkdfFile);
    const tally = newTally();
    for (const group of data.testGroups) {
      for (const t of group.tests) {
        tally.total++;
        const r = attempt(() =>
          bytesToHex(hkdfSha256(hexToBytes(t.ikm), hexToBytes(t.salt), hexToBytes(t.info), t.size).result),
        );
        if (t.result === 'invalid') {
          if (r.error instanceof RangeError) tally.rejected++;
          else tally.problems.push(`${t.tcId} (invalid ${t.flags.join(',')}): not refused with RangeError`);
        } else if (r.value === t.okm) {
          tally.accepted++;
        } else {
          tally.problems.push(`${t.tcId} (${t.result}): ${r.error ? String(r.error) : 'wrong okm'}`);
        }
      }
    }
    report('hkdf_sha256_test.json', tally);
    expect(tally.problems).toEqual([]);
    expect(tally.exceptions).toEqual([]);
    expect(tally.total).toBe(data.numberOfTests);
    expect(tally.accepted + tally.rejected).toBe(tally.total);
  });
});
