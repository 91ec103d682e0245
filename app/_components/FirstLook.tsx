'use client';
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
    <LabProvider>
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
