'use client';
/** The projector: how to join, the counts, the controls, the members and the wire. */
import { useStore } from 'zustand';
import type { RoomPresenterStore } from '@/lib/store/room-presenter-store';
import { QrCode } from '../qr/QrCode';
import { ActorIcon } from '../actors';
import { PresenterControls } from './PresenterControls';
import { WireLog } from './WireLog';
import { shortKey } from './room-browser';
import styles from './room.module.css';

function joinLink(code: string): string {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return `${origin}/room/join?code=${code}`;
}

export function ProjectorView({ store }: { readonly store: RoomPresenterStore }) {
  const code = useStore(store, (s) => s.code)!;
  const view = useStore(store, (s) => s.view);
  const leak = useStore(store, (s) => s.leak);
  const link = joinLink(code);
  const escrowed = view.messages.filter((m) => m.message.escrow !== undefined).length;

  return (
    <div className={styles.projector}>
      {view.closed && (
        <p className={styles.danger} role="alert">
          This room has {view.closed === 'expired' ? 'expired' : 'closed'}. Its members have been told.
        </p>
      )}
      <section className={styles.joinPanel} aria-labelledby="join-heading">
        <div>
          <h2 id="join-heading">Join on your phone</h2>
          <p className={styles.codeLine}>
            Code <strong className={styles.code}>{code}</strong>
          </p>
          <p className={styles.link}>{link}</p>
        </div>
        <QrCode value={link} label={`QR code of the join link for room ${code}`} size={200} />
      </section>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading" className={styles.visuallyHidden}>
          Counts
        </h2>
        <dl className={styles.counts}>
          <div>
            <dt>Members</dt>
            <dd>{view.members.length}</dd>
          </div>
          <div>
            <dt>Messages on the wire</dt>
            <dd>{view.messages.length}</dd>
          </div>
          <div>
            <dt>With an escrow field</dt>
            <dd>{escrowed}</dd>
          </div>
          {leak && (
            <>
              <div data-tone="danger">
                <dt>Opened with the leaked key</dt>
                <dd>{leak.counts.opened}</dd>
              </div>
              <div>
                <dt>Still closed</dt>
                <dd>{leak.counts.notEscrowed + leak.counts.failed}</dd>
              </div>
            </>
          )}
        </dl>
      </section>

      <PresenterControls store={store} />

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members and their public keys</h2>
        {view.members.length === 0 ? (
          <p>Nobody has joined yet.</p>
        ) : (
          <ul className={styles.members}>
            {view.members.map((m) => (
              <li key={m.id}>
                <ActorIcon actor="carol" size={18} />
                <span className={styles.name}>{m.name}</span>
                <code className={styles.key} title={m.publicKey}>
                  {shortKey(m.publicKey)}
                </code>
                <button
                  type="button"
                  className={styles.small}
                  onClick={() => void store.getState().control({ action: 'remove-member', memberId: m.id })}
                >
                  Remove {m.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <WireLog store={store} />
    </div>
  );
}
