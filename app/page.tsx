import { Catalogue } from './_components/catalogue/Catalogue';

export default function Home() {
  return (
    <main id="main" style={{ maxWidth: '60rem', margin: '0 auto', padding: 'var(--space-5) var(--space-4) var(--space-7)' }}>
      <h1>Backdoor Lab</h1>
      <Catalogue />
    </main>
  );
}
