'use client';
/**
 * The Double Ratchet's chains as a picture (lib/scenarios/ratchet-chains.ts): Alice and Bob take
 * turns with the lab's real ratchet; each turn is a new root key and ratchet key and a chain of
 * chain keys, each giving one message key. Turns appear one at a time ("Next turn"); a new one
 * fades in unless reduced motion is asked for. Spec: lib/lessons/widget-names.ts.
 */
import { useState } from 'react';
import { bytesToHex } from '@/lib/crypto/bytes';
import { csprng, seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { traceRatchetChains, type RatchetTurnTrace } from '@/lib/scenarios/ratchet-chains';
import { ActorBadge } from '../../actors';
import { currentSeed } from '../../seed/use-seed';
import w from '../crypto/widgets.module.css';
import styles from './ratchet.module.css';

const TURNS = [
  { sender: 'alice' as const, messages: 2 },
  { sender: 'bob' as const, messages: 3 },
  { sender: 'alice' as const, messages: 2 },
];

const short = (b: Uint8Array) => (bytesToHex(b.subarray(0, 8)).match(/.{8}/g) ?? []).join(' ') + ' …';

function run(round: number): RatchetTurnTrace[] {
  const seed = currentSeed();
  const random = seed ? seededRandom(`${seed}|ratchet-chains|${round}`) : csprng();
  return traceRatchetChains({ alice: generateKeyPair(random), bob: generateKeyPair(random), turns: TURNS, random });
}

export function RatchetChains() {
  const [round, setRound] = useState(0);
  const [trace, setTrace] = useState<RatchetTurnTrace[] | null>(null);
  const [shown, setShown] = useState(1);
  const start = () => {
    setTrace(run(round));
    setRound(round + 1);
    setShown(1);
  };
  return (
    <section className={w.widget} aria-label="The ratchet's chains">
      <h3 className={w.title}>The ratchet&apos;s chains, turn by turn</h3>
      <p className={w.hint}>
        Alice sends 2, Bob 3, Alice 2, through the lab&apos;s Double Ratchet with fresh key pairs. Each turn: a new
        ratchet key pair, its DH output mixed into the root key, and a new chain of keys.
      </p>
      <div className={w.actions}>
        <button type="button" className={trace ? undefined : 'primary'} onClick={start}>
          {trace ? 'Run it again (new keys)' : 'Run the conversation'}
        </button>
        {trace && shown < trace.length && (
          <button type="button" className="primary" onClick={() => setShown(shown + 1)}>
            Next turn
          </button>
        )}
      </div>
      {trace && (
        <ol className={styles.turns} aria-label="Turns">
          {trace.slice(0, shown).map((t, i) => (
            <li key={i} className={styles.turn} data-testid={`ratchet-turn-${i}`}>
              <p className={styles.turnHead}>
                <strong>Turn {i + 1}</strong> <ActorBadge actor={t.sender} /> sends {t.links.length}
              </p>
              <p className={styles.root}>
                <span className={styles.key}>
                  new root key <code>{short(t.rootKey)}</code>
                </span>
                <span className={styles.key}>
                  new ratchet public key <code>{short(t.ratchetPublicKey)}</code>
                </span>
              </p>
              <p className={styles.down}>
                ↓ HKDF(previous root key, X25519 with the new ratchet key) gives the new root key and chain key 0
              </p>
              <ol className={styles.chain} aria-label={`Turn ${i + 1} chain`}>
                {t.links.map((l) => (
                  <li key={l.messageNumber} className={styles.link}>
                    <span className={styles.chainKey}>
                      chain key {l.messageNumber}
                      <code>{short(l.chainKey)}</code>
                    </span>
                    <span className={styles.down} aria-hidden="true">
                      ↓ HMAC(·, 0x01)
                    </span>
                    <span className={styles.messageKey}>
                      message {l.messageNumber + 1} key
                      <code>{short(l.messageKey)}</code>
                      <small>{l.receiverAgrees ? '✓ receiver derives the same' : '✗ receiver differs'}</small>
                    </span>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
      {trace && (
        <p className={w.hint} aria-live="polite">
          {shown < trace.length
            ? `Turn ${shown} of ${trace.length}. Next chain keys come by HMAC(chain key, 0x02), left to right; nothing leads back.`
            : 'Every turn started from a new root key: a thief with one chain key reads the rest of that chain, and nothing of the next turn.'}
        </p>
      )}
    </section>
  );
}
