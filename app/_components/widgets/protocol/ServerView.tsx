'use client';
import { memo, useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import type { TwoPartyConversation } from '@/lib/protocol/two-party-conversation';
import type { RelayedMessage } from '@/lib/store/relay-conversation-store';
import type { KeyDirectory } from '@/lib/protocol/key-directory';
import type { WireRecord } from '@/lib/protocol/relay';
import { AEAD_TAG_BYTES, summarizeTraffic } from '@/lib/protocol/relay-metadata';
import {
  serverHeldKeyCandidates,
  tryKeysOnRecords,
  type CandidateKey,
  type KeyTrialResult,
} from '@/lib/protocol/server-key-trial';
import { ACTORS, ActorBadge } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import styles from '../crypto/widgets.module.css';
import own from './protocol.module.css';
import { formatClock, formatGap, hexPreview, useRelayConversation } from './relay-conversation';

const NAME: Record<string, string> = { alice: 'Alice', bob: 'Bob' };

/** The keys the server can make, per directory: both instances of the widget share one computation. */
const candidateCache = new WeakMap<KeyDirectory, CandidateKey[]>();

/**
 * The server's own attempt: every key it can make from what it holds, on every stored envelope. Run
 * in a task of its own after each change, so a send never waits for it.
 */
function useServerKeyTrial(
  records: readonly WireRecord[] | undefined,
  directory: KeyDirectory | undefined,
): KeyTrialResult | null {
  const [trial, setTrial] = useState<{ records: readonly WireRecord[]; result: KeyTrialResult } | null>(null);
  useEffect(() => {
    if (!records || records.length === 0 || !directory) return;
    const timer = setTimeout(() => {
      let keys = candidateCache.get(directory);
      if (!keys) {
        keys = serverHeldKeyCandidates(records, directory);
        candidateCache.set(directory, keys);
      }
      setTrial({ records, result: tryKeysOnRecords(records, keys) });
    });
    return () => clearTimeout(timer);
  }, [records, directory]);
  return trial && trial.records === records ? trial.result : null;
}
const nameOf = (id: string) => NAME[id] ?? id;

/**
 * The relay server's side of the lesson's conversation: the public keys it relayed, one row per
 * stored envelope (no plaintext column: it has none), what its own keys open when it tries them
 * (decryption is run, on every envelope), and the metadata it learns from the rows anyway.
 */
export function ServerView() {
  // Deferred: a send re-renders this (often hidden) view in a transition React can slice, not in
  // the send's own task.
  const messages = useDeferredValue(useRelayConversation((s) => s.messages));
  const conversation = useDeferredValue(useRelayConversation((s) => s.conversation));
  return <ServerViewBody messages={messages} conversation={conversation} />;
}

const ServerViewBody = memo(function ServerViewBody({
  messages,
  conversation,
}: {
  messages: readonly RelayedMessage[];
  conversation: TwoPartyConversation | null;
}) {
  const id = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const records = conversation?.records;
  const directory = conversation?.directory;

  const trial = useServerKeyTrial(records, directory);
  const summary = useMemo(
    () =>
      summarizeTraffic(
        messages.map((m) => ({
          sender: m.sender,
          recipient: m.recipient,
          receivedAt: m.receivedAt,
          size: m.record.envelope.ciphertext.length,
        })),
      ),
    [messages],
  );
  const inspected = messages.find((m) => m.seq === picked) ?? messages[messages.length - 1];

  return (
    <section className={styles.widget} aria-label="What the server stores">
      <h3 className={styles.title}>
        <span>
          <ActorBadge actor="server" />: what it stores
        </span>
      </h3>

      <h4 className={own.sub}>Key material on the server</h4>
      {directory ? (
        <>
          {Object.values(directory.identities).map((identity) => (
            <ByteView
              key={identity.id}
              label={`${identity.name}'s public key (relayed)`}
              value={identity.identityPublicKey}
              actor="server"
              from={`sent by ${identity.name}'s phone, passed on to the other phone`}
              testId={`server-key-${identity.id}`}
            />
          ))}
          <p className={styles.hint}>
            No secret key, no shared secret, no message key: those never left the two phones.
          </p>
        </>
      ) : (
        <p className={styles.hint}>None yet: the phones hand their public keys to the server with the first message.</p>
      )}

      <h4 className={own.sub} id={`${id}-log`}>
        Stored envelopes
      </h4>
      {messages.length === 0 ? (
        <p className={styles.hint}>The server has stored nothing yet. Send a message through the server first.</p>
      ) : (
        <>
          <div className={own.tableWrap} role="region" aria-labelledby={`${id}-log`} tabIndex={0}>
            <table className={own.table} data-testid="server-log">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Sender</th>
                  <th scope="col">Recipient</th>
                  <th scope="col">Received</th>
                  <th scope="col">Size</th>
                  <th scope="col">Ciphertext (first bytes)</th>
                </tr>
              </thead>
              <tbody>
                {messages.map((m) => (
                  <tr key={m.seq}>
                    <td>{m.seq + 1}</td>
                    <td style={{ color: ACTORS[m.sender].color }}>{nameOf(m.sender)}</td>
                    <td style={{ color: ACTORS[m.recipient].color }}>{nameOf(m.recipient)}</td>
                    <td className={own.num}>{formatClock(m.receivedAt)}</td>
                    <td className={own.num}>{m.record.envelope.ciphertext.length} B</td>
                    <td>
                      <code className={own.preview}>{hexPreview(m.record.envelope.ciphertext)}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-pick`}>Envelope to inspect</label>
            <select id={`${id}-pick`} value={inspected?.seq ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
              {messages.map((m) => (
                <option key={m.seq} value={m.seq}>
                  {`#${m.seq + 1}: ${nameOf(m.sender)} → ${nameOf(m.recipient)}, ${m.record.envelope.ciphertext.length} bytes`}
                </option>
              ))}
            </select>
          </div>
          {inspected && (
            <>
              <ByteView
                label={`Envelope ${inspected.seq + 1}: header`}
                value={inspected.headerBytes}
                actor="server"
                from="in the clear: sender, recipient, conversation, counter, time sent"
              />
              <ByteView
                label={`Envelope ${inspected.seq + 1}: ciphertext ‖ tag`}
                value={inspected.record.envelope.ciphertext}
                actor="server"
                from="stored and forwarded unchanged: the same bytes the recipient received"
                testId="server-ciphertext"
              />
            </>
          )}
          {trial && (
            <p
              className={`${styles.verdict} ${trial.opened === 0 ? styles.ok : styles.bad}`}
              data-testid="server-trial"
            >
              The server tried {trial.keys} keys it can make from what it holds (the public keys, and HKDF of X25519
              with a public key in place of a secret) on all {trial.envelopes} envelopes: {trial.opened} of{' '}
              {trial.envelopes} opened.
            </p>
          )}
        </>
      )}

      <h4 className={own.sub}>What the rows still tell the server</h4>
      {summary ? (
        <dl className={own.facts} data-testid="server-metadata">
          <dt>Who writes to whom</dt>
          <dd>
            <ul className={own.plainList}>
              {summary.pairs.map((p) => (
                <li key={p.between.join('-')}>
                  {nameOf(p.between[0])} and {nameOf(p.between[1])}: {p.messages} message{p.messages === 1 ? '' : 's'},{' '}
                  {p.bytes} bytes (
                  {p.directions.map((d) => `${nameOf(d.from)} → ${nameOf(d.to)}: ${d.messages}`).join('; ')})
                </li>
              ))}
            </ul>
          </dd>
          <dt>When</dt>
          <dd>
            first at {formatClock(summary.firstAt)}, last at {formatClock(summary.lastAt)}
          </dd>
          <dt>How often</dt>
          <dd>
            {summary.gaps.length === 0
              ? 'one message so far'
              : `gaps between messages: ${summary.gaps.map(formatGap).join(', ')}`}
          </dd>
          <dt>How much</dt>
          <dd>
            {summary.totalBytes} bytes of ciphertext in all; message lengths (size − {AEAD_TAG_BYTES}):{' '}
            {summary.messageLengths.map((n) => `${n} B`).join(', ')}
          </dd>
        </dl>
      ) : (
        <p className={styles.hint}>Nothing yet: with no envelopes there is no metadata either.</p>
      )}
    </section>
  );
});
