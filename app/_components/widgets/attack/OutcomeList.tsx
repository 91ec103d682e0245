'use client';
/**
 * The attacker's results, one row per captured envelope: who to whom, when, and the text it opened
 * to (or that the tag refused every key, or that no key applied). Filterable by person, outcome
 * and text; long lists are shown a page at a time.
 */
import { useId, useMemo, useState } from 'react';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { OutcomeRow } from '@/lib/attack-lab/world-messages';
import { PersonBadge, personName } from './PersonBadge';
import styles from './attack.module.css';

const PAGE = 40;
const KIND_LABEL: Record<OutcomeRow['kind'], string> = {
  opened: 'opened',
  'tag-failed': 'tag failed',
  'no-key': 'no key',
  'outside-warrant': 'outside the warrant',
};
const KIND_CLASS: Record<OutcomeRow['kind'], string> = {
  opened: styles.kindOpened!,
  'tag-failed': styles.kindFailed!,
  'no-key': styles.kindNone!,
  'outside-warrant': styles.kindNone!,
};

/** The filterable list of outcomes. `mine` marks the learner's own messages by seq. */
export function OutcomeList({
  rows,
  people,
  mine,
}: {
  rows: readonly OutcomeRow[];
  people: readonly { readonly id: string; readonly name: string }[];
  mine: ReadonlySet<number>;
}) {
  const id = useId();
  const [person, setPerson] = useState('');
  const [kind, setKind] = useState<'' | OutcomeRow['kind']>('opened');
  const [text, setText] = useState('');
  const [shown, setShown] = useState(PAGE);
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (!person || r.sender === person || r.recipient === person) &&
        (!kind || r.kind === kind) &&
        (!needle || (r.plaintext ?? '').toLowerCase().includes(needle)),
    );
  }, [rows, person, kind, text]);

  return (
    <div>
      <div className={styles.filters} role="group" aria-label="Filter the results">
        <div className={styles.filter}>
          <label htmlFor={`${id}-kind`}>Outcome</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as typeof kind);
              setShown(PAGE);
            }}
          >
            <option value="opened">Opened</option>
            <option value="tag-failed">Tag failed</option>
            <option value="no-key">No key</option>
            <option value="">All</option>
          </select>
        </div>
        <div className={styles.filter}>
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
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filter}>
          <label htmlFor={`${id}-text`}>Text contains</label>
          <input
            id={`${id}-text`}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setShown(PAGE);
            }}
          />
        </div>
        <span role="status" className={styles.timing}>
          {filtered.length} of {rows.length} envelopes
        </span>
      </div>
      <div
        className={`${styles.scroll} ${styles.scrollTall}`}
        tabIndex={0}
        role="region"
        aria-label="Decryption results"
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.num}>
                #
              </th>
              <th scope="col">From → to</th>
              <th scope="col">Sent</th>
              <th scope="col">Outcome</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, shown).map((r) => (
              <tr
                key={r.seq}
                className={mine.has(r.seq) ? styles.mine : undefined}
                data-testid={mine.has(r.seq) ? 'my-message-row' : undefined}
              >
                <td className={styles.num}>{r.seq}</td>
                <td>
                  <PersonBadge id={r.sender} name={personName(r.sender, people)} /> →{' '}
                  <PersonBadge id={r.recipient} name={personName(r.recipient, people)} />
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>{formatSimTime(r.sentAt)}</td>
                <td className={KIND_CLASS[r.kind]} title={r.key}>
                  {KIND_LABEL[r.kind]}
                </td>
                <td className={styles.text}>
                  {r.plaintext ?? (
                    <span className={styles.kindNone}>
                      {r.kind === 'tag-failed' ? `tried: ${r.key ?? ''}` : 'ciphertext only'}
                    </span>
                  )}
                  {mine.has(r.seq) && <span className={styles.tagMine}>your message</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {filtered.length > shown && (
        <div className={styles.row} style={{ marginTop: 'var(--space-2)' }}>
          <button type="button" onClick={() => setShown((n) => n + PAGE)}>
            Show {Math.min(PAGE, filtered.length - shown)} more
          </button>
        </div>
      )}
    </div>
  );
}
