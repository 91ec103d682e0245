'use client';
import { useId, useState } from 'react';
import { NonceGuardedKey, NonceReuseError, seal } from '@/lib/crypto/aead';
import { bytesToUtf8, equalBytes, utf8ToBytes, xorBytes } from '@/lib/crypto/bytes';
import { csprng } from '@/lib/crypto/random';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ByteView } from '../../bytes/ByteView';
import styles from './widgets.module.css';

interface Outcome {
  readonly key: Uint8Array;
  readonly nonce: Uint8Array;
  readonly guardMessage: string;
  readonly ct1: Uint8Array;
  readonly ct2: Uint8Array;
  readonly ctXor: Uint8Array;
  readonly ptXor: Uint8Array;
  readonly recovered: string;
}

/**
 * Seals two messages under one key and one nonce, the classic stream-cipher mistake, and shows with
 * the real bytes that ct1 ⊕ ct2 = pt1 ⊕ pt2: whoever knows one message reads the other.
 */
export function NonceReuse() {
  const id = useId();
  const [m1, setM1] = useState('Transfer 100 euros to Carol');
  const [m2, setM2] = useState('The vault code is 4 8 1 5 2');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  function run() {
    if (!m1 || !m2) return setError('Type both messages.');
    const random = csprng();
    const key = random.bytes(32);
    const nonce = random.bytes(12);
    const p1 = utf8ToBytes(m1);
    const p2 = utf8ToBytes(m2);
    // First, the guarded API refuses the second use of the nonce...
    const guarded = new NonceGuardedKey('chacha20-poly1305', key);
    const ct1 = guarded.seal(nonce, p1);
    let guardMessage = '';
    try {
      guarded.seal(nonce, p2);
    } catch (e) {
      guardMessage = e instanceof NonceReuseError ? e.message : String(e);
    }
    // ...then we make the mistake anyway, with the unguarded call, to see what it costs.
    const ct2 = seal({ algorithm: 'chacha20-poly1305', key, nonce, plaintext: p2 });
    const n = Math.min(p1.length, p2.length);
    const ctXor = xorBytes(ct1.subarray(0, n), ct2.subarray(0, n));
    const ptXor = xorBytes(p1.subarray(0, n), p2.subarray(0, n));
    // Eve knows (or guesses) message 1: XOR it out and message 2 appears.
    const recovered = bytesToUtf8(xorBytes(ctXor, p1.subarray(0, n)));
    setOutcome({ key, nonce, guardMessage, ct1, ct2, ctXor, ptXor, recovered });
    setError(null);
    recordLessonAction('nonce-reuse');
  }

  const same = outcome ? equalBytes(outcome.ctXor, outcome.ptXor) : null;
  return (
    <section className={styles.widget} aria-label="Nonce reuse">
      <h3 className={styles.title}>Reuse a nonce, and see what leaks</h3>
      <div className={styles.cols}>
        <div className={styles.field}>
          <label htmlFor={`${id}-m1`}>Message 1</label>
          <input id={`${id}-m1`} value={m1} maxLength={200} onChange={(e) => setM1(e.target.value)} />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-m2`}>Message 2</label>
          <input id={`${id}-m2`} value={m2} maxLength={200} onChange={(e) => setM2(e.target.value)} />
        </div>
      </div>
      <div className={styles.actions}>
        <button type="button" className="primary" onClick={run}>
          Encrypt both with the same key and nonce
        </button>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {outcome && (
        <>
          <p className={styles.hint} role="note">
            Our guarded API refused the second seal: <q>{outcome.guardMessage}</q>. The results below use the unguarded
            call, to show why.
          </p>
          <ByteView label="Key (used twice)" value={outcome.key} secret from="32 bytes from the platform CSPRNG" />
          <ByteView label="Nonce (used twice)" value={outcome.nonce} from="12 random bytes, then reused: the mistake" />
          <ByteView label="Ciphertext 1 (with tag)" value={outcome.ct1} />
          <ByteView label="Ciphertext 2 (with tag)" value={outcome.ct2} />
          <ByteView
            label="Ciphertext 1 ⊕ ciphertext 2"
            value={outcome.ctXor}
            testId="ct-xor"
            from="XOR of the two ciphertexts, over the shorter message's length: Eve can compute this"
          />
          <ByteView
            label="Plaintext 1 ⊕ plaintext 2"
            value={outcome.ptXor}
            testId="pt-xor"
            from="XOR of the two messages: the keystream cancelled out"
          />
          <p className={`${styles.verdict} ${same ? styles.bad : styles.ok}`} role="status">
            {same
              ? 'Identical: the key stream cancelled out. The ciphertexts leak the XOR of the messages.'
              : 'Different (this should not happen with a reused nonce).'}
          </p>
          <p>Eve knows message 1 (say it was a routine notice) and XORs it out. She reads message 2:</p>
          <p className={styles.plain} data-testid="recovered">
            {outcome.recovered}
          </p>
        </>
      )}
    </section>
  );
}
