'use client';
/**
 * A labelled view of real bytes: the value, its length, where it came from, and a hex / base64 /
 * text / bits switch. Long values wrap inside their own box and scroll there, never the page.
 */
import { useId, useState } from 'react';
import { BYTE_FORMATS, describeLength, formatBytes, type ByteFormat } from '@/lib/crypto/byte-format';
import { usePreferences } from '@/lib/store/preferences-store';
import { ActorIcon, type ActorId } from '../actors';
import styles from './ByteView.module.css';

export interface ByteViewProps {
  /** The bytes; `null` shows `empty` instead. */
  readonly value: Uint8Array | null | undefined;
  readonly label: string;
  /** Provenance: "X25519(Alice's secret key, Bob's public key)". */
  readonly from?: string;
  /** Whose value this is; colours the label. */
  readonly actor?: ActorId;
  /** Marks values derived from seeded demo randomness. */
  readonly demo?: boolean;
  /** Secret values get a warning tint. */
  readonly secret?: boolean;
  /** Shown while there is no value yet. */
  readonly empty?: string;
  /** Keeps the format switch out (e.g. a plaintext that is always text). */
  readonly formats?: readonly ByteFormat[];
  /** A stable id for tests and deep links. */
  readonly testId?: string;
}

const FORMAT_LABEL: Record<ByteFormat, string> = { hex: 'hex', base64: 'base64', text: 'text', bits: 'bits' };

export function ByteView({
  value,
  label,
  from,
  actor,
  demo,
  secret,
  empty,
  formats = BYTE_FORMATS,
  testId,
}: ByteViewProps) {
  const preferred = usePreferences((s) => s.byteFormat);
  const [chosen, setChosen] = useState<ByteFormat | null>(null);
  const format: ByteFormat = chosen ?? (formats.includes(preferred) ? preferred : formats[0]!);
  const [copied, setCopied] = useState(false);
  const id = useId();
  const rendered = value ? formatBytes(value, format) : null;

  return (
    <figure
      className={styles.view}
      data-secret={secret || undefined}
      data-testid={testId}
      style={actor ? { ['--actor' as string]: `var(--${actor})` } : undefined}
    >
      <figcaption className={styles.head}>
        <span className={styles.label} id={`${id}-label`}>
          {actor && <ActorIcon actor={actor} size={16} />}
          {label}
          {secret && <span className={styles.tag}>secret</span>}
          {demo && (
            <span className={styles.tag} title="Derived from seeded demo randomness: reproducible, never for real use">
              demo randomness
            </span>
          )}
        </span>
        {value && <span className={styles.length}>{describeLength(value)}</span>}
      </figcaption>
      {value ? (
        <>
          <pre
            className={styles.bytes}
            data-format={format}
            tabIndex={0}
            aria-labelledby={`${id}-label`}
            aria-describedby={`${id}-meta`}
          >
            {rendered ?? (
              <span className={styles.note}>Not readable as text: these bytes are not valid UTF-8. Try hex.</span>
            )}
          </pre>
          <div className={styles.foot} id={`${id}-meta`}>
            {from && <span className={styles.from}>from: {from}</span>}
            <span className={styles.controls}>
              {formats.length > 1 && (
                <span role="radiogroup" aria-label={`Show ${label} as`} className={styles.formats}>
                  {formats.map((f) => (
                    <label key={f} className={styles.format}>
                      <input
                        type="radio"
                        name={`${id}-format`}
                        value={f}
                        checked={format === f}
                        onChange={() => setChosen(f)}
                      />
                      {FORMAT_LABEL[f]}
                    </label>
                  ))}
                </span>
              )}
              <button
                type="button"
                className={styles.copy}
                onClick={async () => {
                  try {
                    await navigator.clipboard.writeText(rendered ?? '');
                    setCopied(true);
                    setTimeout(() => setCopied(false), 1500);
                  } catch {
                    setCopied(false);
                  }
                }}
                aria-label={`Copy ${label}`}
              >
                {copied ? 'Copied' : 'Copy'}
              </button>
            </span>
          </div>
        </>
      ) : (
        <p className={styles.empty}>{empty ?? 'Not computed yet.'}</p>
      )}
    </figure>
  );
}
