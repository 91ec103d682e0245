'use client';
import { useId, useState } from 'react';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { LabError } from './LabError';
import { useLab, useLabStore } from './lab-hooks';
import styles from './widgets.module.css';

/**
 * Alice seals a message the learner types (ChaCha20-Poly1305); Bob opens what arrived. The box
 * starts with a real message (not a placeholder that looks filled in but sends nothing).
 */
export function EncryptDecrypt({ message = 'Meet me at the library at 6' }: { message?: string }) {
  const [text, setText] = useState(message);
  const id = useId();
  const sent = useLab((s) => s.sent);
  const delivered = useLab((s) => s.delivered);
  const bobResult = useLab((s) => s.bobResult);
  const encrypt = useLab((s) => s.encrypt);
  const decrypt = useLab((s) => s.decrypt);
  const store = useLabStore();
  const demo = useLab((s) => s.keys.alice?.randomness === 'demo');
  const tagStart = sent ? sent.sealed.length - 16 : 0;

  return (
    <section className={styles.widget} aria-label="Encrypt and decrypt">
      <h3 className={styles.title}>Encrypt, send, decrypt (ChaCha20-Poly1305)</h3>
      <div className={styles.cols}>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="alice" />
          </div>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              encrypt(text);
              if (!store.getState().error) recordLessonAction('encrypt');
            }}
          >
            <div className={styles.field}>
              <label htmlFor={`${id}-msg`}>Alice&apos;s message to Bob</label>
              <textarea id={`${id}-msg`} value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
            </div>
            <div className={styles.actions}>
              <button type="submit" className={sent ? undefined : 'primary'}>
                Encrypt and send
              </button>
            </div>
          </form>
          <LabError actions={['encrypt', 'decrypt']} />
          {sent && (
            <>
              <ByteView
                label="Nonce"
                value={sent.nonce}
                actor="alice"
                demo={demo}
                from="12 fresh random bytes: never reuse one under the same key"
              />
              <ByteView
                label="Ciphertext"
                value={sent.sealed.subarray(0, tagStart)}
                actor="alice"
                demo={demo}
                from="ChaCha20 keystream XOR the message: same length as the message"
                testId="ciphertext"
              />
              <ByteView
                label="Tag"
                value={sent.sealed.subarray(tagStart)}
                actor="alice"
                demo={demo}
                from="Poly1305 over the header and ciphertext: 16 bytes"
              />
            </>
          )}
        </div>
        <div className={styles.col}>
          <div className={styles.colHead}>
            <ActorBadge actor="bob" />
          </div>
          <div className={styles.actions}>
            <button
              type="button"
              className={delivered && !bobResult ? 'primary' : undefined}
              disabled={!delivered}
              onClick={() => {
                decrypt();
                const result = store.getState().bobResult;
                if (result) recordLessonAction(result.ok ? 'decrypt:ok' : 'decrypt:rejected');
              }}
            >
              Bob decrypts
            </button>
          </div>
          {!delivered && <p className={styles.hint}>Nothing has arrived yet.</p>}
          <BobResult />
          {bobResult?.ok && (
            <ByteView
              label="Decrypted bytes"
              value={bobResult.bytes}
              actor="bob"
              formats={['text', 'hex']}
              from="ChaCha20-Poly1305 open with Bob's key: the tag checked out"
            />
          )}
        </div>
      </div>
    </section>
  );
}

function BobResult() {
  const bobResult = useLab((s) => s.bobResult);
  if (!bobResult) return null;
  if (bobResult.ok) {
    return (
      <div role="status">
        <p className={`${styles.verdict} ${styles.ok}`}>The tag verified. Bob reads:</p>
        <p className={styles.plain} data-testid="bob-plaintext">
          {bobResult.plaintext}
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className={`${styles.verdict} ${styles.bad}`} data-testid="bob-error">
      {bobResult.error}
    </div>
  );
}
