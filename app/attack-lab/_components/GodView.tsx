'use client';
/**
 * The god view of a generated world: who is in it (with their identity public keys), who talks
 * with whom about what, and every message: who, when, what. The attacker sees none of the texts;
 * this is the simulator's view, to check the attacker's results against.
 */
import { useId, useMemo, useState } from 'react';
import { bytesToHex } from '@/lib/crypto/bytes';
import { formatSimTime, MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import { PersonBadge } from '../../_components/widgets/attack/PersonBadge';
import attack from '../../_components/widgets/attack/attack.module.css';
import w from '../../_components/widgets/crypto/widgets.module.css';
import styles from './lab.module.css';

const PAGE = 100;

/** People, conversations and the message schedule. */
export function GodView({ world }: { world: WorldSummary }) {
  const id = useId();
  const [person, setPerson] = useState('');
  const [shown, setShown] = useState(PAGE);
  const topic = useMemo(() => new Map(world.conversations.map((c) => [c.id, c.topic])), [world]);
  const rows = useMemo(
    () => world.schedule.filter((m) => !person || m.sender === person || m.recipient === person),
    [world, person],
  );
  const name = (pid: string) => world.participants.find((p) => p.id === pid)?.name ?? pid;
  const days = Math.floor(world.endsAt / MINUTES_PER_DAY) + 1;

  return (
    <div className={w.widget}>
      <h3 className={w.title}>God view (the simulator&apos;s, not the thief&apos;s)</h3>
      <p className={styles.summary}>
        Seed &lsquo;{world.seed}&rsquo;: {world.counts.people} people, {world.counts.conversations} conversations,{' '}
        {world.counts.messages} messages over {days === 1 ? 'one simulated day' : `${days} simulated days`} (the last on{' '}
        {formatSimTime(world.endsAt)}); {world.mode === 'ratchet' ? 'Double Ratchet' : 'static keys'};{' '}
        {world.escrow
          ? `escrow on (${world.escrow.variant}; ${world.counts.escrowed} envelopes carry an escrow field)`
          : 'escrow off'}
        ; {world.counts.ciphertextBytes.toLocaleString('en')} bytes of ciphertext on the wire.
      </p>
      <h4>People</h4>
      <ul className={styles.people}>
        {world.participants.map((p) => (
          <li key={p.id}>
            <PersonBadge id={p.id} name={p.name} />
            <code title={`identity public key ${bytesToHex(p.identityPublicKey)}`}>
              {bytesToHex(p.identityPublicKey).slice(0, 16)}…
            </code>
          </li>
        ))}
      </ul>
      {world.escrow && (
        <p className={w.hint}>
          Escrow authorities:{' '}
          {world.escrow.authorities
            .map((a) => `${a.name} (public key ${bytesToHex(a.publicKey).slice(0, 16)}…)`)
            .join('; ')}
          . Key held by: {world.escrow.agencies.map((a) => `${a.agencyName} (${a.kind})`).join(', ')}.
        </p>
      )}
      <div className={styles.cols}>
        <div>
          <h4>Conversations</h4>
          <div
            className={`${attack.scroll} ${attack.scrollTall}`}
            tabIndex={0}
            role="region"
            aria-label="Conversations"
          >
            <table className={attack.table}>
              <thead>
                <tr>
                  <th scope="col">Between</th>
                  <th scope="col">Topic</th>
                  <th scope="col" className={attack.num}>
                    Messages
                  </th>
                </tr>
              </thead>
              <tbody>
                {world.conversations.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <PersonBadge id={c.initiator} name={name(c.initiator)} /> ↔{' '}
                      <PersonBadge id={c.responder} name={name(c.responder)} />
                    </td>
                    <td>{c.topic}</td>
                    <td className={attack.num}>{c.messages}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h4>Messages</h4>
          <div className={attack.filters}>
            <div className={attack.filter}>
              <label htmlFor={`${id}-person`}>Person</label>
              <select
                id={`${id}-person`}
                value={person}
                onChange={(e) => {
                  setPerson(e.target.value);
                  setShown(PAGE);
                }}
              >
                <option value="">Everyone</option>
                {world.participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <span className={attack.timing}>
              {rows.length} messages{rows.length > shown ? `, first ${shown} shown` : ''}
            </span>
          </div>
          <div
            className={`${attack.scroll} ${attack.scrollTall}`}
            tabIndex={0}
            role="region"
            aria-label="Message schedule"
          >
            <table className={attack.table}>
              <thead>
                <tr>
                  <th scope="col" className={attack.num}>
                    #
                  </th>
                  <th scope="col">Sent</th>
                  <th scope="col">From → to</th>
                  <th scope="col">Text (topic)</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, shown).map((m) => (
                  <tr key={m.seq} className={m.learner ? attack.mine : undefined}>
                    <td className={attack.num}>{m.seq}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{formatSimTime(m.sentAt)}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {name(m.sender)} → {name(m.recipient)}
                    </td>
                    <td className={attack.text}>
                      {m.text} <span className={w.hint}>({topic.get(m.conversationId)})</span>
                      {m.learner && <span className={attack.tagMine}>your message</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown && (
            <div className={w.actions}>
              <button type="button" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, rows.length - shown)} more
              </button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
