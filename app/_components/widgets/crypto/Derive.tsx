'use client';
import { bytesToUtf8, equalBytes } from '@/lib/crypto/bytes';
import { traceValue } from '@/lib/crypto/trace';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { LabError } from './LabError';
import { useLab, useLabStore } from './lab-hooks';
import styles from './widgets.module.css';

/** HKDF-SHA256 turns the raw shared secret into the message key, on both sides. */
export function Derive() {
  const store = useLabStore();
  const derived = useLab((s) => s.derived);
  const derive = useLab((s) => s.deriveKeys);
  const demo = useLab((s) => s.keys.alice?.randomness === 'demo');
  const a = derived.alice;
  const same = derived.alice && derived.bob ? equalBytes(derived.alice.key, derived.bob.key) : null;
  return (
    <section className={styles.widget} aria-label="Key derivation">
      <h3 className={styles.title}>Derive the message key (HKDF-SHA256)</h3>
      <div className={styles.actions}>
        <button
          type="button"
          className={a ? undefined : 'primary'}
          onClick={() => {
            derive();
            if (!store.getState().error) recordLessonAction('derive');
          }}
        >
          Derive message key
        </button>
      </div>
      <LabError actions={['deriveKeys']} />
      {a && (
        <>
          <ByteView label="salt" value={a.salt} from="Alice's public key ‖ Bob's public key" demo={demo} />
          <ByteView
            label="info"
            value={a.info}
            formats={['text', 'hex']}
            from={`"${bytesToUtf8(a.info)}": names the purpose, so other keys from the same secret differ`}
          />
          <ByteView
            label="PRK (pseudorandom key)"
            value={traceValue(a.trace, 'prk')}
            secret
            demo={demo}
            from="HKDF-Extract(salt, shared secret) = HMAC-SHA256(salt, shared secret)"
          />
        </>
      )}
      <div className={styles.cols}>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="alice" />
          </div>
          <ByteView
            label="Alice's message key"
            value={derived.alice?.key}
            actor="alice"
            secret
            demo={demo}
            from="HKDF-Expand(PRK, info, 32)"
            testId="alice-message-key"
          />
        </div>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="bob" />
          </div>
          <ByteView
            label="Bob's message key"
            value={derived.bob?.key}
            actor="bob"
            secret
            demo={demo}
            from="HKDF-Expand(PRK, info, 32)"
            testId="bob-message-key"
          />
        </div>
      </div>
      {same !== null && (
        <p className={`${styles.verdict} ${same ? styles.ok : styles.bad}`} role="status">
          {same ? 'Both sides derived the same 32-byte key without ever sending it.' : 'The derived keys differ.'}
        </p>
      )}
    </section>
  );
}
