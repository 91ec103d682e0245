'use client';
import { Suspense } from 'react';
import { useSearchParams } from 'next/navigation';
import { Derive } from './widgets/crypto/Derive';
import { EncryptDecrypt } from './widgets/crypto/EncryptDecrypt';
import { KeyExchange } from './widgets/crypto/KeyExchange';
import { KeyPair } from './widgets/crypto/KeyPair';
import { LabProvider } from './widgets/crypto/LabProvider';
import { Tamper } from './widgets/crypto/Tamper';
import { Wire } from './widgets/crypto/Wire';
import styles from './FirstLook.module.css';

/** The landing page's hands-on demo: a whole exchange, one message, Eve watching. */
export function FirstLook() {
  return (
    <Suspense fallback={<FirstLookLab />}>
      <SeededFirstLook />
    </Suspense>
  );
}

function SeededFirstLook() {
  // `?seed=workshop` makes every byte reproducible (shown as demo randomness), for handouts.
  const seed = useSearchParams().get('seed')?.slice(0, 64) || undefined;
  return <FirstLookLab seed={seed} />;
}

function FirstLookLab({ seed }: { seed?: string }) {
  return (
    <LabProvider seed={seed}>
      {seed && (
        <p className={styles.demo} role="note">
          Seeded mode: every random value comes from the seed &lsquo;{seed}&rsquo; (demo randomness), so the same bytes appear on
          every screen that uses this link. Never do this with real keys.
        </p>
      )}
      <div className={styles.grid}>
        <div className={styles.flow}>
          <ol className={styles.steps}>
            <li>
              <h3>1. Each side makes a key pair</h3>
              <div className={styles.pair}>
                <KeyPair actor="alice" />
                <KeyPair actor="bob" />
              </div>
            </li>
            <li>
              <h3>2. They swap public keys and compute a shared secret</h3>
              <KeyExchange />
            </li>
            <li>
              <h3>3. They turn the secret into a message key</h3>
              <Derive />
            </li>
            <li>
              <h3>4. Alice encrypts; Bob decrypts</h3>
              <EncryptDecrypt />
            </li>
            <li>
              <h3>5. Eve changes one bit on the way</h3>
              <Tamper />
            </li>
          </ol>
        </div>
        <aside className={styles.side} aria-label="Eve's panel">
          <Wire />
        </aside>
      </div>
    </LabProvider>
  );
}
