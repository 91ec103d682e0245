'use client';
import { useId } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { Card } from './Card';
import { DaySelect } from './DaySelect';
import { ScenarioPicker } from './ScenarioPicker';
import { Toggle } from './Toggle';
import styles from '../attack.module.css';

/** The lab's escrow key theft: the story, whose key (several governments), and the day it happens. */
export function LabEscrowCard({ store, world }: { store: StoreApi<AttackConsoleState>; world: WorldSummary }) {
  const on = useStore(store, (s) => Boolean(s.wallet.escrow));
  const scenario = useStore(store, (s) => s.choices.scenario);
  const authority = useStore(store, (s) => s.choices.authority);
  const keyDay = useStore(store, (s) => s.choices.keyDay);
  const id = useId();
  const choose = store.getState().choose;

  return (
    <Card
      on={on}
      title="Steal the escrow key"
      text={
        world.escrow
          ? `Held by ${world.escrow.agencies.map((a) => a.agencyName).join(', ')}. The day only marks "before" and "after": the key opens both.`
          : 'Escrow is off in this world: there is no escrow key. Try it: the loot says so.'
      }
    >
      <ScenarioPicker value={scenario} name={`${id}-scenario`} onChange={(s) => void choose({ scenario: s })} />
      {world.escrow && world.escrow.authorities.length > 1 && (
        <div className={styles.row}>
          <label htmlFor={`${id}-authority`}>Whose key</label>
          <select id={`${id}-authority`} value={authority} onChange={(e) => void choose({ authority: e.target.value })}>
            {world.escrow.authorities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className={styles.row}>
        <DaySelect
          id={`${id}-keyday`}
          label="Stolen on day"
          world={world}
          value={keyDay}
          onChange={(day) => void choose({ keyDay: day })}
        />
      </div>
      <Toggle on={on} onClick={() => void store.getState().toggle('escrow')}>
        Steal the escrow key
      </Toggle>
    </Card>
  );
}
