'use client';
import { useId, useState } from 'react';
import { LOW_ORDER_POINTS } from '@/lib/crypto/low-order-points';
import { sharedSecret, X25519Error } from '@/lib/crypto/x25519';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { useLab } from './lab-hooks';
import own from '../protocol/protocol.module.css';
import styles from './widgets.module.css';

/** The choices: Alice's real public key first, then the five low-order points. */
const ALICE = 'alice';

type Outcome =
  | { readonly kind: 'secret'; readonly name: string; readonly publicKey: Uint8Array; readonly secret: Uint8Array }
  | { readonly kind: 'refused'; readonly name: string; readonly publicKey: Uint8Array; readonly message: string };

/**
 * Bob receives a public key and computes X25519 with his secret key: Alice's real key gives a
 * secret; a low-order point is refused by the lab's X25519 (lib/crypto/x25519.ts), computed live.
 */
export function LowOrderKey() {
  const id = useId();
  const keys = useLab((s) => s.keys);
  const [choice, setChoice] = useState<string>(LOW_ORDER_POINTS[0]!.name);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const demo = keys.bob?.randomness === 'demo';

  function compute() {
    const bob = keys.bob;
    if (!bob) return setError("Generate Bob's key pair first (at the top of the lesson).");
    const picked =
      choice === ALICE
        ? keys.alice && { name: "Alice's public key", publicKey: keys.alice.publicKey }
        : LOW_ORDER_POINTS.find((p) => p.name === choice);
    if (!picked) return setError("Generate Alice's key pair first (at the top of the lesson).");
    setError(null);
    try {
      const secret = sharedSecret(bob.secretKey, picked.publicKey);
      setOutcome({ kind: 'secret', name: picked.name, publicKey: picked.publicKey, secret });
    } catch (e) {
      if (!(e instanceof X25519Error)) throw e;
      setOutcome({ kind: 'refused', name: picked.name, publicKey: picked.publicKey, message: e.message });
      recordLessonAction('low-order:refused');
    }
  }

  return (
    <section className={styles.widget} aria-label="A low-order public key">
      <h3 className={styles.title}>
        <span>
          <ActorBadge actor="bob" /> receives a public key
        </span>
      </h3>
      <fieldset className={own.fieldset}>
        <legend>Public key Bob receives</legend>
        <label className={own.choice}>
          <input
            type="radio"
            name={`${id}-key`}
            value={ALICE}
            checked={choice === ALICE}
            onChange={() => setChoice(ALICE)}
          />
          Alice&apos;s public key (honest)
        </label>
        {LOW_ORDER_POINTS.map((p) => (
          <label key={p.name} className={own.choice}>
            <input
              type="radio"
              name={`${id}-key`}
              value={p.name}
              checked={choice === p.name}
              onChange={() => setChoice(p.name)}
            />
            Low-order point: {p.name}
          </label>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <button type="button" className="primary" onClick={compute}>
          Bob computes X25519 with this key
        </button>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {outcome && (
        <>
          <ByteView label={`The key Bob received: ${outcome.name}`} value={outcome.publicKey} testId="received-key" />
          {outcome.kind === 'secret' ? (
            <>
              <ByteView
                label="Bob's shared secret"
                value={outcome.secret}
                actor="bob"
                secret
                demo={demo}
                from={`X25519(Bob's secret key, ${outcome.name})`}
                testId="low-order-secret"
              />
              <p className={`${styles.verdict} ${styles.ok}`} role="status">
                An ordinary public key: X25519 gives a secret that depends on Bob&apos;s secret key.
              </p>
            </>
          ) : (
            <p className={`${styles.verdict} ${styles.bad}`} role="status" data-testid="low-order-refusal">
              Refused: {outcome.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
