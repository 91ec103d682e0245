'use client';
/**
 * The thief's console: a deck of capabilities (toggle cards), the wallet (what was captured and
 * stolen, with real key bytes), the learner's own message, "Decrypt everything captured" with
 * progress and cancel, and the results (counts, the exposure heat map, the opened messages). All
 * the work runs in the world worker; this view only shows what the worker's decryption decided.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { ESCROW_THEFT_STORIES, type Capability, type EscrowTheftScenario } from '@/lib/protocol/capability';
import { MINUTES_PER_DAY, formatSimTime } from '@/lib/protocol/sim-time';
import type { AttackResult, LootResult, WorldSummary } from '@/lib/attack-lab/world-messages';
import { ByteView } from '../../bytes/ByteView';
import { ActorIcon } from '../../actors';
import { walletKey, type ConsoleState } from './console-store';
import { ExposureMatrixTable } from './ExposureMatrixTable';
import { OutcomeList } from './OutcomeList';
import { PersonBadge, personName } from './PersonBadge';
import styles from './attack.module.css';
import w from '../crypto/widgets.module.css';

/** Which deck to show: the lesson's fixed one (Bob's phone, one or two governments) or the lab's full one. */
export type ConsoleDeck = { readonly kind: 'lesson'; readonly authorities: 'one' | 'two' } | { readonly kind: 'lab' };

/** Props of the console view. */
export interface AttackConsoleViewProps {
  readonly store: StoreApi<ConsoleState>;
  readonly deck: ConsoleDeck;
  /** Heading (an h3). */
  readonly title?: string;
  /** Called with an action id when an action really succeeded (lessons record it). */
  readonly onAction?: (id: string) => void;
}

const LESSON_CAST = [
  { id: 'alice', name: 'Alice' },
  { id: 'bob', name: 'Bob' },
  { id: 'carol', name: 'Carol' },
];
const SCENARIOS = Object.keys(ESCROW_THEFT_STORIES) as EscrowTheftScenario[];
const GOVERNMENT_LETTER = ['A', 'B'];

function Toggle({ on, disabled, onClick, children }: { on: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className={styles.toggle} aria-pressed={on} disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

function Card({ on, title, text, children }: { on: boolean; title: string; text: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.card} data-on={on}>
      <p className={styles.cardTitle}>{title}</p>
      <p className={styles.cardText}>{text}</p>
      {children}
    </div>
  );
}

function ScenarioPicker({ value, onChange, name }: { value: EscrowTheftScenario | null; onChange: (s: EscrowTheftScenario) => void; name: string }) {
  return (
    <fieldset className={styles.scenarios}>
      <legend>How the key is stolen</legend>
      {SCENARIOS.map((s) => (
        <label key={s} className={styles.scenario}>
          <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
          <span>{ESCROW_THEFT_STORIES[s].title}</span>
          <small>{ESCROW_THEFT_STORIES[s].story}</small>
        </label>
      ))}
    </fieldset>
  );
}

/** The console. */
export function AttackConsoleView({ store, deck, title = "The thief's console", onAction }: AttackConsoleViewProps) {
  const world = useStore(store, (s) => s.world);
  const worldStatus = useStore(store, (s) => s.worldStatus);
  const worldError = useStore(store, (s) => s.worldError);
  const wallet = useStore(store, (s) => s.wallet);
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
            {deck.kind === 'lesson' ? <LessonDeck store={store} authorities={deck.authorities} onAction={onAction} /> : <LabDeck store={store} world={world!} />}
          </div>
          <WalletPanel store={store} />
          <LearnerMessagePanel store={store} deck={deck} />
          <DecryptPanel store={store} onAction={onAction} walletHasCapture={Object.values(wallet).some((c) => c.kind === 'tap-wire' || c.kind === 'take-over-server')} />
        </>
      )}
    </section>
  );
}

