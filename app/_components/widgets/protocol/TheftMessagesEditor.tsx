'use client';
import { memo, useId, type Dispatch, type SetStateAction } from 'react';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { MEMBER_NAME, senderOf } from './theft-conversation';

const MAX_TEXT_CHARS = 120;

/** The ten texts, editable. Memoized: progress updates during a run do not re-render it. */
export const TheftMessagesEditor = memo(function TheftMessagesEditor({
  texts,
  setTexts,
}: {
  texts: readonly string[];
  setTexts: Dispatch<SetStateAction<string[]>>;
}) {
  const id = useId();
  return (
    <details className={own.details}>
      <summary>Edit the messages</summary>
      <ol className={own.editList}>
        {texts.map((t, i) => (
          <li key={i} className={styles.field}>
            <label htmlFor={`${id}-t${i}`}>
              Message {i + 1} ({MEMBER_NAME[senderOf(i)]} → {MEMBER_NAME[senderOf(i + 1)]})
            </label>
            <input
              id={`${id}-t${i}`}
              value={t}
              maxLength={MAX_TEXT_CHARS}
              aria-invalid={t.trim().length === 0 || undefined}
              onChange={(e) => setTexts((old) => old.map((x, j) => (j === i ? e.target.value : x)))}
            />
          </li>
        ))}
      </ol>
    </details>
  );
});
