'use client';
/**
 * Loads the landing page's escrow picture after hydration (its crypto and the escrow lab worker's
 * client stay out of `/`'s first-load JS). Until it arrives, an outline says what is coming, with
 * no bytes: nothing is shown that was not computed.
 */
import dynamic from 'next/dynamic';
import styles from './landing.module.css';

const WireAtAGlance = dynamic(() => import('./WireAtAGlance').then((m) => m.WireAtAGlance), {
  ssr: false,
  loading: () => (
    <div className={styles.glance} role="status">
      <p className={styles.glanceTitle}>The same message on the wire, escrow off and on</p>
      <p className={styles.muted}>Loading the lab: Alice seals one message twice with fresh keys…</p>
    </div>
  ),
});

export function WireAtAGlanceLoader() {
  return <WireAtAGlance />;
}
