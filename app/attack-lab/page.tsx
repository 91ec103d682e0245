import type { Metadata } from 'next';
import { AttackLab } from './_components/AttackLab';
import styles from './page.module.css';

export const metadata: Metadata = {
  title: 'Attack lab · Backdoor Lab',
  description:
    'Generate a seeded world of people and encrypted conversations, then play the attacker: tap the wire, take over the server, steal a phone or the escrow key, decrypt everything, forge a message, and compare the blast radius with and without escrow.',
};

/** The free attack lab: a seeded world, the attacker's console, forgery and the blast radius. Static; all work runs in a worker. */
export default function AttackLabPage() {
  return (
    <main id="main" className={styles.page}>
      <header className={styles.header}>
        <h1>Attack lab</h1>
        <p className={styles.lede}>
          A simulated messenger with real cryptography: people with X25519 identity keys, conversations sealed with
          ChaCha20-Poly1305, optionally the Double Ratchet and an escrow key. Generate a world from a seed, look at it
          as a god would, then attack it as a thief. Every count on this page comes from decryption actually run in a
          background worker in your browser.
        </p>
      </header>
      <AttackLab />
    </main>
  );
}
