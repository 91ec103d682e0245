'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import { progressFileName } from '@/lib/lessons/progress';
import { useProgressStore } from '@/lib/store/progress-store';
import { downloadText } from './download-text';
import styles from './ProgressTools.module.css';

/** Resolves once this page has read stored progress, so an export or import right after load sees it. */
function stored(): Promise<void> {
  if (useProgressStore.persist.hasHydrated()) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useProgressStore.persist.onFinishHydration(() => {
      stop();
      resolve();
    });
  });
}

/** Export progress to a JSON file, and import (merge) one, e.g. to move to another device. */
export function ProgressTools() {
  const importProgress = useProgressStore((s) => s.importProgress);
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const exportNow = async () => {
    await stored();
    const now = new Date();
    const { exportProgressFile } = await import('@/lib/lessons/progress-schema');
    downloadText(progressFileName(now), exportProgressFile(useProgressStore.getState().progress, now));
    setMessage({ ok: true, text: `Saved ${progressFileName(now)} to your downloads.` });
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    await stored();
    const { parseProgressFile } = await import('@/lib/lessons/progress-schema');
    const result = parseProgressFile(await file.text(), file.size);
    if (!result.ok) {
      setMessage({ ok: false, text: `${file.name}: ${result.message}` });
      return;
    }
    importProgress(result.progress);
    const count = Object.keys(result.progress.lessons).length;
    setMessage({
      ok: true,
      text: `Imported ${file.name}: progress in ${count} lesson${count === 1 ? '' : 's'}, merged with what you had.`,
    });
  };

  return (
    <section className={styles.tools} aria-labelledby="progress-tools-title">
      <h2 id="progress-tools-title">Your progress</h2>
      <p>Progress is kept in this browser only. Export it to a file to keep a copy or to continue on another device.</p>
      <div className={styles.buttons}>
        <button type="button" onClick={exportNow}>
          Export progress
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import progress…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json,.txt,text/plain"
          hidden
          onChange={onFile}
          aria-label="Progress file to import"
        />
      </div>
      <p role="status" className={styles.ok}>
        {message?.ok ? message.text : ''}
      </p>
      <p role="alert" className={styles.error}>
        {message && !message.ok ? message.text : ''}
      </p>
    </section>
  );
}
