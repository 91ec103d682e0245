import { ActorBadge } from './_components/actors';
import { Catalogue } from './_components/catalogue/Catalogue';
import { FirstLookLoader } from './_components/FirstLookLoader';
import styles from './page.module.css';

export default function Home() {
  return (
    <main id="main" className={styles.main}>
      <section className={styles.hero} aria-labelledby="hero-title">
        <h1 id="hero-title">Backdoor Lab</h1>
        <p className={styles.lede}>
          Learn how end-to-end encryption works with real keys and real bytes: key exchange, key derivation,
          authenticated encryption. Then switch on the &ldquo;exceptional access&rdquo; key that governments have asked
          messengers to add, and play the attacker who steals it.
        </p>
        <p className={styles.cast}>
          The cast: <ActorBadge actor="alice" />, <ActorBadge actor="bob" />, <ActorBadge actor="eve" />,{' '}
          <ActorBadge actor="server" />, <ActorBadge actor="escrow" /> and <ActorBadge actor="thief" />. Every value you
          see is computed in your browser by audited libraries (@noble/curves, @noble/ciphers, @noble/hashes). Nothing
          leaves this page.
        </p>
      </section>

      <div id="lessons" className={styles.section}>
        <Catalogue />
      </div>

      <section id="first-look" className={styles.section} aria-labelledby="first-look-title">
        <h2 id="first-look-title">First look: one encrypted message</h2>
        <p>
          Alice wants to send Bob a message that Eve, who copies everything on the network, cannot read or change. Press
          the buttons in order; each one runs the real algorithm.
        </p>
        <FirstLookLoader />
      </section>
    </main>
  );
}
