import { highlightTypeScript } from './highlight-typescript';
import styles from './CodeExercise.module.css';

/** Read-only, syntax-coloured code: no Monaco, so it costs nothing to show on every page. */
export function StaticCode({ code, label }: { code: string; label: string }) {
  return (
    <pre className={styles.staticCode} aria-label={label} tabIndex={0}>
      <code>
        {highlightTypeScript(code).map((token, i) =>
          token.kind === 'plain' ? (
            token.text
          ) : (
            <span key={i} className={styles[`tok_${token.kind}`]}>
              {token.text}
            </span>
          ),
        )}
      </code>
    </pre>
  );
}
