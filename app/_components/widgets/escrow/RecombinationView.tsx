import { memo } from 'react';
import type { Recombination } from '@/lib/escrow-lab/escrow-lab-messages';
import { ActorBadge } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { Bytes } from './Bytes';
import styles from './escrow.module.css';

/** One recombination: the value, its public key, the named check and the decryption of the recorded traffic. */
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
      {r.candidate ? (
        <Bytes
          label="Recombined value"
          value={r.candidate}
          actor={who}
          secret
          from={r.combineError ?? 'XOR of the components, or Lagrange interpolation at x = 0 of the shares'}
        />
      ) : (
        <p className={widgetStyles.hint}>{r.combineError}</p>
      )}
      {r.candidatePublicKey && (
        <Bytes label="Its public key" value={r.candidatePublicKey} actor={who} from="X25519(recombined value, 9)" />
      )}
      <p
        className={`${styles.result} ${r.check.passed ? widgetStyles.ok : widgetStyles.bad}`}
        data-testid={`${testId}-check`}
      >
        {r.check.passed ? '✓ Check passed' : '✗ Check failed'}: <code>{r.check.name}</code>
      </p>
      <p className={widgetStyles.hint}>{r.check.message}</p>
      <p
        className={`${styles.result} ${(who === 'thief' ? r.opened > 0 : r.opened < r.total) ? widgetStyles.bad : widgetStyles.ok}`}
        data-testid={`${testId}-opened`}
      >
        Tried on the recorded traffic:{' '}
        <span className={styles.count}>
          {r.opened} of {r.total}
        </span>{' '}
        messages opened.
      </p>
    </div>
  );
});
