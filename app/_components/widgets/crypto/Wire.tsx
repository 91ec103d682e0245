'use client';
import { memo, useDeferredValue } from 'react';
import type { WireItem } from '@/lib/store/lab-store';
import { describeLength } from '@/lib/crypto/byte-format';
import { ACTORS, ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { SequenceDiagram } from '../../diagram/SequenceDiagram';
import { useLab } from './lab-hooks';
import styles from './widgets.module.css';

/** Eve's view: every byte that crossed the wire, in order, and nothing else. */
export function Wire() {
  // Deferred: an action that adds to the wire (often while this view sits in a hidden step)
  // re-renders it in a transition React can slice, not in the action's own task.
  const wire = useDeferredValue(useLab((s) => s.wire));
  const demo = useLab((s) => s.keys.alice?.randomness === 'demo');
  return <WireItems wire={wire} demo={demo} />;
}

const WireItems = memo(function WireItems({ wire, demo }: { wire: readonly WireItem[]; demo: boolean }) {
  // Through a relay, Eve sits on every link (phone to server, server to phone).
  const relayed = wire.some((w) => w.from === 'server' || w.to === 'server');
  return (
    <section className={styles.widget} aria-label="What Eve sees on the wire">
      <h3 className={styles.title}>
        <ActorBadge actor="eve" suffix=" sees on the wire" />
      </h3>
      <p className={styles.hint}>
        Everything below crossed the network, so Eve has a copy. Secret keys, shared secrets and the message key never
        appear here: they never left Alice&apos;s or Bob&apos;s device.
      </p>
      <SequenceDiagram
        title={`Messages between Alice and Bob, tapped by Eve: ${wire.length} item${wire.length === 1 ? '' : 's'}`}
        actors={relayed ? ['alice', 'server', 'bob'] : ['alice', 'eve', 'bob']}
        tap="eve"
        messages={wire.map((w) => ({
          id: w.id,
          from: w.from,
          to: w.to,
          label: w.label,
          detail: `${describeLength(w.bytes)}${w.tampered ? ', changed in transit' : ''}`,
          alarm: w.tampered,
        }))}
      />
      {wire.length === 0 ? (
        <p className={styles.hint}>Eve has captured nothing yet.</p>
      ) : (
        <ol aria-label="Captured items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {wire.map((w) => (
            <li key={w.id}>
              <ByteView
                label={`${w.label} (${ACTORS[w.from].name} → ${ACTORS[w.to].name})${w.tampered ? ', tampered' : ''}`}
                value={w.bytes}
                actor="eve"
                demo={demo}
                testId={`wire-${w.id}`}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
