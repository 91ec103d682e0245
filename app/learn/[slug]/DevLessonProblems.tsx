import type { DevLessonProblem } from './dev-lesson-problems';
import styles from './page.module.css';

/**
 * Development only: what is wrong with the lesson being edited, in place of the lesson. Saving a
 * fix updates the page (the dev server re-renders it), back on the step in the address bar.
 */
export function DevLessonProblems({ slug, problems }: { slug: string; problems: readonly DevLessonProblem[] }) {
  return (
    <main id="main" className={styles.page}>
      <section className={styles.problems} aria-labelledby="problems-title">
        <h1 id="problems-title">
          Lesson &ldquo;{slug}&rdquo; has {problems.length} problem{problems.length === 1 ? '' : 's'} to fix
        </h1>
        <p>
          Fix {problems.length === 1 ? 'it' : 'them'} and save: this page updates by itself. (Shown by{' '}
          <code>npm run dev</code> only; <code>npm run lessons:check</code> reports the same.)
        </p>
        <ul>
          {problems.map((p, i) => (
            <li key={i}>
              <code>{p.where}</code>: {p.message}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
