'use client';
import { useStore, type StoreApi } from 'zustand';
import { isRunStale, walletHasCapture, type AttackConsoleState } from '@/lib/store/attack-console-store';
import { ProgressBar } from './ProgressBar';
import { Results } from './Results';
import styles from '../attack.module.css';
import w from '../../crypto/widgets.module.css';

/** "Decrypt everything captured": the run's progress and cancel, what stopped it, and its results. */
export function DecryptPanel({
  store,
  onAction,
}: {
  store: StoreApi<AttackConsoleState>;
  onAction?: (id: string) => void;
}) {
  const run = useStore(store, (s) => s.run);
  const world = useStore(store, (s) => s.world);
  const mine = useStore(store, (s) => s.learnerMessages);
  const hasCapture = useStore(store, (s) => walletHasCapture(s.wallet));
  const stale = useStore(store, isRunStale);
  const running = run.status === 'running';

  return (
    <div className={styles.panel}>
      <h4>Decrypt</h4>
      <div className={styles.row}>
        <button
          type="button"
          className="primary"
          disabled={running || !hasCapture}
          onClick={async () => {
            const result = await store.getState().decryptAll();
            if (result && !result.cancelled) {
              onAction?.('decrypt-all');
              if (result.loot.items.some((i) => i.kind === 'escrow-key')) onAction?.('decrypt-all:escrow');
            }
          }}
        >
          Decrypt everything captured
        </button>
        {running && (
          <>
            <ProgressBar done={run.progress?.done ?? 0} total={run.progress?.total ?? 0} label="Decryption progress" />
            <button type="button" onClick={() => store.getState().cancel()}>
              Cancel
            </button>
          </>
        )}
      </div>
      {!hasCapture && (
        <p className={w.hint}>
          Capture something first: tap the wire or take over the server. Keys alone decrypt nothing you do not hold.
        </p>
      )}
      <p role="status" aria-live="polite" className={w.hint}>
        {running
          ? `Decrypting in a worker: ${run.progress?.done ?? 0} of ${run.progress?.total ?? '…'} envelopes, ${run.progress?.counts?.opened ?? 0} opened so far.`
          : run.status === 'cancelled'
            ? `Cancelled after ${run.result?.rows.length ?? 0} of ${run.result?.capture.envelopes ?? 0} envelopes.`
            : ''}
      </p>
      {run.error && (
        <p role="alert" className={w.error}>
          {run.error}
        </p>
      )}
      {stale && (
        <p className={styles.stale}>The wallet changed since this run: decrypt again to see what it opens now.</p>
      )}
      {run.result && world && <Results result={run.result} world={world} mine={new Set(mine.map((m) => m.seq))} />}
    </div>
  );
}
