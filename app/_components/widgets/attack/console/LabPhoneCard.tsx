'use client';
import { useId } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { formatSimTime } from '@/lib/protocol/sim-time';
import { theftTime } from '@/lib/attack-lab/console-deck';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { personName } from '../PersonBadge';
import { Card } from './Card';
import { DaySelect } from './DaySelect';
import { Toggle } from './Toggle';
import styles from '../attack.module.css';

/** The lab's phone theft: whose, and on which day (at noon). */
export function LabPhoneCard({ store, world }: { store: StoreApi<AttackConsoleState>; world: WorldSummary }) {
  const on = useStore(store, (s) => Boolean(s.wallet.device));
  const victim = useStore(store, (s) => s.choices.victim);
  const theftDay = useStore(store, (s) => s.choices.theftDay);
  const id = useId();
  const choose = store.getState().choose;

  return (
    <Card
      on={on}
      title="Steal a phone"
      text={`Its key material at noon of the chosen day (${formatSimTime(theftTime(world, theftDay))}).`}
    >
      <div className={styles.row}>
        <label htmlFor={`${id}-victim`}>Whose</label>
        <select id={`${id}-victim`} value={victim} onChange={(e) => void choose({ victim: e.target.value })}>
          {world.participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <DaySelect
          id={`${id}-day`}
          label="Day"
          world={world}
          value={theftDay}
          onChange={(day) => void choose({ theftDay: day })}
        />
      </div>
      <Toggle on={on} onClick={() => void store.getState().toggle('device')}>
        Steal {personName(victim, world.participants)}&apos;s phone
      </Toggle>
    </Card>
  );
}
