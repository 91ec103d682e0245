'use client';
/** One phone in the room: who is here, what it can send, what it received, and the room's news. */
import { useState } from 'react';
import { useStore } from 'zustand';
import { PRESET_MESSAGES } from '@/lib/room-device/preset-messages';
import { ROOM_TEXT_MAX_CHARS } from '@/lib/room-device/room-conversation';
import type { RoomDeviceStore } from '@/lib/store/room-device-store';
import { ActorIcon } from '../actors';
import { FollowPresenter } from './FollowPresenter';
import { RoomStreamNotice } from './RoomStreamNotice';
import { shortKey } from './room-browser';
import styles from './room.module.css';

export function DeviceRoom({ store }: { readonly store: RoomDeviceStore }) {
  const self = useStore(store, (s) => s.self)!;
  const view = useStore(store, (s) => s.view);
  const inbox = useStore(store, (s) => s.inbox);
  const stream = useStore(store, (s) => s.stream);
  const error = useStore(store, (s) => s.error);
  const sending = useStore(store, (s) => s.sending);
  const [to, setTo] = useState('room');
  const [preset, setPreset] = useState(PRESET_MESSAGES[0]!);
  const [text, setText] = useState('');
  const removed = view.removedMemberIds.includes(self.id);
  const others = view.members.filter((m) => m.id !== self.id);
  const names = new Map(view.members.map((m) => [m.id, m.name]));
  const received = view.messages
    .filter((m) => inbox[m.messageId]?.kind !== 'not-for-me')
    .slice()
    .reverse();
  const canSend = !removed && view.closed === null;

  return (
    <div className={styles.device}>
      <p className={styles.whoami}>
        <ActorIcon actor="carol" size={18} /> You are <strong>{self.name}</strong>
        <code className={styles.key} title={self.publicKey}>
          {shortKey(self.publicKey, 2)}
        </code>
      </p>
      {view.closed && (
        <p className={styles.danger} role="alert">
          This room has {view.closed === 'expired' ? 'expired after a quiet spell' : 'been closed by the presenter'}.
          Thank you for taking part.
        </p>
      )}
      {removed && (
        <p className={styles.danger} role="alert">
          The presenter removed you from this room.
        </p>
      )}
      {!view.closed && !removed && <RoomStreamNotice status={stream} />}
      {view.escrowLeakedAt !== null ? (
        <p className={styles.danger} role="alert">
          The escrow key has leaked. Everything sent since escrow was switched on can now be read by whoever holds it:
          look at the projector.
        </p>
      ) : view.escrowPublicKey ? (
        <p className={styles.warn}>
          <ActorIcon actor="escrow" size={18} /> Escrow is on: your phone also seals each conversation&apos;s key to the
          presenter&apos;s escrow key.
        </p>
      ) : null}

      <FollowPresenter store={store} />

      {canSend && (
        <form
          className={styles.card}
          aria-labelledby="send-heading"
          onSubmit={(e) => {
            e.preventDefault();
            void store
              .getState()
              .send(to, view.freeText ? text : preset)
              .then((ok) => {
                if (ok) setText('');
              });
          }}
        >
          <h2 id="send-heading">Send a message</h2>
          <label className={styles.field}>
            To
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="room">Everyone in the room</option>
              {others.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          {view.freeText ? (
            <label className={styles.field}>
              Message
              <textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={ROOM_TEXT_MAX_CHARS}
                rows={3}
              />
            </label>
          ) : (
            <label className={styles.field}>
              Message (the presenter allows preset messages only)
              <select value={preset} onChange={(e) => setPreset(e.target.value)}>
                {PRESET_MESSAGES.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="submit" className={styles.primary} disabled={sending}>
            {sending ? 'Sealing and sending…' : 'Seal and send'}
          </button>
          {error && (
            <p className={styles.danger} role="alert">
              {error}
            </p>
          )}
        </form>
      )}

      <section aria-labelledby="inbox-heading">
        <h2 id="inbox-heading">Messages</h2>
        {received.length === 0 ? (
          <p>Nothing yet. Messages sealed to you appear here once your phone has opened them.</p>
        ) : (
          <ol className={styles.inbox} aria-label="Messages, newest first">
            {received.map((m) => {
              const outcome = inbox[m.messageId];
              const from = m.from === self.id ? 'You' : (names.get(m.from) ?? 'Someone who left');
              const toWhom =
                m.message.to === 'room' ? 'everyone' : m.message.to === self.id ? 'you' : names.get(m.message.to);
              return (
                <li key={m.messageId}>
                  <p className={styles.route}>
                    <strong>{from}</strong> → {toWhom}
                  </p>
                  {outcome?.kind === 'opened' || outcome?.kind === 'sent' ? (
                    <p className={styles.text}>{outcome.text}</p>
                  ) : outcome?.kind === 'rejected' ? (
                    <p className={styles.closedMsg}>Could not open this message: {outcome.reason}.</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </div>
  );
}
