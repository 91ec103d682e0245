import type { Metadata } from 'next';
import { PresenterRoom } from '../_components/room/PresenterRoom';
import styles from './page.module.css';

export const metadata: Metadata = {
  title: 'Live room · Backdoor Lab',
  description:
    "Run a workshop: the audience's phones send each other end-to-end encrypted messages, you switch on escrow, then leak the key and the projector shows what it opens.",
};

/** The presenter's room: create it, show the join code, run the projector. */
export default function RoomPage() {
  return (
    <main id="main" className={styles.page}>
      <h1>Live room</h1>
      <p className={styles.lede}>
        The audience joins from their phones and sends each other messages sealed on the phone. The projector shows what
        the server sees: ciphertext only. Switch escrow on, let them send more, then leak the escrow key and watch what
        it opens.
      </p>
      <PresenterRoom />
    </main>
  );
}
