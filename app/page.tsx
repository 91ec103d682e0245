import { SeedLink } from './_components/seed/SeedLink';
import { ActorBadge } from './_components/actors';
import { Catalogue } from './_components/catalogue/Catalogue';
import { FirstLookLoader } from './_components/FirstLookLoader';
import { WireAtAGlanceLoader } from './_components/landing/WireAtAGlanceLoader';
import { displayFont } from './fonts/display';
import styles from './page.module.css';

export default function Home() {
  return (
    <main id="main" className={`${styles.main} ${displayFont.variable}`}>
      <section className={styles.hero} aria-labelledby="hero-title">
        <div className={styles.heroTitle}>
          <p className={styles.eyebrow}>Backdoor Lab · an open-source cryptography sandbox</p>
          <h1 id="hero-title" className={styles.display}>
            One extra key. <span className={styles.displayAccent}>Everyone&apos;s messages.</span>
          </h1>
        </div>
        <div className={styles.heroPicture}>
          <WireAtAGlanceLoader />
        </div>
        <div className={styles.heroText}>
          <p className={styles.lede}>
            Build end-to-end encryption from real keys and real bytes: key exchange, key derivation, authenticated
            encryption. Then add the lawful access that US, UK and Australian officials asked Facebook for in 2019, as
            this lab builds it (an escrow key; their letter names no mechanism), and play the attacker who steals it.
          </p>
          <div className={styles.actions}>
            <a className="button primary" href="#first-look">
              Take the first look
            </a>
            <SeedLink className="button" href="/learn/welcome">
              Start the course
            </SeedLink>
            <SeedLink className="button" href="/attack-lab">
              Open the attack lab
            </SeedLink>
          </div>
          <p className={styles.cast}>
            The cast: <ActorBadge actor="alice" />, <ActorBadge actor="bob" />, <ActorBadge actor="eve" />,{' '}
            <ActorBadge actor="server" />, <ActorBadge actor="escrow" /> and <ActorBadge actor="thief" />.
          </p>
        </div>
      </section>

      <p className={styles.provenance}>
        Every value you see is computed in your browser. The primitives come from audited libraries (@noble/curves,
        @noble/ciphers, @noble/hashes); HPKE, the Double Ratchet and the escrow are this lab&apos;s own code on top of
        them. Nothing leaves this page.
      </p>

      <section id="first-look" className={styles.section} aria-labelledby="first-look-title">
        <h2 id="first-look-title" className={styles.sectionTitle}>
          First look: one encrypted message
        </h2>
        <p className={styles.sectionLede}>
          Alice wants to send Bob a message that Eve, who copies everything on the network, cannot read, or change
          undetected. Press the buttons in order; each one runs the real algorithm.
        </p>
        <FirstLookLoader />
      </section>

      <div id="lessons" className={`${styles.section} ${styles.lessons}`}>
        <Catalogue />
      </div>

      <section className={styles.section} aria-labelledby="labs-title">
        <h2 id="labs-title" className={styles.sectionTitle}>
          Labs
        </h2>
        <ul className={styles.labs}>
          <li className={styles.lab}>
            <h3>
              <SeedLink href="/attack-lab">Attack lab</SeedLink>
            </h3>
            <p>
              Generate a world of people and thousands of messages, pick what the thief steals, and watch real
              decryption count what opens: per user, per conversation, before and after the theft.
            </p>
          </li>
          <li className={styles.lab}>
            <h3>
              <SeedLink href="/code">Code lab</SeedLink>
            </h3>
            <p>Write TypeScript against the lab&apos;s real crypto in an isolated sandbox and run it.</p>
          </li>
        </ul>
      </section>
    </main>
  );
}
