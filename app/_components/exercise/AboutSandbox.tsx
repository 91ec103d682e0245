import { ALLOWED_MODULE_NAMES } from '@/lib/sandbox/allowed-module-names';
import styles from './CodeExercise.module.css';

/** "What your code can use": the sandbox's limits and the modules learner code may import. */
export function AboutSandbox({ timeLimitMs }: { timeLimitMs: number }) {
  return (
    <details className={styles.about}>
      <summary>What your code can use</summary>
      <p>
        Your code runs in an isolated sandbox with no network, no page and no storage, for at most{' '}
        {(timeLimitMs / 1000).toFixed(1)} s per run. It can import:
      </p>
      <ul>
        {ALLOWED_MODULE_NAMES.map((name) => (
          <li key={name}>
            <code>{name}</code>
          </li>
        ))}
      </ul>
      <p>
        The lesson&apos;s data is in <code>lesson</code>. Send results back with <code>export const name = value</code>,
        or return them from <code>export default function solve(lesson)</code>.
      </p>
    </details>
  );
}
