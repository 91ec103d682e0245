'use client';
/**
 * Lesson 6: one message from Alice to Bob, sealed by the real client with escrow off and on, side
 * by side; every byte shown is computed (lib/escrow-lab/escrow-switch.ts, in the worker). The first
 * switch-on creates the escrow authority's key pair. Who can open what is found by trying.
 */
import { startTransition, useId, useState } from 'react';
import { bytesToUtf8 } from '@/lib/crypto/bytes';
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { SwitchReply } from '@/lib/escrow-lab/escrow-lab-messages';
import type { OpeningAttempt, SwitchEnvelope } from '@/lib/escrow-lab/escrow-switch';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge, type ActorId } from '../../actors';
import { useLab } from '../crypto/lab-hooks';
import widgetStyles from '../crypto/widgets.module.css';
import { callEscrowLab } from './escrow-lab-client';
import { Bytes } from './Bytes';
import styles from './escrow.module.css';
import { EscrowToggle, TaskStatus } from './EscrowToggle';
import { LabTaskError, useLabScope, useLabTask } from './use-lab-task';
import { useProgressive } from './use-progressive';

interface Sealed extends SwitchReply {
  readonly alice: X25519KeyPair;
  readonly bob: X25519KeyPair;
  readonly text: string;
}

const DEFAULT_TEXT = 'Meet me at the library at 6';

export function EscrowSwitch() {
  const id = useId();
  const alice = useLab((s) => s.keys.alice);
  const bob = useLab((s) => s.keys.bob);
  const [text, setText] = useState(DEFAULT_TEXT);
  const [escrowOn, setEscrowOn] = useState(false);
  const [sealed, setSealed] = useState<Sealed | null>(null);
  const task = useLabTask();
  const { scope, seed } = useLabScope();
  const demo = alice?.randomness === 'demo';
  const stale = sealed !== null && (sealed.alice !== alice || sealed.bob !== bob);

  const seal = (escrow: boolean) =>
    task.run(escrow ? 'Sealing with escrow…' : 'Sealing…', async () => {
      if (!alice || !bob) {
        const missing = [!alice && "Alice's", !bob && "Bob's"].filter(Boolean).join(' and ');
        throw new LabTaskError(`Generate ${missing} key pair${!alice && !bob ? 's' : ''} first (in the step before).`);
      }
      if (text.trim().length === 0) throw new LabTaskError('Type a message for Alice to send.');
      const reply = await callEscrowLab('switch', { scope, seed, alice, bob, text, escrow });
      // A transition: React renders the dozen byte views in slices instead of one long task.
      startTransition(() => {
        setSealed({ ...reply, alice, bob, text });
        setEscrowOn(escrow);
      });
      if (escrow && reply.result.on) recordLessonAction('escrow:on');
    });

  const on = escrowOn ? (sealed?.result.on ?? null) : null;
  // Off envelope, on envelope, its escrow field, who can open: one commit each.
  const shown = useProgressive(sealed, 4);

  return (
    <section className={widgetStyles.widget} aria-label="Escrow switch">
      <h3 className={widgetStyles.title}>One message, with and without escrow</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void seal(escrowOn);
        }}
      >
        <div className={widgetStyles.field}>
          <label htmlFor={`${id}-text`}>Alice&apos;s message to Bob</label>
          <textarea id={`${id}-text`} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className={widgetStyles.actions}>
          <EscrowToggle
            label="Escrow"
            on={escrowOn}
            disabled={task.busy !== null}
            onChange={(next) => {
              if (next) void seal(true);
              else setEscrowOn(false);
            }}
          />
          <button type="submit" className={sealed ? undefined : 'primary'} disabled={task.busy !== null}>
            {sealed ? 'Seal the message again' : 'Seal the message'}
          </button>
        </div>
      </form>
      <TaskStatus error={task.error} busy={task.busy} />
      {stale && (
        <p className={widgetStyles.hint}>
          Alice&apos;s or Bob&apos;s key pair changed since this was sealed: seal the message again.
        </p>
      )}

      {sealed?.authorityPublicKey && (
        <div>
          <Bytes
            label="Escrow authority's public key"
            value={sealed.authorityPublicKey}
            actor="escrow"
            demo={demo}
            from="X25519 (HPKE DeriveKeyPair over 32 random bytes, RFC 9180 §7.1.3): built into every phone"
            testId="escrow-public-key"
          />
          <p className={styles.masked}>
            <strong>Escrow authority&apos;s secret key</strong>: <code aria-hidden="true">••••••••</code>
            <span className="visually-hidden">(hidden)</span> 32 bytes, kept by the authority. The phones never see it.
          </p>
        </div>
      )}

      {!sealed ? (
        <p className={widgetStyles.hint}>Nothing sealed yet. Seal the message, then turn escrow on.</p>
      ) : (
        <>
          <div className={widgetStyles.cols}>
            <div className={widgetStyles.col}>
              <h4 className={widgetStyles.colHead}>Escrow off</h4>
              <EnvelopeBytes env={sealed.result.off} demo={demo} testPrefix="off" />
            </div>
            <div className={widgetStyles.col}>
              <h4 className={widgetStyles.colHead}>Escrow on</h4>
              {on ? (
                shown >= 2 && (
                  <EnvelopeBytes
                    env={on}
                    compare={sealed.result.off}
                    demo={demo}
                    testPrefix="on"
                    withEscrowField={shown >= 3}
                  />
                )
              ) : (
                <p className={widgetStyles.hint}>
                  Escrow is off. Turn it on to seal the same message with the escrow field.
                </p>
              )}
            </div>
          </div>
          {shown >= 4 && <WhoCanOpen off={sealed.result.attemptsOff} on={on ? sealed.result.attemptsOn : null} />}
        </>
      )}
    </section>
  );
}

