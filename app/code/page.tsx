import type { Metadata } from 'next';
import { CodeLab } from './CodeLab';

export const metadata: Metadata = {
  title: 'Code lab · Backdoor Lab',
  description: 'Write and run real cryptography code (X25519, HKDF, ChaCha20-Poly1305) in an isolated sandbox.',
};

/** `/code`: a scratchpad with working examples, and one checked exercise to pick. */
export default function CodeLabPage() {
  return (
    <main id="main" style={{ maxWidth: '60rem', margin: '0 auto', padding: 'var(--space-5)' }}>
      <h1>Code lab</h1>
      <p>
        A scratchpad with real keys and real bytes: pick an example, run it, change it. Nothing is checked unless you
        pick the exercise. Your code runs in an isolated worker: no network, no access to this page, and a time limit.
      </p>
      <CodeLab />
    </main>
  );
}
