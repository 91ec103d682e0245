'use client';
/** The presenter's switches: free text, escrow on, leak the key, close the room. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { RoomPresenterStore } from '@/lib/store/room-presenter-store';
import { ActorIcon } from '../actors';
import styles from './room.module.css';

export function PresenterControls({ store }: { readonly store: RoomPresenterStore }) {
  const view = useStore(store, (s) => s.view);
  const busy = useStore(store, (s) => s.busy);
  const heldKey = useStore(store, (s) => s.escrowPublicKey);
  const leak = useStore(store, (s) => s.leak);
  const closed = view.closed !== null;
  const escrowOn = view.escrowPublicKey !== null;
  // The switch shows the presenter's last choice at once; the room's event confirms it (with Redis
  // that can take a moment), and a refused request puts it back to what the room says.
  const [pendingFreeText, setPendingFreeText] = useState<boolean | null>(null);
  const setFreeText = async (on: boolean) => {
    setPendingFreeText(on);
    const accepted = await store.getState().control({ action: 'set-free-text', on });
    if (accepted === false) setPendingFreeText(null);
  };

  return (
    <section className={styles.card} aria-labelledby="controls-heading">
      <h2 id="controls-heading">Presenter controls</h2>
      <div className={styles.controls}>
        <label className={styles.switch}>
          <input
            type="checkbox"
            checked={pendingFreeText ?? view.freeText}
            disabled={busy || closed}
            onChange={(e) => void setFreeText(e.target.checked)}
          />
          Allow free text (otherwise the audience picks from preset messages)
        </label>
        <button
          type="button"
          className={styles.escrow}
          disabled={busy || closed || (escrowOn && heldKey === view.escrowPublicKey)}
          onClick={() => void store.getState().escrowOn()}
        >
          <ActorIcon actor="escrow" size={18} /> Escrow on
        </button>
        <button
          type="button"
          className={styles.thief}
          disabled={busy || !heldKey || leak !== null}
          onClick={() => void store.getState().leakKey()}
        >
          <ActorIcon actor="thief" size={18} /> Leak the key
        </button>
        <button
          type="button"
          className={styles.small}
          disabled={busy || closed}
          onClick={() => void store.getState().control({ action: 'close' })}
        >
          Close the room
        </button>
        {closed && (
          <button type="button" className={styles.small} onClick={() => store.getState().forget()}>
            Start a new room
          </button>
        )}
      </div>
      <p className={styles.note}>
        {escrowOn
          ? heldKey === view.escrowPublicKey
            ? `Escrow is on: every phone now seals its epoch keys to the escrow public key ${view.escrowPublicKey!.slice(0, 16)}…, whose secret only this page holds.`
            : 'Escrow is on, but this page no longer holds its secret key (it was reloaded): switch escrow on again to make a new key.'
          : 'Escrow is off: only the people a message is sealed to can open it.'}
        {leak && ' The key has leaked: the wire below shows what it opens, message by message.'}
      </p>
    </section>
  );
}
