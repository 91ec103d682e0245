'use client';
/**
 * "Reset the lesson?": R and the Reset button ask before the lesson's worlds start again, because
 * a slip of the clicker must not throw away what the room just built. A native modal <dialog>:
 * focus moves into it, Escape cancels, and the page behind is inert.
 */
import { useEffect, useId, useRef } from 'react';
import styles from './present.module.css';

export function ResetDialog({
  asked,
  onConfirm,
}: {
  /** How many times the reset was asked for: each new ask opens the dialog (if it is not open). */
  asked: number;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  // The dialog's open state is the element's own (Escape closes it natively), not React state, so
  // an R pressed right after an Escape always asks again.
  useEffect(() => {
    const element = dialog.current;
    if (asked > 0 && element && !element.open) element.showModal();
  }, [asked]);
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
      <h2 id={`${id}-title`}>Reset the lesson?</h2>
      <p id={`${id}-text`}>
        Every key, message and world made in this lesson is dropped and the lesson starts again from step 1, with the
        same seed, so the same actions give the same bytes again.
      </p>
      <div className={styles.dialogButtons}>
        <button type="button" onClick={() => dialog.current?.close()} autoFocus>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            dialog.current?.close();
            onConfirm();
          }}
        >
          Reset the lesson
        </button>
      </div>
    </dialog>
  );
}
