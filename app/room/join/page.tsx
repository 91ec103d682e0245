import type { Metadata } from 'next';
import { JoinRoom } from '../../_components/room/JoinRoom';
import styles from '../page.module.css';

export const metadata: Metadata = {
  title: 'Join a live room · Backdoor Lab',
  description: 'Join the presenter’s live room from your phone: no account, no install.',
};

/** The audience's page, opened from the link or the QR code (`?code=`) or typed in. */
export default async function JoinRoomPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  return (
    <main id="main" className={styles.narrow}>
      <h1>Live room</h1>
      <JoinRoom initialCode={typeof code === 'string' ? code.slice(0, 9) : ''} />
    </main>
  );
}