function EnvelopeBytes({
  env,
  compare,
  demo,
  testPrefix,
  withEscrowField = true,
}: {
  env: SwitchEnvelope;
  compare?: SwitchEnvelope;
  demo: boolean;
  testPrefix: string;
  withEscrowField?: boolean;
}) {
  const sameBody = compare ? equal(env.body, compare.body) : null;
  const sameTag = compare ? equal(env.tag, compare.tag) : null;
  return (
    <div data-testid={`envelope-${testPrefix}`}>
      <p className={styles.sizes}>
        Header {env.size.header} B + ciphertext and tag {env.size.ciphertext} B
        {env.escrow ? ` + escrow field ${env.size.escrow} B` : ''} ={' '}
        <strong data-testid={`envelope-${testPrefix}-total`}>{env.size.total} bytes</strong>
        {compare && <> ({env.size.total - compare.size.total} more than without escrow)</>}
      </p>
      <Bytes
        label="Header (associated data)"
        value={env.headerBytes}
        actor="alice"
        demo={demo}
        from={`sender, recipient, conversation, counter ${env.envelope.header.counter}, time${env.envelope.header.escrow ? `, escrow epoch ${env.envelope.header.escrow.epoch}` : ''}: sent in the clear, covered by the tag`}
      />
      <Bytes
        label="Nonce (not sent)"
        value={env.nonce}
        demo={demo}
        from="direction ‖ counter: both ends derive it, so it never repeats under this key"
      />
      <Bytes
        label="Ciphertext"
        value={env.body}
        actor="alice"
        demo={demo}
        testId={`envelope-${testPrefix}-ciphertext`}
        from={
          sameBody === null
            ? 'ChaCha20 under the conversation key: as long as the message'
            : sameBody
              ? 'identical to the envelope without escrow: same key, same nonce'
              : 'differs from the envelope without escrow'
        }
      />
      <Bytes
        label="Tag"
        value={env.tag}
        actor="alice"
        demo={demo}
        from={
          sameTag === null
            ? 'Poly1305 over the header and ciphertext'
            : sameTag
              ? 'identical to the envelope without escrow'
              : 'differs from the envelope without escrow: the header it covers now names the escrow epoch'
        }
      />
      {env.escrow && withEscrowField && (
        <fieldset className={styles.fieldGroup}>
          <legend>Escrow field</legend>
          <Bytes
            label="Epoch header"
            value={env.escrow.epochHeaderBytes}
            actor="escrow"
            demo={demo}
            from="conversation, sender, recipient, epoch, start: HPKE's aad, and after the label its info"
          />
          <Bytes
            label="enc (ephemeral public key)"
            value={env.escrow.enc}
            actor="escrow"
            demo={demo}
            from="a fresh X25519 key pair made for this seal; HPKE's encapsulated key"
            testId={`envelope-${testPrefix}-enc`}
          />
          <Bytes
            label="Sealed epoch key"
            value={env.escrow.sealedEpochKey}
            actor="escrow"
            demo={demo}
            from={`HPKE base mode to the authority's public key, info = "${bytesToUtf8(env.escrow.hpkeInfo.subarray(0, env.escrow.hpkeInfo.length - env.escrow.epochHeaderBytes.length))}" ‖ epoch header: 32-byte key + 16-byte tag`}
          />
          <Bytes
            label="Wrapped message key"
            value={env.escrow.wrappedKey}
            actor="escrow"
            demo={demo}
            from="this message's key, ChaCha20-Poly1305 under a wrap key from the epoch key's chain, aad = the header: 32 + 16 bytes"
            testId={`envelope-${testPrefix}-wrapped`}
          />
        </fieldset>
      )}
    </div>
  );
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const WHO: Readonly<Record<OpeningAttempt['who'], { actor: ActorId; suffix?: string }>> = {
  alice: { actor: 'alice' },
  bob: { actor: 'bob' },
  server: { actor: 'server', suffix: ' (and Eve)' },
  escrow: { actor: 'escrow' },
};

function Verdict({ attempt }: { attempt: OpeningAttempt | undefined }) {
  if (!attempt) return <span className={styles.neutral}>does not exist yet</span>;
  if (attempt.outcome === 'opened') {
    return (
      <span className={styles.yes}>
        ✓ opens it<span className={styles.quote}>&ldquo;{attempt.plaintext}&rdquo;</span>
      </span>
    );
  }
  return (
    <span className={styles.no}>
      ✗ {attempt.outcome === 'no-key' ? 'no key' : attempt.outcome === 'tag-failed' ? 'tag refused' : 'refused'}:{' '}
      <span className={`${styles.neutral} ${styles.detail}`}>{attempt.detail}</span>
    </span>
  );
}

/** Who could open each envelope, by trying: one card per party, with its result on each envelope. */
function WhoCanOpen({ off, on }: { off: readonly OpeningAttempt[]; on: readonly OpeningAttempt[] | null }) {
  const parties = (['alice', 'bob', 'server', 'escrow'] as const).filter(
    (w) => off.some((a) => a.who === w) || on?.some((a) => a.who === w),
  );
  return (
    <div data-testid="who-can-open">
      <h4>Who can open it: each party tried, with what it holds</h4>
      <ul className={styles.parties}>
        {parties.map((w) => {
          const a = off.find((x) => x.who === w);
          const b = on?.find((x) => x.who === w);
          return (
            <li key={w} data-party={w} className={styles.party}>
              <p className={styles.partyHead}>
                <ActorBadge actor={WHO[w].actor} suffix={WHO[w].suffix} />
                <span className={styles.quote}>holds {(a ?? b)!.holds}</span>
              </p>
              <dl className={styles.partyResults}>
                <div data-col="off">
                  <dt>Escrow off</dt>
                  <dd>
                    <Verdict attempt={a} />
                  </dd>
                </div>
                <div data-col="on">
                  <dt>Escrow on</dt>
                  <dd>{on ? <Verdict attempt={b} /> : <span className={styles.neutral}>escrow is off</span>}</dd>
                </div>
              </dl>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
