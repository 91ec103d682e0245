'use client';
/**
 * The presenter's page: create a room, show how to join (code, link, QR), run it, and project the
 * server's view. The presenter token stays in this tab's sessionStorage; the escrow secret stays
 * in this page's memory and reaches only the projector's decryption below.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createRoomPresenterStore, type RoomPresenterStore } from '@/lib/store/room-presenter-store';
import { RoomStreamNotice } from './RoomStreamNotice';
import { ProjectorView } from './ProjectorView';
import { browserFetch, browserRandom, presenterSessionStorage } from './room-browser';
import styles from './room.module.css';

export function PresenterRoom() {
  const [store] = useState<RoomPresenterStore>(() =>
    createRoomPresenterStore({ fetch: browserFetch, random: browserRandom, storage: presenterSessionStorage }),
  );
  useEffect(() => {
    store.getState().resume();
    return () => store.getState().dispose();
  }, [store]);
  const phase = useStore(store, (s) => s.phase);
  const error = useStore(store, (s) => s.error);
  const stream = useStore(store, (s) => s.stream);

  if (phase !== 'live') {
    return (
      <section className={styles.card} aria-labelledby="create-room">
        <h2 id="create-room">Start a room</h2>
        <p>
          You get a six-character join code, a link and a QR code for the audience. Keep this tab open on the laptop
          connected to the projector: it holds the room&apos;s presenter token and, later, the escrow key.
        </p>
        <button
          type="button"
          className={styles.primary}
          disabled={phase === 'creating'}
          onClick={() => void store.getState().create()}
        >
          {phase === 'creating' ? 'Creating…' : 'Create a room'}
        </button>
        {error && (
          <p className={styles.danger} role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }
  return (
    <>
      <RoomStreamNotice status={stream} />
      {error && (
        <p className={styles.danger} role="alert">
          {error}
        </p>
      )}
      <ProjectorView store={store} />
    </>
  );
}
