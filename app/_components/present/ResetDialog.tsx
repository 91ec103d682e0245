'use client';
/**
 * "Reset the lesson?": R and the Reset button ask before the lesson's worlds start again, because
 * a slip of the clicker must not throw away what the room just built. A native modal <dialog>:
 * focus moves into it, Escape cancels, and the page behind is inert.
 */
import { useEffect, useId, useRef } from 'react';
import styles from './present.module.css';

export function ResetDialog({
  open,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onCancel}
    >
      <h2 id={`${id}-title`}>Reset the lesson?</h2>
      <p id={`${id}-text`}>
        Every key, message and world made in this lesson is dropped and the lesson starts again from step 1, with the
        same seed, so the same actions give the same bytes again.
      </p>
      <div className={styles.dialogButtons}>
        <button type="button" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Reset the lesson
        </button>
      </div>
    </dialog>
  );
}
