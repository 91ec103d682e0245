'use client';
/**
 * The audience's page: a code (prefilled from the link) and a display name, then the room. The
 * device's key pair is made here, in this tab's memory; only the public key leaves the phone.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ROOM_LIMITS } from '@/lib/room/room-protocol';
import { createRoomDeviceStore, type RoomDeviceStore } from '@/lib/store/room-device-store';
import { DeviceRoom } from './DeviceRoom';
import { browserFetch, browserRandom } from './room-browser';
import styles from './room.module.css';

export function JoinRoom({ initialCode }: { readonly initialCode: string }) {
  const [store] = useState<RoomDeviceStore>(() =>
    createRoomDeviceStore({ fetch: browserFetch, random: browserRandom, now: () => Date.now() }),
  );
  useEffect(() => () => store.getState().dispose(), [store]);
  const phase = useStore(store, (s) => s.phase);
  const error = useStore(store, (s) => s.error);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');

  if (phase === 'in') return <DeviceRoom store={store} />;
  return (
    <form
      className={styles.card}
      aria-labelledby="join-form"
      onSubmit={(e) => {
        e.preventDefault();
        void store.getState().join(code, name);
      }}
    >
      <h2 id="join-form">Join the room</h2>
      <p>
        Your phone makes its own key pair when you join. Only the public key is sent; the secret key stays on this page
        and is gone when you close it.
      </p>
      <label className={styles.field}>
        Join code
        <input
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={9}
          className={styles.codeInput}
          required
        />
      </label>
      <label className={styles.field}>
        Display name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="nickname"
          maxLength={ROOM_LIMITS.nameMaxChars}
          required
        />
      </label>
      <button type="submit" className={styles.primary} disabled={phase === 'joining'}>
        {phase === 'joining' ? 'Joining…' : 'Join'}
      </button>
      {error && (
        <p className={styles.danger} role="alert">
          {error}
        </p>
      )}
      <p className={styles.note}>
        A choice of this room: your key pair stays the same until you leave, so there is no forward secrecy here.
        Whoever copied its secret key could open every message sealed to you, earlier ones included, from the
        relay&apos;s copy. The forward secrecy lesson shows the ratchet that fixes that.
      </p>
    </form>
  );
}
