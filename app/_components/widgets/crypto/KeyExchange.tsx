'use client';
import { equalBytes } from '@/lib/crypto/bytes';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { LabError } from './LabError';
import { useLab, useLabStore } from './lab-hooks';
import styles from './widgets.module.css';

/** Swap public keys over the wire, then each side computes X25519 with its own secret key. */
export function KeyExchange() {
  const store = useLabStore();
  const keys = useLab((s) => s.keys);
  const received = useLab((s) => s.received);
  const shared = useLab((s) => s.shared);
  const exchange = useLab((s) => s.exchangePublicKeys);
  const compute = useLab((s) => s.computeSharedSecrets);
  const same = shared.alice && shared.bob ? equalBytes(shared.alice, shared.bob) : null;
  const demo = keys.alice?.randomness === 'demo';

  return (
    <section className={styles.widget} aria-label="Key exchange">
      <h3 className={styles.title}>Diffie-Hellman key exchange (X25519)</h3>
      <div className={styles.actions}>
        <button
          type="button"
          className={received.alice ? undefined : 'primary'}
          onClick={() => {
            exchange();
            if (!store.getState().error) recordLessonAction('exchange');
          }}
        >
          Swap public keys
        </button>
        <button
          type="button"
          className={received.alice && !shared.alice ? 'primary' : undefined}
          onClick={() => {
            compute();
            if (!store.getState().error) recordLessonAction('shared');
          }}
        >
          Compute shared secrets
        </button>
      </div>
      <LabError actions={['exchangePublicKeys', 'computeSharedSecrets']} />
      <div className={styles.cols}>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="alice" />
          </div>
          <ByteView
            label="Alice's shared secret"
            value={shared.alice}
            actor="alice"
            secret
            demo={demo}
            from="X25519(Alice's secret key, Bob's public key)"
            testId="alice-shared"
          />
        </div>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="bob" />
          </div>
          <ByteView
            label="Bob's shared secret"
            value={shared.bob}
            actor="bob"
            secret
            demo={demo}
            from="X25519(Bob's secret key, Alice's public key)"
            testId="bob-shared"
          />
        </div>
      </div>
      {same !== null && (
        <p className={`${styles.verdict} ${same ? styles.ok : styles.bad}`} role="status">
          {same
            ? 'The two shared secrets are equal: byte for byte, computed separately.'
            : 'The shared secrets differ.'}
        </p>
      )}
    </section>
  );
}
