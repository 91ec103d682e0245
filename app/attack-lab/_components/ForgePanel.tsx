'use client';
/**
 * Forgery in the lab: pick a captured message, let the thief recover its key from the escrow field
 * with the stolen escrow key, write new text, and deliver it to the recipient's ordinary client.
 * With escrow on, the tag verifies and the forgery is shown as genuine; with escrow off there is
 * no key, and the keyless attempt fails the tag. All in the world worker.
 */
import { useId, useState } from 'react';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { ForgeResult, KeylessForgery } from '@/lib/scenarios/forgery';
import { getWorldClient } from '../../_components/world/world-client';
import { ByteView } from '../../_components/bytes/ByteView';
import { ActorIcon } from '../../_components/actors';
import { PersonBadge } from '../../_components/widgets/attack/PersonBadge';
import attack from '../../_components/widgets/attack/attack.module.css';
import w from '../../_components/widgets/crypto/widgets.module.css';

const DEFAULT_TEXT = 'Change of plan: send the files to this address instead';

/** The forge panel for one world. */
export function ForgePanel({ world }: { world: WorldSummary }) {
  const id = useId();
  const name = (pid: string) => world.participants.find((p) => p.id === pid)?.name ?? pid;
  const candidates = world.schedule.slice(0, 400);
  const [seq, setSeq] = useState(candidates[Math.min(5, candidates.length - 1)]?.seq ?? 0);
  const [text, setText] = useState(DEFAULT_TEXT);
  const [keyless, setKeyless] = useState<KeylessForgery>('edit-ciphertext');
  const [result, setResult] = useState<ForgeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = result;

  return (
    <div className={w.widget}>
      <h3 className={w.title}>
        <ActorIcon actor="thief" /> Forge with the stolen escrow key
      </h3>
      <p className={w.hint}>
        The thief steals the escrow key{world.escrow ? '' : ' (in this world there is none: escrow is off)'}, takes one
        captured envelope, recovers its message key from the escrow field, seals new text under the same header, and
        delivers it to the recipient&apos;s ordinary client.
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            setResult(await getWorldClient().forge(world.worldId, seq, text, { keyless }));
          } catch (err) {
            setError(err instanceof Error ? err.message : String(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className={w.field} style={{ minWidth: 0 }}>
          <label htmlFor={`${id}-msg`}>Captured message to rewrite</label>
          <select
            id={`${id}-msg`}
            style={{ width: '100%', minWidth: 0 }}
            value={seq}
            onChange={(e) => setSeq(Number(e.target.value))}
          >
            {candidates.map((m) => (
              <option key={m.seq} value={m.seq}>
                #{m.seq} {formatSimTime(m.sentAt)} {name(m.sender)} → {name(m.recipient)}:{' '}
                {m.text.length > 50 ? `${m.text.slice(0, 50)}…` : m.text}
              </option>
            ))}
          </select>
        </div>
        <div className={w.field}>
          <label htmlFor={`${id}-text`}>New text</label>
          <textarea id={`${id}-text`} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
        </div>
        <fieldset className={attack.scenarios}>
          <legend>Without a key, the thief tries to</legend>
          <label className={attack.scenario}>
            <input
              type="radio"
              name={`${id}-keyless`}
              checked={keyless === 'edit-ciphertext'}
              onChange={() => setKeyless('edit-ciphertext')}
            />
            <span>edit the ciphertext in place</span>
            <small>
              XOR in (old text ⊕ new text), knowing the old text: the stream cipher obeys, the tag does not.
            </small>
          </label>
          <label className={attack.scenario}>
            <input
              type="radio"
              name={`${id}-keyless`}
              checked={keyless === 'random-key'}
              onChange={() => setKeyless('random-key')}
            />
            <span>seal under a key of its own</span>
            <small>A valid ChaCha20-Poly1305 envelope, under the wrong key.</small>
          </label>
        </fieldset>
        <div className={w.actions}>
          <button type="submit" className="primary" disabled={busy || !text.trim()}>
            Forge and deliver
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className={w.error}>
          {error}
        </p>
      )}
      {shown && (
        <div data-testid="forge-result">
          <p>
            Original #{shown.seq}: <PersonBadge id={shown.original.sender} name={name(shown.original.sender)} /> →{' '}
            <PersonBadge id={shown.original.recipient} name={name(shown.original.recipient)} />,{' '}
            {formatSimTime(shown.original.sentAt)}: &ldquo;{shown.original.text}&rdquo;{' '}
            {shown.original.escrowed ? '(carries an escrow field)' : '(no escrow field)'}
          </p>
          <ByteView
            label="Captured ciphertext ‖ tag"
            value={shown.original.ciphertext}
            actor="eve"
            from="the wire: ChaCha20-Poly1305 under the sender's message key"
            formats={['hex', 'base64']}
          />
          {shown.recoveredKey ? (
            <ByteView
              label="Message key recovered from the escrow field"
              value={shown.recoveredKey}
              actor="thief"
              secret
              from="HPKE-open the epoch key with the stolen escrow key, walk the wrap chain, unwrap"
              formats={['hex', 'base64']}
            />
          ) : (
            <p className={w.hint}>
              No message key: {shown.noKeyReason}. The thief{' '}
              {shown.method === 'edited-ciphertext-without-key'
                ? 'edits the ciphertext in place instead'
                : 'seals under a key of its own instead'}
              .
            </p>
          )}
          <ByteView
            label="Forged ciphertext ‖ tag"
            value={shown.forgedCiphertext}
            actor="thief"
            from={
              shown.method === 'resealed-with-escrowed-key'
                ? 'the new text sealed under the recovered key, same header'
                : shown.method === 'edited-ciphertext-without-key'
                  ? 'captured ciphertext ⊕ (old text ⊕ new text), old tag kept'
                  : 'the new text sealed under a random key'
            }
            formats={['hex', 'base64']}
          />
          <div role="status">
            {shown.delivery.accepted ? (
              <p className={`${w.verdict} ${w.bad}`} data-testid="forge-verdict">
                {name(shown.original.recipient)}&apos;s client accepted it as genuine from {name(shown.original.sender)}
                : &ldquo;{shown.delivery.plaintext}&rdquo;
              </p>
            ) : (
              <p className={`${w.verdict} ${w.ok}`} data-testid="forge-verdict">
                {name(shown.original.recipient)}&apos;s client refused it (
                {shown.delivery.reason === 'tag-failed' ? 'the tag failed' : 'rejected'}): {shown.delivery.message}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
