import type { ReactNode } from 'react';
import styles from '../attack.module.css';

/** One capability card of the deck: title, what it yields, its controls. */
export function Card({
  on,
  title,
  text,
  children,
}: {
  on: boolean;
  title: string;
  text: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={styles.card} data-on={on}>
      <p className={styles.cardTitle}>{title}</p>
      <p className={styles.cardText}>{text}</p>
      {children}
    </div>
  );
}
