'use client';
/**
 * The first look's crypto (X25519, HKDF, ChaCha20-Poly1305: about 30 kB gzip) is loaded right after
 * the page hydrates instead of with it, keeping `/` inside its first-load budget. Until it arrives,
 * a static outline of the five steps stands in its place.
 */
import dynamic from 'next/dynamic';
import styles from './FirstLook.module.css';

const FirstLook = dynamic(() => import('./FirstLook').then((m) => m.FirstLook), {
  ssr: false,
  loading: () => (
    <div className={styles.loading} role="status">
      <p>Loading the lab…</p>
      <ol>
        <li>Each side makes a key pair</li>
        <li>They swap public keys and compute a shared secret</li>
        <li>They turn the secret into a message key</li>
        <li>Alice encrypts; Bob decrypts</li>
        <li>Eve changes one bit on the way</li>
      </ol>
    </div>
  ),
});

export function FirstLookLoader() {
  return <FirstLook />;
}
