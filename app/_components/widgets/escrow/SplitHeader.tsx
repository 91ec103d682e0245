import { memo } from 'react';
import { equalBytes, xorBytes } from '@/lib/crypto/bytes';
import type { SplitReply } from '@/lib/escrow-lab/escrow-lab-messages';
import type { SplitScheme } from '@/lib/scenarios/split-custody';
import widgetStyles from '../crypto/widgets.module.css';
import { Bytes } from './Bytes';
import { BytesOnDemand } from './BytesOnDemand';
import styles from './escrow.module.css';

/** The key, its public key and (XOR) the check that the components rebuild it. Memoised: instances in hidden steps re-render on every store change. */
export const SplitHeader = memo(function SplitHeader({ split, scheme }: { split: SplitReply; scheme: SplitScheme }) {
  const xorOk =
    scheme === 'xor' && split.pieces.length === 2
      ? equalBytes(xorBytes(split.pieces[0]!.bytes, split.pieces[1]!.bytes), split.secretKey)
      : null;
  return (
    <>
      <BytesOnDemand summary="Show the authority's key pair">
        <Bytes
          label="Escrow authority's public key"
          value={split.publicKey}
          actor="escrow"
          from="public: every phone has it, and it is what every recombination is checked against"
          testId={`split-${scheme}-public-key`}
        />
        <Bytes
          label="Escrow authority's secret key (before splitting)"
          value={split.secretKey}
          actor="escrow"
          secret
          from="32 bytes; after the split no single agency keeps it"
        />
      </BytesOnDemand>
      {xorOk !== null && (
        <p className={`${styles.result} ${xorOk ? widgetStyles.ok : widgetStyles.bad}`}>
          {xorOk ? '✓ KU1 ⊕ KU2 equals the key (computed here).' : '✗ KU1 ⊕ KU2 does not equal the key.'}
        </p>
      )}
      <p className={widgetStyles.hint}>
        {scheme === 'xor'
          ? 'KU1 is 32 random bytes; KU2 = key ⊕ KU1. Tick the agencies the thief breaks into.'
          : `${split.pieces.length} shares of ${split.pieces[0]!.bytes.length} bytes (the key's 32 plus the x-coordinate); any ${split.threshold} rebuild the key. Tick the agencies the thief breaks into.`}
      </p>
    </>
  );
});
