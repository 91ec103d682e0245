'use client';
import { useId } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { lessonGovernments, type DeckSlot } from '@/lib/attack-lab/console-deck';
import type { LootResult } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { Card } from './Card';
import { ScenarioPicker } from './ScenarioPicker';
import { Toggle } from './Toggle';
import styles from '../attack.module.css';
import w from '../../crypto/widgets.module.css';

/** The lesson action a card reports when switching it on really yielded what the step asks for. */
function lessonAction(slot: DeckSlot, loot: LootResult | null, governments: readonly string[]): string | null {
  if (slot === 'wire') return 'capability:wire';
  if (slot === 'server') return 'capability:server';
  if (slot === 'device') return loot?.items.some((i) => i.kind === 'device') ? 'capability:device' : null;
  const i = governments.findIndex((g) => slot === `escrow:${g}`);
  if (i < 0) return null;
  const obtained = loot?.notes.some(
    (n) =>
      n.outcome === 'obtained' &&
      n.capability.kind === 'steal-escrow-key' &&
      n.capability.authorityId === governments[i],
  );
  return obtained ? (i === 0 ? 'steal:escrow' : 'steal:escrow-second') : null;
}

/** A lesson's fixed deck: the wire, the server, Bob's phone, and one or two governments' escrow keys. */
export function LessonDeck({
  store,
  authorities,
  onAction,
}: {
  store: StoreApi<AttackConsoleState>;
  authorities: 'one' | 'two';
  onAction?: (id: string) => void;
}) {
  const wallet = useStore(store, (s) => s.wallet);
  const scenario = useStore(store, (s) => s.choices.scenario);
  const authorityNames = useStore(store, (s) => s.world?.escrow?.authorities);
  const id = useId();
  const governments = lessonGovernments(authorities);
  const escrowOn = governments.some((g) => wallet[`escrow:${g}`]);
  const toggle = async (slot: DeckSlot) => {
    const switched = await store.getState().toggle(slot);
    if (!switched?.on) return;
    const action = lessonAction(slot, switched.loot, governments);
    if (action) onAction?.(action);
  };

  return (
    <>
      <Card
        on={Boolean(wallet.wire)}
        title="Tap the wire"
        text="Copy every envelope in transit: headers, ciphertext, escrow fields."
      >
        <Toggle on={Boolean(wallet.wire)} onClick={() => void toggle('wire')}>
          Tap the wire
        </Toggle>
      </Card>
      <Card
        on={Boolean(wallet.server)}
        title="Take over the server"
        text="The relay's stored envelopes and their metadata, the past included."
      >
        <Toggle on={Boolean(wallet.server)} onClick={() => void toggle('server')}>
          Take over the server
        </Toggle>
      </Card>
      <Card
        on={Boolean(wallet.device)}
        title="Steal Bob's phone"
        text="Its key material as it is now: identity key and ratchet state. Used message keys are gone."
      >
        <Toggle on={Boolean(wallet.device)} onClick={() => void toggle('device')}>
          Steal Bob&apos;s phone
        </Toggle>
      </Card>
      <Card
        on={escrowOn}
        title={authorities === 'two' ? "Steal a government's escrow key" : 'Steal the escrow key'}
        text="The method changes only the story; the key is the same."
      >
        <ScenarioPicker
          value={scenario}
          onChange={(s) => void store.getState().choose({ scenario: s })}
          name={`${id}-scenario`}
        />
        {!scenario && <p className={w.hint}>Choose how first.</p>}
        <div className={styles.row}>
          {governments.map((g, i) => {
            const slot = `escrow:${g}` as const;
            // The world's own names, the ones its loot and results show ("Government of Southland").
            const name = authorityNames?.find((a) => a.id === g)?.name ?? `government ${i + 1}`;
            const label = authorities === 'two' ? `Steal the ${name}'s key` : 'Steal the escrow key';
            return (
              <Toggle
                key={g}
                on={Boolean(wallet[slot])}
                disabled={!scenario && !wallet[slot]}
                onClick={() => void toggle(slot)}
              >
                {label}
              </Toggle>
            );
          })}
        </div>
      </Card>
    </>
  );
}
