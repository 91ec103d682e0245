/** One line about the event stream: connecting, live, reconnecting (and why), or stopped (and why). */
import type { RoomStreamStatus } from '@/lib/room-device/room-event-stream';
import styles from './room.module.css';

export function RoomStreamNotice({ status }: { readonly status: RoomStreamStatus | null }) {
  if (!status) return null;
  if (status.kind === 'open')
    return (
      <p className={styles.live} role="status">
        Live
      </p>
    );
  if (status.kind === 'connecting') return <p role="status">Connecting to the room…</p>;
  if (status.kind === 'retrying')
    return (
      <p className={styles.warn} role="status">
        {status.error ? status.error.userMessage : 'The connection dropped.'} Reconnecting in{' '}
        {Math.max(1, Math.round(status.inMs / 1000))} s; nothing will be missed.
      </p>
    );
  return (
    <p className={styles.danger} role="alert">
      {status.error.userMessage}
    </p>
  );
}
