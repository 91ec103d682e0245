'use client';
/** A widget's MDX snippet with a button that copies it; the result is announced. */
import { useState } from 'react';
import styles from './page.module.css';

export function CopySnippet({ name, snippet }: { name: string; snippet: string }) {
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus('Copied.');
    } catch {
      setStatus('Copying is blocked here: select the snippet and copy it.');
    }
  };
  return (
    <div className={styles.snippet}>
      <pre>
        <code>{snippet}</code>
      </pre>
      <button type="button" onClick={copy}>
        Copy {name} snippet
      </button>
      <span role="status" className={styles.muted}>
        {status}
      </span>
    </div>
  );
}