function LessonWorldLine({ world, status }: { world: WorldSummary | null; status: ConsoleState['worldStatus'] }) {
  if (status === 'generating') return <p className={w.hint} role="status">Recording two days of traffic (generating the world in a worker)…</p>;
  if (!world) return <p className={w.hint}>The relay has recorded Alice, Bob and Carol&apos;s traffic; the first capability you use loads it.</p>;
  return (
    <p className={w.hint}>
      World: {world.participants.map((p) => p.name).join(', ')}; {world.counts.conversations} conversations, {world.counts.messages} envelopes over{' '}
      {Math.round(world.endsAt / MINUTES_PER_DAY) || 1} days, {world.mode === 'ratchet' ? 'Double Ratchet' : 'static keys'}
      {world.escrow ? `, escrow on (${world.escrow.authorities.map((a) => a.name).join(' and ')})` : ', escrow off'}. Seed &lsquo;{world.seed}&rsquo; (reproducible demo
      randomness).
    </p>
  );
}

function LessonDeck({ store, authorities, onAction }: { store: StoreApi<ConsoleState>; authorities: 'one' | 'two'; onAction?: (id: string) => void }) {
  const wallet = useStore(store, (s) => s.wallet);
  const [scenario, setScenario] = useState<EscrowTheftScenario | null>(null);
  const id = useId();
  const toggle = async (slot: string, make: (world: WorldSummary) => Capability, action: (loot: LootResult | null, c: Capability) => string | null) => {
    const s = store.getState();
    if (s.wallet[slot]) {
      await s.setSlot(slot, null);
      return;
    }
    const world = await s.ensureWorld();
    if (!world) return;
    const capability = make(world);
    const loot = await store.getState().setSlot(slot, capability);
    const done = action(loot, capability);
    if (done) onAction?.(done);
  };
  const governments = authorities === 'two' ? ['northland', 'southland'] : ['escrow-authority'];
  const escrowOn = governments.some((g) => wallet[`escrow:${g}`]);

  return (
    <>
      <Card on={Boolean(wallet.wire)} title="Tap the wire" text="Copy every envelope in transit: headers, ciphertext, escrow fields.">
        <Toggle on={Boolean(wallet.wire)} onClick={() => void toggle('wire', () => ({ kind: 'tap-wire' }), () => 'capability:wire')}>
          Tap the wire
        </Toggle>
      </Card>
      <Card on={Boolean(wallet.server)} title="Take over the server" text="The relay's stored envelopes and their metadata, the past included.">
        <Toggle on={Boolean(wallet.server)} onClick={() => void toggle('server', () => ({ kind: 'take-over-server' }), () => 'capability:server')}>
          Take over the server
        </Toggle>
      </Card>
      <Card on={Boolean(wallet.device)} title="Steal Bob's phone" text="Its key material as it is now: identity key and ratchet state. Used message keys are gone.">
        <Toggle
          on={Boolean(wallet.device)}
          onClick={() =>
            void toggle(
              'device',
              (world) => ({ kind: 'steal-device', participant: 'bob', at: world.endsAt }),
              (loot) => (loot?.items.some((i) => i.kind === 'device') ? 'capability:device' : null),
            )
          }
        >
          Steal Bob&apos;s phone
        </Toggle>
      </Card>
      <Card on={escrowOn} title={authorities === 'two' ? "Steal a government's escrow key" : 'Steal the escrow key'} text="The method changes only the story; the key is the same.">
        <ScenarioPicker value={scenario} onChange={setScenario} name={`${id}-scenario`} />
        {!scenario && <p className={w.hint}>Choose how first.</p>}
        <div className={styles.row}>
          {governments.map((g, i) => {
            const slot = `escrow:${g}`;
            const label = authorities === 'two' ? `Steal Government ${GOVERNMENT_LETTER[i]}'s key` : 'Steal the escrow key';
            return (
              <Toggle
                key={g}
                on={Boolean(wallet[slot])}
                disabled={!scenario && !wallet[slot]}
                onClick={() =>
                  void toggle(
                    slot,
                    () => ({ kind: 'steal-escrow-key', scenario: scenario ?? 'insider', authorityId: g }),
                    (loot) => (loot?.notes.some((n) => n.outcome === 'obtained' && n.capability.kind === 'steal-escrow-key' && n.capability.authorityId === g) ? (i === 0 ? 'steal:escrow' : 'steal:escrow-second') : null),
                  )
                }
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

function dayOptions(world: WorldSummary): number[] {
  return Array.from({ length: Math.floor(world.endsAt / MINUTES_PER_DAY) + 1 }, (_, i) => i + 1);
}

function LabDeck({ store, world }: { store: StoreApi<ConsoleState>; world: WorldSummary }) {
  const wallet = useStore(store, (s) => s.wallet);
  const id = useId();
  const days = dayOptions(world);
  const mid = Math.max(1, Math.ceil(days.length / 2));
  const [victim, setVictim] = useState(world.participants[1]?.id ?? world.participants[0]!.id);
  const [theftDay, setTheftDay] = useState(mid);
  const [scenario, setScenario] = useState<EscrowTheftScenario>('insider');
  const [authority, setAuthority] = useState(world.escrow?.authorities[0]?.id ?? '');
  const [keyDay, setKeyDay] = useState(mid);
  const keyAt = (day: number) => Math.min(world.endsAt, (day - 1) * MINUTES_PER_DAY + 12 * 60);
  const [pieces, setPieces] = useState<readonly string[]>([]);
  const [corrupt, setCorrupt] = useState<readonly string[]>([]);
  // A phone is taken at noon of the chosen day (or at the last message, if that is earlier).
  const theftAt = Math.min(world.endsAt, (theftDay - 1) * MINUTES_PER_DAY + 12 * 60);
  const set = (slot: string, c: Capability | null, at?: number) => void store.getState().setSlot(slot, c, at);
  const device: Capability = { kind: 'steal-device', participant: victim, at: theftAt };
  const escrowCap: Capability = { kind: 'steal-escrow-key', scenario, ...(authority ? { authorityId: authority } : {}) };
  const piecesCap: Capability = { kind: 'steal-key-pieces', agencies: pieces, corrupt: corrupt.filter((c) => pieces.includes(c)) };
  const refresh = (slot: string, c: Capability, at?: number) => {
    if (wallet[slot]) set(slot, c, at);
  };
  const split = world.escrow && world.escrow.piecesNeeded > 1;

  return (
    <>
      <Card on={Boolean(wallet.wire)} title="Tap the wire" text="Copy every envelope on the backbone, for the whole period.">
        <Toggle on={Boolean(wallet.wire)} onClick={() => set('wire', wallet.wire ? null : { kind: 'tap-wire' })}>
          Tap the wire
        </Toggle>
      </Card>
      <Card on={Boolean(wallet.server)} title="Take over the relay server" text="Its whole wire log: every envelope it ever forwarded.">
        <Toggle on={Boolean(wallet.server)} onClick={() => set('server', wallet.server ? null : { kind: 'take-over-server' })}>
          Take over the server
        </Toggle>
      </Card>
      <Card on={Boolean(wallet.device)} title="Steal a phone" text={`Its key material at noon of the chosen day (${formatSimTime(theftAt)}).`}>
        <div className={styles.row}>
          <label htmlFor={`${id}-victim`}>Whose</label>
          <select
            id={`${id}-victim`}
            value={victim}
            onChange={(e) => {
              setVictim(e.target.value);
              refresh('device', { ...device, participant: e.target.value } as Capability);
            }}
          >
            {world.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-day`}>Day</label>
          <select
            id={`${id}-day`}
            value={theftDay}
            onChange={(e) => {
              const day = Number(e.target.value);
              setTheftDay(day);
              refresh('device', { ...device, at: Math.min(world.endsAt, (day - 1) * MINUTES_PER_DAY + 720) } as Capability);
            }}
          >
            {days.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <Toggle on={Boolean(wallet.device)} onClick={() => set('device', wallet.device ? null : device)}>
          Steal {personName(victim, world.participants)}&apos;s phone
        </Toggle>
      </Card>
      <Card
        on={Boolean(wallet.escrow)}
        title="Steal the escrow key"
        text={
          world.escrow
            ? `Held by ${world.escrow.agencies.map((a) => a.agencyName).join(', ')}. The day only marks "before" and "after": the key opens both.`
            : 'Escrow is off in this world: there is no escrow key. Try it: the loot says so.'
        }
      >
        <ScenarioPicker
          value={scenario}
          name={`${id}-scenario`}
          onChange={(s) => {
            setScenario(s);
            refresh('escrow', { ...escrowCap, scenario: s } as Capability, keyAt(keyDay));
          }}
        />
        {world.escrow && world.escrow.authorities.length > 1 && (
          <div className={styles.row}>
            <label htmlFor={`${id}-authority`}>Whose key</label>
            <select
              id={`${id}-authority`}
              value={authority}
              onChange={(e) => {
                setAuthority(e.target.value);
                refresh('escrow', { ...escrowCap, authorityId: e.target.value } as Capability, keyAt(keyDay));
              }}
            >
              {world.escrow.authorities.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className={styles.row}>
          <label htmlFor={`${id}-keyday`}>Stolen on day</label>
          <select
            id={`${id}-keyday`}
            value={keyDay}
            onChange={(e) => {
              const day = Number(e.target.value);
              setKeyDay(day);
              refresh('escrow', escrowCap, keyAt(day));
            }}
          >
            {days.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <Toggle on={Boolean(wallet.escrow)} onClick={() => set('escrow', wallet.escrow ? null : escrowCap, keyAt(keyDay))}>
          Steal the escrow key
        </Toggle>
      </Card>
      {split && world.escrow && (
        <Card on={Boolean(wallet.pieces)} title="Steal key pieces" text={`${world.escrow.piecesNeeded} of ${world.escrow.agencies.length} pieces rebuild the key; fewer give nothing.`}>
          <fieldset className={styles.scenarios}>
            <legend>Pieces to steal (and damage)</legend>
            {world.escrow.agencies.map((a) => (
              <div key={a.agencyId} className={styles.row}>
                <label>
                  <input
                    type="checkbox"
                    checked={pieces.includes(a.agencyId)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...pieces, a.agencyId] : pieces.filter((p) => p !== a.agencyId);
                      setPieces(next);
                      refresh('pieces', { ...piecesCap, agencies: next } as Capability, keyAt(keyDay));
                    }}
                  />{' '}
                  {a.agencyName}
                </label>
                <label>
                  <input
                    type="checkbox"
                    checked={corrupt.includes(a.agencyId)}
                    disabled={!pieces.includes(a.agencyId)}
                    onChange={(e) => {
                      const next = e.target.checked ? [...corrupt, a.agencyId] : corrupt.filter((p) => p !== a.agencyId);
                      setCorrupt(next);
                      refresh('pieces', { ...piecesCap, corrupt: next.filter((c) => pieces.includes(c)) } as Capability, keyAt(keyDay));
                    }}
                  />{' '}
                  damaged copy
                </label>
              </div>
            ))}
          </fieldset>
          <Toggle on={Boolean(wallet.pieces)} disabled={pieces.length === 0 && !wallet.pieces} onClick={() => set('pieces', wallet.pieces ? null : piecesCap, keyAt(keyDay))}>
            Steal {pieces.length} piece{pieces.length === 1 ? '' : 's'}
          </Toggle>
        </Card>
      )}
    </>
  );
}

function WalletPanel({ store }: { store: StoreApi<ConsoleState> }) {
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
            {c.kind === 'tap-wire' ? 'A wiretap: every envelope on the wire (ciphertext, headers, escrow fields).' : "The relay's wire log: every envelope it stored."}
          </li>
        ))}
        {loot?.items.map((item, i) => (
          <li key={`${item.kind}-${i}`}>
            <ByteView label={item.keyName} value={item.keyBytes} actor="thief" secret from={`${item.label}: ${item.detail}`} formats={['hex', 'base64', 'bits']} />
          </li>
        ))}
        {loot?.notes
          .filter((n) => n.outcome !== 'obtained')
          .map((n, i) => (
            <li key={`note-${i}`} className={`${styles.note} ${n.outcome === 'check-failed' ? styles.noteBad : ''}`} data-testid="loot-note">
              {n.outcome === 'check-failed' ? `Check failed (${n.check ?? 'public key'}): ` : 'Nothing obtained: '}
              {n.message}
            </li>
          ))}
      </ul>
    </div>
  );
}

function LearnerMessagePanel({ store, deck }: { store: StoreApi<ConsoleState>; deck: ConsoleDeck }) {
  const world = useStore(store, (s) => s.world);
  const mine = useStore(store, (s) => s.learnerMessages);
  const error = useStore(store, (s) => s.learnerError);
  const id = useId();
  const people = world?.participants ?? LESSON_CAST;
  const [from, setFrom] = useState(people[0]!.id);
  const peers = useMemo(() => {
    const conversations = world?.conversations;
    if (!conversations) return people.filter((p) => p.id !== from);
    const ids = new Set(conversations.flatMap((c) => (c.initiator === from ? [c.responder] : c.responder === from ? [c.initiator] : [])));
    return people.filter((p) => ids.has(p.id));
  }, [world, people, from]);
  const [to, setTo] = useState('bob');
  const recipient = peers.some((p) => p.id === to) ? to : (peers[0]?.id ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  return (
    <details className={styles.panel} open={deck.kind === 'lab' || mine.length > 0 || undefined}>
      <summary>
        <strong>Your own message</strong> (sent into the world through the real send path)
      </summary>
      <form
        className={styles.learner}
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim() || !recipient) return;
          setBusy(true);
          const ok = await store.getState().sendLearnerMessage({ sender: from, recipient, text: text.trim() });
          setBusy(false);
          if (ok) setText('');
        }}
      >
        <div className={styles.row}>
          <label htmlFor={`${id}-from`}>From</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-to`}>To</label>
          <select id={`${id}-to`} value={recipient} onChange={(e) => setTo(e.target.value)}>
            {peers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <label htmlFor={`${id}-text`}>
          Your message from {personName(from, people)} to {recipient ? personName(recipient, people) : '…'}
        </label>
        <textarea id={`${id}-text`} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} placeholder="Meet me at the old boathouse at 9" />
        <div className={styles.row}>
          <button type="submit" disabled={busy || !text.trim() || !recipient}>
            Send it through the server
          </button>
        </div>
        {error && (
          <p role="alert" className={w.error}>
            {error}
          </p>
        )}
      </form>
      {mine.length > 0 && (
        <div role="status">
          <ul>
            {mine.map((m) => (
              <li key={m.seq}>
                #{m.seq} {personName(m.sender, people)} → {personName(m.recipient, people)}, {formatSimTime(m.sentAt)}: &ldquo;{m.text}&rdquo; (sealed, relayed, opened by{' '}
                {personName(m.recipient, people)})
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}

function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className={styles.progress} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${done} of ${total} envelopes`}>
      <div className={styles.progressBar} style={{ width: `${pct}%` }} />
    </div>
  );
}

function DecryptPanel({ store, onAction, walletHasCapture }: { store: StoreApi<ConsoleState>; onAction?: (id: string) => void; walletHasCapture: boolean }) {
  const run = useStore(store, (s) => s.run);
  const wallet = useStore(store, (s) => s.wallet);
  const world = useStore(store, (s) => s.world);
  const mine = useStore(store, (s) => s.learnerMessages);
  const running = run.status === 'running';
  const slotTimes = useStore(store, (s) => s.slotTimes);
  const stale = run.result && run.walletKey !== walletKey(wallet, slotTimes);

  return (
    <div className={styles.panel}>
      <h4>Decrypt</h4>
      <div className={styles.row}>
        <button
          type="button"
          className="primary"
          disabled={running || !walletHasCapture}
          onClick={async () => {
            const result = await store.getState().decryptAll();
            if (result && !result.cancelled) {
              onAction?.('decrypt-all');
              if (result.loot.items.some((i) => i.kind === 'escrow-key')) onAction?.('decrypt-all:escrow');
            }
          }}
        >
          Decrypt everything captured
        </button>
        {running && (
          <>
            <ProgressBar done={run.progress?.done ?? 0} total={run.progress?.total ?? 0} label="Decryption progress" />
            <button type="button" onClick={() => store.getState().cancel()}>
              Cancel
            </button>
          </>
        )}
      </div>
      {!walletHasCapture && <p className={w.hint}>Capture something first: tap the wire or take over the server. Keys alone decrypt nothing you do not hold.</p>}
      <p role="status" aria-live="polite" className={w.hint}>
        {running
          ? `Decrypting in a worker: ${run.progress?.done ?? 0} of ${run.progress?.total ?? '…'} envelopes, ${run.progress?.counts?.opened ?? 0} opened so far.`
          : run.status === 'cancelled'
            ? `Cancelled after ${run.result?.rows.length ?? 0} of ${run.result?.capture.envelopes ?? 0} envelopes.`
            : ''}
      </p>
      {run.error && (
        <p role="alert" className={w.error}>
          {run.error}
        </p>
      )}
      {stale && <p className={styles.stale}>The wallet changed since this run: decrypt again to see what it opens now.</p>}
      {run.result && world && <Results result={run.result} world={world} mine={new Set(mine.map((m) => m.seq))} />}
    </div>
  );
}

function Results({ result, world, mine }: { result: AttackResult; world: WorldSummary; mine: ReadonlySet<number> }) {
  const { counts, exposure, timing } = result;
  const split = exposure.split;
  const mineOpened = result.rows.filter((r) => mine.has(r.seq) && r.kind === 'opened');
  return (
    <div data-testid="attack-results">
      <ul className={styles.counts} aria-label="Decryption results">
        <li className={`${styles.count} ${styles.countOpened}`}>
          <strong data-testid="count-opened">{counts.opened}</strong>
          <span>opened</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-tag-failed">{counts.tagFailed}</strong>
          <span>failed the tag</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-no-key">{counts.noKey}</strong>
          <span>no key to try</span>
        </li>
        <li className={styles.count}>
          <strong data-testid="count-captured">{result.capture.envelopes}</strong>
          <span>captured{result.cancelled ? ` (${result.rows.length} decided)` : ''}</span>
        </li>
      </ul>
      {split && (
        <p>
          Sent before the theft ({formatSimTime(split.at)}): <strong>{split.before.opened}</strong> of {split.before.total} opened. After: <strong>{split.after.opened}</strong> of{' '}
          {split.after.total}.
        </p>
      )}
      <p>
        Exposed: {exposure.exposedUsers.length} of {world.participants.length} users
        {exposure.exposedUsers.length > 0 && (
          <>
            {' ('}
            {exposure.exposedUsers.map((u, i) => (
              <span key={u}>
                {i > 0 && ', '}
                <PersonBadge id={u} name={personName(u, world.participants)} />
              </span>
            ))}
            {')'}
          </>
        )}
        , {exposure.exposedConversations.length} of {world.conversations.length} conversations.
      </p>
      {mineOpened.length > 0 && (
        <p className={styles.mine} data-testid="my-message-opened">
          Your message opened: &ldquo;{mineOpened[0]!.plaintext}&rdquo;
        </p>
      )}
      <p className={styles.timing} data-testid="decrypt-timing" data-decrypt-ms={timing.decryptMs.toFixed(1)} data-generate-ms={world.timing.generateMs.toFixed(1)}>
        Measured in the worker: decryption {timing.decryptMs.toFixed(0)} ms for {result.rows.length} envelopes (
        {timing.decryptWorkers > 1
          ? `split by conversation over ${timing.decryptWorkers} workers running at once, ${timing.decryptBusyMs.toFixed(0)} ms of computing in all`
          : `${timing.decryptBusyMs.toFixed(0)} ms computing, the rest progress reports`}
        ); generating this world (every message sealed and opened once) took {world.timing.generateMs.toFixed(0)} ms.
      </p>
      <details>
        <summary>Worker report (raw)</summary>
        <pre data-testid="worker-report" className={styles.text}>
          {JSON.stringify({ counts, captured: result.capture.envelopes, decided: result.rows.length, cancelled: result.cancelled, sources: result.capture.sources, timing }, null, 1)}
        </pre>
      </details>
      <ExposureMatrixTable matrix={exposure.matrix} caption="What the decryption opened, by user and conversation over time" />
      <h4 style={{ marginTop: 'var(--space-4)' }}>Messages</h4>
      <OutcomeList rows={result.rows} people={world.participants} mine={mine} />
    </div>
  );
}
