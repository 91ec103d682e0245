import type { ReactNode } from 'react';
import styles from '../attack.module.css';

/** A card's on/off button (aria-pressed says which). */
export function Toggle({
  on,
  disabled,
  onClick,
  children,
}: {
  on: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className={styles.toggle} aria-pressed={on} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}
