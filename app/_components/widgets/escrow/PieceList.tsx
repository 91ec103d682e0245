import { memo } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { SplitReply } from '@/lib/escrow-lab/escrow-lab-messages';
import type { SplitScheme } from '@/lib/scenarios/split-custody';
import { Bytes } from './Bytes';
import { BytesOnDemand } from './BytesOnDemand';
import styles from './escrow.module.css';
import type { SplitState } from './split-keys-store';

/** Every piece, who holds it, and whether the thief has stolen it. */
export const PieceList = memo(function PieceList({
  split,
  scheme,
  stolen,
  store,
}: {
  split: SplitReply;
  scheme: SplitScheme;
  stolen: readonly string[];
  store: StoreApi<SplitState>;
}) {
  const pieceWord = scheme === 'xor' ? 'component' : 'share';
  return (
    <ul className={styles.pieces} aria-label={`The ${pieceWord}s and who holds them`}>
      {split.pieces.map((p, i) => {
        const taken = stolen.includes(p.agencyId);
        return (
          <li key={p.agencyId} className={styles.piece} data-stolen={taken}>
            <div className={styles.pieceHead}>
              <span>{p.agencyName}</span>
              <label>
                <input
                  type="checkbox"
                  checked={taken}
                  onChange={(e) => {
                    const now = store.getState().stolen;
                    store.setState({
                      stolen: e.target.checked ? [...now, p.agencyId] : now.filter((a) => a !== p.agencyId),
                    });
                  }}
                />
                Stolen by the thief
              </label>
            </div>
            <BytesOnDemand summary={`Show ${scheme === 'xor' ? `KU${i + 1}` : `share ${i + 1}`}`}>
              <Bytes
                label={scheme === 'xor' ? `KU${i + 1}` : `Share ${i + 1}`}
                value={p.bytes}
                actor={taken ? 'thief' : 'escrow'}
                secret
                from={
                  scheme === 'xor'
                    ? i === 0
                      ? '32 random bytes'
                      : 'the key ⊕ KU1'
                    : `the polynomial's value at x = ${p.bytes[p.bytes.length - 1]} (last byte)`
                }
                testId={`piece-${p.agencyId}`}
              />
            </BytesOnDemand>
          </li>
        );
      })}
    </ul>
  );
});
