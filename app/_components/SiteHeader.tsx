import { SeedLink } from './seed/SeedLink';
import { SeedModeBar } from './seed/SeedModeBar';
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
        <SeedLink href="/" className={styles.brand}>
          <ActorIcon actor="escrow" size={22} />
          Backdoor Lab
        </SeedLink>
        <nav aria-label="Main" className={styles.nav}>
          <SeedLink href="/#lessons">Lessons</SeedLink>
          <SeedLink href="/#first-look">First look</SeedLink>
          <SeedLink href="/attack-lab">Attack lab</SeedLink>
          <SeedLink href="/code">Code lab</SeedLink>
          <SeedLink href="/room">Live room</SeedLink>
        </nav>
        <ThemeControl />
      </div>
      <SeedModeBar />
    </header>
  );
}
