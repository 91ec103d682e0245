'use client';
import { useState } from 'react';
import { bytesToHex, hexToBytes } from '@/lib/crypto/bytes';
import { sharedSecret, publicKeyFromSecret } from '@/lib/crypto/x25519';
import styles from './widgets.module.css';

// RFC 7748 §6.1: the published Alice/Bob key pairs and their shared secret.
const RFC7748 = {
  aliceSecret: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a',
  alicePublic: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
  bobSecret: '5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb',
  bobPublic: 'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
  shared: '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
};

/** "Prove it's real": runs the RFC 7748 §6.1 vector through the same code the lab uses. */
export function SelfTest() {
  const [result, setResult] = useState<null | { ok: boolean; lines: string[] }>(null);
  function run() {
    const checks: [string, string, string][] = [
      ["Alice's public key", bytesToHex(publicKeyFromSecret(hexToBytes(RFC7748.aliceSecret))), RFC7748.alicePublic],
      ["Bob's public key", bytesToHex(publicKeyFromSecret(hexToBytes(RFC7748.bobSecret))), RFC7748.bobPublic],
      [
        'Shared secret (Alice)',
        bytesToHex(sharedSecret(hexToBytes(RFC7748.aliceSecret), hexToBytes(RFC7748.bobPublic))),
        RFC7748.shared,
      ],
      [
        'Shared secret (Bob)',
        bytesToHex(sharedSecret(hexToBytes(RFC7748.bobSecret), hexToBytes(RFC7748.alicePublic))),
        RFC7748.shared,
      ],
    ];
    setResult({
      ok: checks.every(([, got, want]) => got === want),
      lines: checks.map(([n, got, want]) => `${got === want ? '✓' : '✗'} ${n}: ${got}`),
    });
  }
  return (
    <section className={styles.widget} aria-label="Self-test against RFC 7748">
      <h3 className={styles.title}>Prove it&apos;s real: RFC 7748 §6.1</h3>
      <p className={styles.hint}>
        Runs the published test keys from the X25519 standard through the same code that made your keys.
      </p>
      <div className={styles.actions}>
        <button type="button" onClick={run}>
          Run the RFC 7748 test vector
        </button>
      </div>
      {result && (
        <div role="status">
          <p className={`${styles.verdict} ${result.ok ? styles.ok : styles.bad}`}>
            {result.ok ? 'All four values match the RFC.' : 'Mismatch: this build does not compute X25519 correctly.'}
          </p>
          <pre
            className={styles.plain}
            style={{ fontFamily: 'var(--font-mono)', fontSize: '0.85rem', wordBreak: 'break-all' }}
          >
            {result.lines.join('\n')}
          </pre>
        </div>
      )}
    </section>
  );
}
