'use client';
/**
 * Follow the presenter: the lesson step on the presenter's screen, as a link that opens in a new
 * tab (this tab holds the phone's key, so it stays in the room). "Stop following" freezes the
 * link where it is; "Back to the presenter" follows again.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { RoomDeviceStore } from '@/lib/store/room-device-store';
import styles from './room.module.css';

export function FollowPresenter({ store }: { readonly store: RoomDeviceStore }) {
  const step = useStore(store, (s) => s.view.presenterStep);
  const following = useStore(store, (s) => s.following);
  const [frozen, setFrozen] = useState(step);
  const shown = following ? step : frozen;
  if (!step) return null;
  return (
    <section className={styles.card} aria-labelledby="follow-heading">
      <h2 id="follow-heading">{following ? 'Following the presenter' : 'Not following the presenter'}</h2>
      {shown && (
        <p>
          <a href={`/learn/${shown.lesson}#${shown.step}`} target="_blank" rel="noopener">
            Open lesson {shown.lesson}, step {shown.step}
          </a>
        </p>
      )}
      {following ? (
        <button
          type="button"
          className={styles.small}
          onClick={() => {
            setFrozen(step);
            store.getState().setFollowing(false);
          }}
        >
          Stop following
        </button>
      ) : (
        <button type="button" className={styles.small} onClick={() => store.getState().setFollowing(true)}>
          Back to the presenter
        </button>
      )}
    </section>
  );
}
