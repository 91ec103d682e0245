import { memo } from 'react';
import type { Recombination } from '@/lib/escrow-lab/escrow-lab-messages';
import { ActorBadge } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { Bytes } from './Bytes';
import { BytesOnDemand } from './BytesOnDemand';
import styles from './escrow.module.css';

/**
 * One recombination, summary first: the named check and how many recorded messages the value opened,
 * then the value and its public key on demand. Colour marks the check alone (passed or failed); the
 * count is a plain number, because "10 of 10 opened" is the thief's success and the authority's too.
 */
export const RecombinationView = memo(function RecombinationView({
  r,
  who,
  testId,
}: {
  r: Recombination;
  who: 'thief' | 'escrow';
  testId: string;
}) {
  return (
    <div data-testid={testId} className={styles.recombination}>
      <p className={widgetStyles.hint}>
        <ActorBadge actor={who} /> recombined {r.agencies.length} piece{r.agencies.length === 1 ? '' : 's'}
        {r.corrupted.length > 0 ? `, one of them corrupted (one bit of byte 1 flipped)` : ''}.
      </p>
      <p
        className={`${styles.result} ${r.check.passed ? widgetStyles.ok : widgetStyles.bad}`}
        data-testid={`${testId}-check`}
      >
        {r.check.passed ? '✓ Check passed' : '✗ Check failed'}: <code>{r.check.name}</code>
      </p>
      <p className={widgetStyles.hint}>{r.check.message}</p>
      <p className={styles.result} data-testid={`${testId}-opened`}>
        Tried on the recorded traffic:{' '}
        <span className={styles.count}>
          {r.opened} of {r.total}
        </span>{' '}
        messages opened.
      </p>
      {r.candidate ? (
        <BytesOnDemand summary="Show the recombined value and its public key">
          <Bytes
            label="Recombined value"
            value={r.candidate}
            actor={who}
            secret
            from={r.combineError ?? 'XOR of the components, or Lagrange interpolation at x = 0 of the shares'}
          />
          {r.candidatePublicKey && (
            <Bytes label="Its public key" value={r.candidatePublicKey} actor={who} from="X25519(recombined value, 9)" />
          )}
        </BytesOnDemand>
      ) : (
        <p className={widgetStyles.hint}>{r.combineError}</p>
      )}
    </div>
  );
});
