'use client';
import { useId, useState } from 'react';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge } from '../../actors';
import { LabError } from './LabError';
import { useLab, useLabStore } from './lab-hooks';
import styles from './widgets.module.css';

/** Flips one bit of the ciphertext in transit, as an active attacker on the path could. */
export function Tamper() {
  const store = useLabStore();
  const delivered = useLab((s) => s.delivered);
  const sent = useLab((s) => s.sent);
  const tamper = useLab((s) => s.tamper);
  const id = useId();
  const [bit, setBit] = useState('0');
  const maxBit = delivered ? delivered.length * 8 - 1 : 0;
  const parsed = Number(bit);
  const valid = /^\d+$/.test(bit.trim()) && parsed >= 0 && parsed <= maxBit;
  const changedBits = delivered && sent ? countDifferentBits(sent.sealed, delivered) : 0;

  return (
    <section className={styles.widget} aria-label="Tamper with the ciphertext">
      <h3 className={styles.title}>
        <ActorBadge actor="eve" suffix=" tampers" />
      </h3>
      <p className={styles.hint}>
        Flip one bit of the ciphertext while it travels. Bit 0 is the first bit of the first byte; the last {16 * 8}{' '}
        bits are the tag.
      </p>
      <form
        className={styles.actions}
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          tamper(parsed);
          if (!store.getState().error) recordLessonAction('tamper');
        }}
      >
        <span className={styles.field}>
          <label htmlFor={`${id}-bit`}>Bit to flip</label>
          <input
            id={`${id}-bit`}
            className={styles.num}
            inputMode="numeric"
            value={bit}
            onChange={(e) => setBit(e.target.value)}
            aria-invalid={!valid && delivered ? true : undefined}
            aria-describedby={`${id}-range`}
          />
        </span>
        <button type="submit" className="danger" disabled={!delivered}>
          Flip the bit in transit
        </button>
      </form>
      <p id={`${id}-range`} className={styles.hint}>
        {delivered
          ? valid
            ? `Any bit from 0 to ${maxBit}.`
            : `Enter a whole number from 0 to ${maxBit}.`
          : 'Send a message first.'}
      </p>
      <LabError actions={['tamper']} />
      {changedBits > 0 && (
        <p role="status" className={`${styles.verdict} ${styles.bad}`}>
          {changedBits} bit{changedBits === 1 ? '' : 's'} of what Bob receives differ{changedBits === 1 ? 's' : ''} from
          what Alice sent. Now ask Bob to decrypt.
        </p>
      )}
    </section>
  );
}

function countDifferentBits(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = a[i]! ^ b[i]!;
    while (x) {
      n += x & 1;
      x >>= 1;
    }
  }
  return n;
}
