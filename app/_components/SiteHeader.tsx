import Link from 'next/link';
import { ActorIcon } from './actors';
import { ThemeControl } from './ThemeControl';
import styles from './SiteHeader.module.css';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <ActorIcon actor="escrow" size={22} />
          Backdoor Lab
        </Link>
        <nav aria-label="Main" className={styles.nav}>
          <Link href="/#lessons">Lessons</Link>
          <Link href="/#first-look">First look</Link>
          <Link href="/attack-lab">Attack lab</Link>
          <Link href="/code">Code lab</Link>
        </nav>
        <ThemeControl />
      </div>
    </header>
  );
}
