'use client';
import { useStore, type StoreApi } from 'zustand';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { ByteView } from '../../../bytes/ByteView';
import styles from '../attack.module.css';
import w from '../../crypto/widgets.module.css';

/** The wallet: what was captured, and the stolen keys with their real bytes (or why nothing came of a theft). */
export function WalletPanel({ store }: { store: StoreApi<AttackConsoleState> }) {
  const wallet = useStore(store, (s) => s.wallet);
  const loot = useStore(store, (s) => s.loot);
  const pending = useStore(store, (s) => s.lootPending);
  const capture = Object.values(wallet).filter((c) => c.kind === 'tap-wire' || c.kind === 'take-over-server');
  const empty = Object.keys(wallet).length === 0;
  return (
    <div className={styles.panel}>
      <h4>Wallet</h4>
      {empty && <p className={w.hint}>Empty. Use a capability above.</p>}
      <ul className={styles.lootList} aria-live="polite" aria-busy={pending}>
        {capture.map((c) => (
          <li key={c.kind}>
            {c.kind === 'tap-wire'
              ? 'A wiretap: every envelope on the wire (ciphertext, headers, escrow fields).'
              : "The relay's wire log: every envelope it stored."}
          </li>
        ))}
        {loot?.items.map((item, i) => (
          <li key={`${item.kind}-${i}`}>
            <ByteView
              label={item.keyName}
              value={item.keyBytes}
              actor="thief"
              secret
              from={`${item.label}: ${item.detail}`}
              formats={['hex', 'base64', 'bits']}
            />
          </li>
        ))}
        {loot?.notes
          .filter((n) => n.outcome !== 'obtained')
          .map((n, i) => (
            <li
              key={`note-${i}`}
              className={`${styles.note} ${n.outcome === 'check-failed' ? styles.noteBad : ''}`}
              data-testid="loot-note"
            >
              {n.outcome === 'check-failed' ? `Check failed (${n.check ?? 'public key'}): ` : 'Nothing obtained: '}
              {n.message}
            </li>
          ))}
      </ul>
    </div>
  );
}
