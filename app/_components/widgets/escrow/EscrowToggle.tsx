'use client';
import widgetStyles from '../crypto/widgets.module.css';
import styles from './escrow.module.css';

/**
 * An on/off switch (role="switch"): the visible text is the label and the state; the accessible
 * name is the label alone, the state is aria-checked.
 */
export function EscrowToggle({
  label,
  on,
  onChange,
  disabled,
}: {
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={styles.switch}
      onClick={() => onChange(!on)}
      disabled={disabled}
    >
      <span>{label}</span>
      <span className={styles.track} aria-hidden="true" />
      <span className={styles.state} aria-hidden="true">
        {on ? 'On' : 'Off'}
      </span>
    </button>
  );
}

/** The status line under a widget's controls: its last refusal, or what it is busy with. */
export function TaskStatus({ error, busy }: { error: string | null; busy: string | null }) {
  if (error) {
    return (
      <p role="alert" className={widgetStyles.error}>
        {error}
      </p>
    );
  }
  return (
    <p role="status" aria-live="polite" className={busy ? styles.busy : 'visually-hidden'}>
      {busy ?? ''}
    </p>
  );
}
