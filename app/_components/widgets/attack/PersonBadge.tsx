/**
 * A simulated person's name with an icon. Alice, Bob and Carol keep their actor colour and icon
 * (actors.tsx); the other people of a generated world share a neutral style with their initial,
 * so the colour of the cast still means what it means everywhere else.
 */
import { ActorBadge, type ActorId } from '../../actors';
import styles from './attack.module.css';

const CAST: readonly string[] = ['alice', 'bob', 'carol'];

/** The name of participant `id` (display `name` when given). */
export function PersonBadge({ id, name }: { id: string; name?: string }) {
  if (CAST.includes(id)) return <ActorBadge actor={id as ActorId} />;
  const label = name ?? id.charAt(0).toUpperCase() + id.slice(1);
  return (
    <span className={styles.person}>
      <span className={styles.initial} aria-hidden="true">
        {label.charAt(0)}
      </span>
      <span>{label}</span>
    </span>
  );
}

/** "Alice" for "alice". */
export function personName(id: string, people?: readonly { readonly id: string; readonly name: string }[]): string {
  return people?.find((p) => p.id === id)?.name ?? id.charAt(0).toUpperCase() + id.slice(1);
}
