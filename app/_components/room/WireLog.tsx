'use client';
/**
 * The relay's view, message by message: who sent what to whom, the sizes, the ciphertext in the
 * house byte view, and after the leak what the leaked key opened. Text from the audience is React
 * text only, never HTML.
 */
import { useStore } from 'zustand';
import { hexToBytes } from '@/lib/crypto/bytes';
import type { ProjectorOutcome } from '@/lib/room-device/projector-decryption';
import type { RoomPresenterStore } from '@/lib/store/room-presenter-store';
import { ByteView } from '../bytes/ByteView';
import styles from './room.module.css';

/** The latest messages only: a projector shows a screenful, and each byte view costs layout. */
const SHOWN = 30;

const CLOSED_WHY = {
  'not-escrowed': 'closed: sent before escrow was on',
  'escrow-key-failed': 'closed: the leaked key did not open it',
  malformed: 'closed: not a readable envelope',
} as const;

function Outcome({ outcome }: { readonly outcome: ProjectorOutcome | undefined }) {
  if (!outcome) return null;
  if (outcome.kind === 'opened')
    return (
      <p className={styles.opened}>
        <span className={styles.tag}>opened</span> {outcome.text}
      </p>
    );
  return <p className={styles.closedMsg}>{CLOSED_WHY[outcome.reason]}</p>;
}

export function WireLog({ store }: { readonly store: RoomPresenterStore }) {
  const view = useStore(store, (s) => s.view);
  const leak = useStore(store, (s) => s.leak);
  const names = new Map(view.members.map((m) => [m.id, m.name]));
  const outcomes = new Map(leak?.outcomes.map((o) => [o.messageId, o]));
  const shown = view.messages.slice(-SHOWN).reverse();

  return (
    <section aria-labelledby="wire-heading">
      <h2 id="wire-heading">The wire: what the server sees</h2>
      {shown.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ol className={styles.wire} aria-label="Messages on the wire, newest first">
          {shown.map((m) => {
            const from = names.get(m.from) ?? 'a removed member';
            const to = m.message.to === 'room' ? 'everyone' : (names.get(m.message.to) ?? 'a removed member');
            const ciphertext = hexToBytes(m.message.ciphertext);
            return (
              <li key={m.messageId} className={styles.wireItem}>
                <p className={styles.route}>
                  <strong>{from}</strong> → <strong>{to}</strong>
                  <span className={styles.sizes}>
                    {ciphertext.length} B ciphertext · {m.message.header.length / 2} B header ·{' '}
                    {m.message.recipients.length} wrapped {m.message.recipients.length === 1 ? 'key' : 'keys'}
                    {m.message.escrow ? ` · escrow ${m.message.escrow.length / 2} B` : ' · no escrow'}
                  </span>
                </p>
                <Outcome outcome={outcomes.get(m.messageId)} />
                <ByteView
                  value={ciphertext}
                  label={`Ciphertext from ${from}`}
                  actor="server"
                  formats={['hex', 'base64']}
                />
                <button
                  type="button"
                  className={styles.small}
                  onClick={() => void store.getState().control({ action: 'remove-message', messageId: m.messageId })}
                >
                  Remove this message from {from}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
