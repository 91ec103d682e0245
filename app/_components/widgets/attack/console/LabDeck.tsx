'use client';
import { useStore, type StoreApi } from 'zustand';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { Card } from './Card';
import { LabEscrowCard } from './LabEscrowCard';
import { LabPhoneCard } from './LabPhoneCard';
import { LabPiecesCard } from './LabPiecesCard';
import { Toggle } from './Toggle';

/** The attack lab's full deck over a generated world; its cards are live settings (a change re-steals). */
export function LabDeck({ store, world }: { store: StoreApi<AttackConsoleState>; world: WorldSummary }) {
  const wire = useStore(store, (s) => Boolean(s.wallet.wire));
  const server = useStore(store, (s) => Boolean(s.wallet.server));
  const toggle = (slot: 'wire' | 'server') => void store.getState().toggle(slot);
  const split = world.escrow && world.escrow.piecesNeeded > 1;

  return (
    <>
      <Card on={wire} title="Tap the wire" text="Copy every envelope on the backbone, for the whole period.">
        <Toggle on={wire} onClick={() => toggle('wire')}>
          Tap the wire
        </Toggle>
      </Card>
      <Card on={server} title="Take over the relay server" text="Its whole wire log: every envelope it ever forwarded.">
        <Toggle on={server} onClick={() => toggle('server')}>
          Take over the server
        </Toggle>
      </Card>
      <LabPhoneCard store={store} world={world} />
      <LabEscrowCard store={store} world={world} />
      {split && <LabPiecesCard store={store} world={world} />}
    </>
  );
}
