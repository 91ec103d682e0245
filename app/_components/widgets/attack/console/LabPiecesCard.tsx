'use client';
import { useStore, type StoreApi } from 'zustand';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { Card } from './Card';
import { Toggle } from './Toggle';
import styles from '../attack.module.css';

/** The lab's key-piece theft (split escrow): which agencies' pieces, and which stolen copies are damaged. */
export function LabPiecesCard({ store, world }: { store: StoreApi<AttackConsoleState>; world: WorldSummary }) {
  const on = useStore(store, (s) => Boolean(s.wallet.pieces));
  const pieces = useStore(store, (s) => s.choices.pieces);
  const corrupt = useStore(store, (s) => s.choices.corrupt);
  const choose = store.getState().choose;
  const escrow = world.escrow;
  if (!escrow) return null;
  const including = (list: readonly string[], agencyId: string, yes: boolean) =>
    yes ? [...list, agencyId] : list.filter((p) => p !== agencyId);

  return (
    <Card
      on={on}
      title="Steal key pieces"
      text={`${escrow.piecesNeeded} of ${escrow.agencies.length} pieces rebuild the key; fewer give nothing.`}
    >
      <fieldset className={styles.scenarios}>
        <legend>Pieces to steal (and damage)</legend>
        {escrow.agencies.map((a) => (
          <div key={a.agencyId} className={styles.row}>
            <label>
              <input
                type="checkbox"
                checked={pieces.includes(a.agencyId)}
                onChange={(e) => void choose({ pieces: including(pieces, a.agencyId, e.target.checked) })}
              />{' '}
              {a.agencyName}
            </label>
            <label>
              <input
                type="checkbox"
                checked={corrupt.includes(a.agencyId)}
                disabled={!pieces.includes(a.agencyId)}
                onChange={(e) => void choose({ corrupt: including(corrupt, a.agencyId, e.target.checked) })}
              />{' '}
              damaged copy
            </label>
          </div>
        ))}
      </fieldset>
      <Toggle on={on} disabled={pieces.length === 0 && !on} onClick={() => void store.getState().toggle('pieces')}>
        Steal {pieces.length} piece{pieces.length === 1 ? '' : 's'}
      </Toggle>
    </Card>
  );
}
