'use client';
/**
 * The landing page's point in one picture: one message from Alice to Bob sealed by the lab's real
 * client twice, escrow off and escrow on (lib/escrow-lab/escrow-switch.ts, in the escrow lab
 * worker), drawn as the bytes on the wire, part by part, with who can open each envelope found by
 * trying. Fresh key pairs on every seal (seeded demo randomness in seeded mode).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { bytesToHex, equalBytes } from '@/lib/crypto/bytes';
import { csprng, seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import type { SwitchReply } from '@/lib/escrow-lab/escrow-lab-messages';
import type { OpeningAttempt, SwitchEnvelope } from '@/lib/escrow-lab/escrow-switch';
import { ActorIcon, ACTORS } from '../actors';
import { callEscrowLab } from '../widgets/escrow/escrow-lab-client';
import { useLabScope } from '../widgets/escrow/use-lab-task';
import styles from './landing.module.css';

const DEFAULT_TEXT = 'See you at the library at 6';

/** "a1b2c3d4 e5f6a7b8 …": whole 4-byte groups, never a broken one. */
function hexGroups(bytes: Uint8Array, groups: number): string[] {
  const hex = bytesToHex(bytes.subarray(0, groups * 4));
  return hex.match(/.{1,8}/g) ?? [];
}

function Excerpt({ label, bytes }: { label: string; bytes: Uint8Array }) {
  return (
    <div className={styles.excerpt}>
      <span className={styles.excerptLabel}>{label}</span>{' '}
      <code>
        {hexGroups(bytes, 3).map((g, i) => (
          <span key={i} className={styles.group}>
            {g}
          </span>
        ))}
        <span aria-hidden="true">…</span>
      </code>
    </div>
  );
}

interface Part {
  readonly name: string;
  readonly bytes: number;
  readonly kind: 'header' | 'sealed' | 'escrow';
}

function partsOf(e: SwitchEnvelope): Part[] {
  const list: Part[] = [
    { name: 'header', bytes: e.size.header, kind: 'header' },
    { name: 'ciphertext + tag', bytes: e.size.ciphertext, kind: 'sealed' },
  ];
  if (e.escrow) list.push({ name: 'escrow field', bytes: e.size.escrow, kind: 'escrow' });
  return list;
}

function Strip({ envelope, scale }: { envelope: SwitchEnvelope; scale: number }) {
  const parts = partsOf(envelope);
  return (
    <div
      className={styles.strip}
      style={{ width: `${Math.max(12, (envelope.size.total / scale) * 100)}%` }}
      role="img"
      aria-label={parts.map((p) => `${p.name} ${p.bytes} bytes`).join(', ')}
    >
      {parts.map((p) => (
        <span key={p.name} className={styles[p.kind]} style={{ flexGrow: p.bytes }}>
          <span className={styles.partName}>{p.name}</span>
        </span>
      ))}
    </div>
  );
}

const READERS = ['bob', 'server', 'escrow'] as const;

function Readers({ attempts }: { attempts: readonly OpeningAttempt[] }) {
  return (
    <ul className={styles.readers} aria-label="Who opens it (found by trying)">
      {READERS.map((who) => {
        const a = attempts.find((x) => x.who === who);
        const opened = a?.outcome === 'opened';
        return (
          <li key={who} className={opened ? styles.opens : styles.cannot}>
            <ActorIcon actor={who} size={18} /> {ACTORS[who].name}: {opened ? '✓ opens it' : '✗ cannot'}
          </li>
        );
      })}
    </ul>
  );
}

/** The two envelopes and who opens each. */
export function WireAtAGlance() {
  const id = useId();
  const { scope, seed } = useLabScope();
  const [text, setText] = useState(DEFAULT_TEXT);
  const [reply, setReply] = useState<SwitchReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);

  const seal = useCallback(
    async (message: string, n: number) => {
      if (message.trim() === '') {
        setError('Type a message for Alice to send.');
        return;
      }
      setBusy(true);
      setError(null);
      try {
        const random = (who: string) => (seed ? seededRandom(`${seed}|landing|${who}|${n}`) : csprng());
        const alice = generateKeyPair(random('alice'));
        const bob = generateKeyPair(random('bob'));
        setReply(await callEscrowLab('switch', { scope, seed, alice, bob, text: message, escrow: true }));
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [scope, seed],
  );

  // The first seal waits for idle time, so it never competes with the page's first input.
  useEffect(() => {
    const start = () => void seal(DEFAULT_TEXT, 0);
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(start, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const handle = setTimeout(start, 0);
    return () => clearTimeout(handle);
  }, [seal]);

  const off = reply?.result.off;
  const on = reply?.result.on;
  const scale = on?.size.total ?? off?.size.total ?? 1;
  const sameCiphertext = off && on ? equalBytes(off.body, on.body) : false;
  const sameTag = off && on ? equalBytes(off.tag, on.tag) : false;
  return (
    <figure className={styles.glance} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className={styles.glanceTitle}>
        The same message on the wire, escrow off and on
      </figcaption>
      <form
        className={styles.glanceForm}
        onSubmit={(e) => {
          e.preventDefault();
          const next = round + 1;
          setRound(next);
          void seal(text, next);
        }}
      >
        <label htmlFor={`${id}-text`}>Alice&apos;s message</label>
        <input id={`${id}-text`} value={text} maxLength={120} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={busy}>
          {busy ? 'Sealing…' : 'Seal it again'}
        </button>
      </form>
      {error && (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      )}
      <div aria-live="polite" aria-busy={busy}>
        {!reply && !error && <p className={styles.muted}>Sealing with fresh keys…</p>}
        {off && on && reply?.result.attemptsOn && (
          <>
            <div className={styles.envelope} data-testid="glance-off">
              <p className={styles.envTitle}>
                <strong>Escrow off</strong> · {off.size.total} bytes
              </p>
              <Strip envelope={off} scale={scale} />
              <Excerpt label="ciphertext" bytes={off.body} />
              <Readers attempts={reply.result.attemptsOff} />
            </div>
            <div className={`${styles.envelope} ${styles.envelopeOn}`} data-testid="glance-on">
              <p className={styles.envTitle}>
                <strong>Escrow on</strong> · {on.size.total} bytes
              </p>
              <Strip envelope={on} scale={scale} />
              <Excerpt label="ciphertext" bytes={on.body} />
              {on.escrow && <Excerpt label="escrow field (HPKE enc)" bytes={on.escrow.enc} />}
              <Readers attempts={reply.result.attemptsOn} />
            </div>
            <p className={styles.verdict}>
              {sameCiphertext ? 'Byte for byte the same ciphertext' : 'A different ciphertext'}
              {sameTag ? ' and tag' : ' (the tag differs: the header now names the escrow epoch)'}. The{' '}
              {on.size.total - off.size.total} extra bytes carry this message&apos;s key, wrapped under an epoch key
              that is sealed to one authority&apos;s public key: whoever holds its secret key reads it.
            </p>
          </>
        )}
      </div>
    </figure>
  );
}
