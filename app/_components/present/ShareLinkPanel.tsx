'use client';
/**
 * "Share": a disclosure button that shows a link and its QR code (drawn locally by QrCode, no
 * network). The link is also a text field, so it can be read, selected and typed on another
 * device; the QR code is a convenience, never the only way in.
 */
import { useId, useState, type ReactNode } from 'react';
import { QrCode } from '../qr/QrCode';
import styles from './present.module.css';

export function ShareLinkPanel({
  buttonLabel,
  linkLabel,
  makeUrl,
  note,
}: {
  /** The button's text, e.g. "Share this step". */
  buttonLabel: string;
  /** The text field's label, e.g. "Link to this step". */
  linkLabel: string;
  /** Builds the link when the panel opens (it reads the page as it is then). */
  makeUrl: () => string;
  /** Said under the link (what it reproduces, and what it does not). */
  note?: ReactNode;
}) {
  const id = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.share}>
      <button
        type="button"
        aria-expanded={url !== null}
        aria-controls={`${id}-panel`}
        onClick={() => {
          setCopied(false);
          setUrl(url === null ? makeUrl() : null);
        }}
      >
        {buttonLabel}
      </button>
      <div id={`${id}-panel`} className={styles.sharePanel} hidden={url === null}>
        {url !== null ? (
          <>
            <div className={styles.shareText}>
              <label htmlFor={`${id}-link`}>{linkLabel}</label>
              <input id={`${id}-link`} type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
              <button
                type="button"
                onClick={() => {
                  void navigator.clipboard?.writeText(url).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  );
                }}
              >
                Copy link
              </button>
              <p role="status" className={styles.muted}>
                {copied ? 'Copied.' : ''}
              </p>
              {note ? <p className={styles.muted}>{note}</p> : null}
            </div>
            <QrCode value={url} label={`QR code of the ${linkLabel.toLowerCase()}`} size={176} />
          </>
        ) : null}
      </div>
    </div>
  );
}
