'use client';
/**
 * The thief's console: a deck of capabilities (toggle cards), the wallet (what was captured and
 * stolen, with real key bytes), the learner's own message, "Decrypt everything captured" with
 * progress and cancel, and the results (counts, the exposure heat map, the opened messages). The
 * state is lib/store/attack-console-store.ts; the work runs in the world worker; each part is a
 * small view over the store (./console/).
 */
import { useId } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import { ActorIcon } from '../../actors';
import { DecryptPanel } from './console/DecryptPanel';
import { LabDeck } from './console/LabDeck';
import { LearnerMessagePanel } from './console/LearnerMessagePanel';
import { LessonDeck } from './console/LessonDeck';
import { LessonWorldLine } from './console/LessonWorldLine';
import { WalletPanel } from './console/WalletPanel';
import styles from './attack.module.css';
import w from '../crypto/widgets.module.css';

/** Props of the console view. The deck (lesson or lab) is the store's. */
export interface AttackConsoleViewProps {
  readonly store: StoreApi<AttackConsoleState>;
  /** Heading (an h3). */
  readonly title?: string;
  /** Called with an action id when an action really succeeded (lessons record it). */
  readonly onAction?: (id: string) => void;
}

/** The console. */
export function AttackConsoleView({ store, title = "The thief's console", onAction }: AttackConsoleViewProps) {
  const deck = useStore(store, (s) => s.deck);
  const world = useStore(store, (s) => s.world);
  const worldStatus = useStore(store, (s) => s.worldStatus);
  const worldError = useStore(store, (s) => s.worldError);
  const id = useId();

  return (
    <section className={w.widget} aria-label={title}>
      <h3 className={w.title}>
        <ActorIcon actor="thief" /> {title}
      </h3>
      {deck.kind === 'lesson' && <LessonWorldLine world={world} status={worldStatus} />}
      {worldError && (
        <p role="alert" className={w.error}>
          {worldError}
        </p>
      )}
      {deck.kind === 'lab' && !world ? (
        <p className={w.hint}>Generate a world first.</p>
      ) : (
        <>
          <h4 id={`${id}-deck`} style={{ margin: 'var(--space-3) 0 0' }}>
            Capabilities
          </h4>
          <div className={styles.deck} role="group" aria-labelledby={`${id}-deck`}>
            {deck.kind === 'lesson' ? (
              <LessonDeck store={store} authorities={deck.authorities} onAction={onAction} />
            ) : (
              world && <LabDeck store={store} world={world} />
            )}
          </div>
          <WalletPanel store={store} />
          <LearnerMessagePanel store={store} />
          <DecryptPanel store={store} onAction={onAction} />
        </>
      )}
    </section>
  );
}
