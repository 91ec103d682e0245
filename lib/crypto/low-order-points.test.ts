import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes';
import { LOW_ORDER_POINTS } from './low-order-points';
import { csprng } from './random';
import { generateKeyPair, sharedSecret, X25519Error } from './x25519';

const VECTORS = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'vectors', 'wycheproof');
const X25519_FILE = resolve(process.env.WYCHEPROOF_DIR ?? VECTORS, 'x25519_test.json');

describe('LOW_ORDER_POINTS', () => {
  it('are five distinct 32-byte keys', () => {
    expect(LOW_ORDER_POINTS).toHaveLength(5);
    expect(new Set(LOW_ORDER_POINTS.map((p) => bytesToHex(p.publicKey))).size).toBe(5);
    for (const p of LOW_ORDER_POINTS) expect(p.publicKey).toHaveLength(32);
  });

  it('are each refused by X25519 with a fresh secret key, while an honest public key is accepted', () => {
    const bob = generateKeyPair(csprng());
    for (const p of LOW_ORDER_POINTS) {
      expect(() => sharedSecret(bob.secretKey, p.publicKey), p.name).toThrow(X25519Error);
    }
    expect(sharedSecret(bob.secretKey, generateKeyPair(csprng()).publicKey)).toHaveLength(32);
  });

  it.skipIf(!existsSync(X25519_FILE))(
    'are exactly the canonical keys Wycheproof lists as LowOrderPublic with an all-zero shared secret',
    () => {
      const file = JSON.parse(readFileSync(X25519_FILE, 'utf8')) as {
        testGroups: { tests: { public: string; shared: string; flags: string[] }[] }[];
      };
      const listed = new Set<string>();
      for (const group of file.testGroups)
        for (const t of group.tests)
          if (t.flags.includes('LowOrderPublic') && /^0+$/.test(t.shared)) listed.add(t.public);
      // Canonical encodings only: the top bit clear and u below p = 2^255 - 19 (RFC 7748 §5).
      const canonical = [...listed].filter((hex) => {
        const top = parseInt(hex.slice(62, 64), 16);
        return top < 0x80 && !/^(ed|ee)f{60}7f$/.test(hex);
      });
      expect(new Set(canonical)).toEqual(new Set(LOW_ORDER_POINTS.map((p) => bytesToHex(p.publicKey))));
    },
  );
});
