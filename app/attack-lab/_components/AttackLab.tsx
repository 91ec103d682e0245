'use client';
/**
 * The attack lab: world settings (seed, size, mode, escrow), the god view of the generated world,
 * the thief's console over it, a forge panel and the three-world blast radius. Generation and
 * every attack run in the world worker (app/_components/world), with progress and cancel.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { EscrowVariant } from '@/lib/protocol/escrow-setup';
import type { KeyAgreementMode } from '@/lib/protocol/envelope-header';
import type { WorldGenerateOptions, WorldSummary } from '@/lib/attack-lab/world-messages';
import type { CompareOptions } from '@/lib/scenarios/three-worlds';
import { attackLabShareUrl, parseAttackLabShare } from '@/lib/presentation/share-link';
import { createAttackConsoleStore } from '@/lib/store/attack-console-store';
import { CancelledError } from '@/lib/worker-rpc/rpc-error';
import { ShareLinkPanel } from '../../_components/present/ShareLinkPanel';
import { useSeed } from '../../_components/seed/use-seed';
import { getWorldClient } from '../../_components/world/world-client';
import { AttackConsoleView } from '../../_components/widgets/attack/AttackConsoleView';
import { BlastRadius } from '../../_components/widgets/attack/BlastRadius';
import attack from '../../_components/widgets/attack/attack.module.css';
import w from '../../_components/widgets/crypto/widgets.module.css';
import { ForgePanel } from './ForgePanel';
import { GodView } from './GodView';
import styles from './lab.module.css';

/** The default seed: the lab opens on the same world for everyone (a workshop's handout matches the screen). */
const DEFAULT_LAB_SEED = 'attack-lab';

type EscrowChoice = 'off' | EscrowVariant;
const ESCROW_LABELS: Record<EscrowChoice, string> = {
  off: 'Off (no escrow key exists)',
  single: 'One authority',
  'xor-2-of-2': 'Split 2-of-2 (XOR, as Clipper)',
  shamir: 'Split 3-of-5 (Shamir)',
  'two-governments': 'Two governments',
};

const clampInt = (value: string, min: number, max: number, fallback: number) => {
  const n = Math.floor(Number(value));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
};

/** The form as typed (numbers stay text while the learner edits them). */
interface Settings {
  seed: string;
  people: string;
  conversations: string;
  messages: string;
  mode: KeyAgreementMode;
  escrow: EscrowChoice;
}

/** The form's numbers, clamped to what the worker accepts. */
function sizesOf(s: Settings) {
  const people = clampInt(s.people, 2, 16, 8);
  const maxConversations = (people * (people - 1)) / 2;
  return {
    people,
    maxConversations,
    conversations: Math.min(clampInt(s.conversations, 1, 120, 20), maxConversations),
    messages: clampInt(s.messages, 1, 20000, 300),
  };
}

function optionsOf(s: Settings): WorldGenerateOptions {
  const { people, conversations, messages } = sizesOf(s);
  return {
    seed: s.seed.trim(),
    people,
    conversations,
    messages,
    mode: s.mode,
    escrow: s.escrow === 'off' ? null : { variant: s.escrow },
  };
}

/** Frees a world in the worker (nothing to do if it is already gone). */
function freeWorld(worldId: string): void {
  void getWorldClient()
    .dispose(worldId)
    .catch(() => undefined);
}

function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `lab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const noSubscription = () => () => {};

/**
 * The whole lab. A shared link (ShareLinkPanel below) opens it on the sender's settings: the page
 * is static, so the query is read after hydration and the lab starts over once with it.
 */
export function AttackLab() {
  const search = useSyncExternalStore(
    noSubscription,
    () => window.location.search,
    () => '',
  );
  const shared = parseAttackLabShare(search);
  return (
    <AttackLabWith
      key={search}
      initial={
        shared
          ? {
              ...shared,
              people: `${shared.people}`,
              conversations: `${shared.conversations}`,
              messages: `${shared.messages}`,
            }
          : null
      }
    />
  );
}

function AttackLabWith({ initial }: { initial: Settings | null }) {
  const id = useId();
  const [settings, setSettings] = useState<Settings>(
    initial ?? {
      seed: DEFAULT_LAB_SEED,
      people: '8',
      conversations: '20',
      messages: '300',
      mode: 'ratchet',
      escrow: 'single',
    },
  );
  // Seeded mode: the world's seed field starts from the mode's seed (set once it is known, after hydration).
  const modeSeed = useSeed();
  const [seedFromMode, setSeedFromMode] = useState<string | undefined>(undefined);
  if (modeSeed !== seedFromMode) {
    setSeedFromMode(modeSeed);
    if (modeSeed) setSettings((s) => ({ ...s, seed: modeSeed }));
  }
  const [world, setWorld] = useState<WorldSummary | null>(null);
  /** The options of the world on screen: the blast radius compares that world's seed and size. */
  const [generatedWith, setGeneratedWith] = useState<WorldGenerateOptions | null>(null);
  const [generating, setGenerating] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [consoleStore] = useState(() => createAttackConsoleStore({ client: getWorldClient(), deck: { kind: 'lab' } }));
  const controller = useRef<AbortController | null>(null);
  /** The world this lab generated and holds in the worker; freed when the lab unmounts. */
  const heldWorld = useRef<string | null>(null);
  const unmounted = useRef(false);
  const sizes = sizesOf(settings);
  const maxConversations = sizes.maxConversations;

  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
      consoleStore.getState().release();
      if (heldWorld.current) freeWorld(heldWorld.current);
      heldWorld.current = null;
    };
  }, [consoleStore]);

  useEffect(() => {
    if (!generating) return;
    const started = performance.now();
    const timer = setInterval(() => setElapsed((performance.now() - started) / 1000), 250);
    return () => clearInterval(timer);
  }, [generating]);

  const generate = async () => {
    const own = new AbortController();
    controller.current = own;
    setGenerating(true);
    setElapsed(0);
    setError(null);
    try {
      const previous = world;
      const options = optionsOf(settings);
      const summary = await getWorldClient().generate(options, { signal: own.signal });
      if (unmounted.current) {
        freeWorld(summary.worldId);
        return;
      }
      heldWorld.current = summary.worldId;
      setWorld(summary);
      setGeneratedWith(options);
      consoleStore.getState().useWorld(summary);
      if (previous) freeWorld(previous.worldId);
    } catch (e) {
      setError(
        e instanceof CancelledError
          ? 'Generation cancelled (the worker was restarted, so any earlier world is gone too).'
          : e instanceof Error
            ? e.message
            : String(e),
      );
      if (e instanceof CancelledError) {
        heldWorld.current = null;
        setWorld(null);
        setGeneratedWith(null);
        consoleStore.getState().useWorld(null);
      }
    } finally {
      controller.current = null;
      setGenerating(false);
    }
  };

  // The comparison builds three worlds, so it is capped at 1,000 messages (same seed, same people).
  const compareFrom = generatedWith ?? optionsOf(settings);
  const compared = {
    seed: compareFrom.seed || DEFAULT_LAB_SEED,
    people: compareFrom.people ?? 8,
    conversations: compareFrom.conversations ?? 20,
    messages: Math.min(compareFrom.messages ?? 300, 1000),
    escrow: { variant: compareFrom.escrow?.variant ?? 'single' },
  } satisfies CompareOptions;

  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((s) => ({ ...s, [key]: value }));

  return (
    <>
      <section className={styles.section} aria-labelledby={`${id}-world`}>
        <h2 id={`${id}-world`}>1. The world</h2>
        <form
          className={w.widget}
          onSubmit={(e) => {
            e.preventDefault();
            if (!generating) void generate();
          }}
        >
          <div className={styles.settings}>
            <div className={styles.seedRow}>
              <div className={styles.field}>
                <label htmlFor={`${id}-seed`}>Seed</label>
                <input
                  id={`${id}-seed`}
                  type="text"
                  value={settings.seed}
                  maxLength={100}
                  onChange={(e) => set('seed', e.target.value)}
                  required
                />
              </div>
              <button type="button" onClick={() => set('seed', randomSeed())}>
                New seed
              </button>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-people`}>People</label>
              <input
                id={`${id}-people`}
                type="number"
                min={2}
                max={16}
                value={settings.people}
                onChange={(e) => set('people', e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-conversations`}>Conversations</label>
              <input
                id={`${id}-conversations`}
                type="number"
                min={1}
                max={Math.min(120, maxConversations)}
                value={settings.conversations}
                onChange={(e) => set('conversations', e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-messages`}>Messages</label>
              <input
                id={`${id}-messages`}
                type="number"
                min={1}
                max={20000}
                value={settings.messages}
                onChange={(e) => set('messages', e.target.value)}
              />
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-mode`}>Key agreement</label>
              <select
                id={`${id}-mode`}
                value={settings.mode}
                onChange={(e) => set('mode', e.target.value as KeyAgreementMode)}
              >
                <option value="ratchet">Double Ratchet</option>
                <option value="static">Static keys</option>
              </select>
            </div>
            <div className={styles.field}>
              <label htmlFor={`${id}-escrow`}>Escrow</label>
              <select
                id={`${id}-escrow`}
                value={settings.escrow}
                onChange={(e) => set('escrow', e.target.value as EscrowChoice)}
              >
                {(Object.keys(ESCROW_LABELS) as EscrowChoice[]).map((k) => (
                  <option key={k} value={k}>
                    {ESCROW_LABELS[k]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className={w.actions}>
            <button type="submit" className="primary" disabled={generating || !settings.seed.trim()}>
              Generate world
            </button>
            {generating && (
              <>
                <div
                  className={attack.progress}
                  role="progressbar"
                  aria-label="Generating the world"
                  aria-valuetext={`${elapsed.toFixed(0)} s elapsed`}
                >
                  <div className={`${attack.progressBar} ${attack.progressIndeterminate}`} />
                </div>
                <button type="button" onClick={() => controller.current?.abort()}>
                  Cancel
                </button>
              </>
            )}
          </div>
          <p role="status" aria-live="polite" className={w.hint}>
            {generating
              ? `Generating in a worker: every key made, every message sealed, relayed and opened (${elapsed.toFixed(0)} s).`
              : world
                ? `World ready: ${world.counts.people} people, ${world.counts.conversations} conversations, ${world.counts.messages} messages (${world.counts.escrowed} escrowed), generated in ${world.timing.generateMs.toFixed(0)} ms.`
                : ''}
          </p>
          {error && (
            <p role="alert" className={w.error}>
              {error}
            </p>
          )}
          <p className={w.hint}>
            The seed makes every key and message reproducible (demo randomness, never for real use).{' '}
            {clampInt(settings.conversations, 1, 120, 20) > maxConversations
              ? `At most ${maxConversations} conversations for ${sizes.people} people.`
              : ''}
          </p>
          <ShareLinkPanel
            buttonLabel="Share these settings"
            linkLabel="Link to this world"
            makeUrl={() =>
              attackLabShareUrl(window.location.origin, {
                ...sizesOf(settings),
                seed: settings.seed.trim() || DEFAULT_LAB_SEED,
                mode: settings.mode,
                escrow: settings.escrow,
              })
            }
            note="Seed, size, key agreement and escrow: whoever opens it and generates the world gets the same keys and messages."
          />
        </form>
        {world && <GodView world={world} />}
      </section>

      <section className={styles.section} aria-labelledby={`${id}-attack`}>
        <h2 id={`${id}-attack`}>2. Attack it</h2>
        <AttackConsoleView store={consoleStore} />
      </section>

      <section className={styles.section} aria-labelledby={`${id}-forge`}>
        <h2 id={`${id}-forge`}>3. Forge a message</h2>
        {world ? <ForgePanel world={world} /> : <p className={w.hint}>Generate a world first.</p>}
      </section>

      <section className={styles.section} aria-labelledby={`${id}-blast`}>
        <h2 id={`${id}-blast`}>4. Blast radius: three worlds</h2>
        <BlastRadius key={JSON.stringify(compared)} title="The same thefts in three worlds" options={compared} />
        {(compareFrom.messages ?? 300) > 1000 && (
          <p className={w.hint}>
            The comparison builds three worlds, so it uses the same seed and people with 1,000 messages instead of{' '}
            {compareFrom.messages}.
          </p>
        )}
      </section>
    </>
  );
}
