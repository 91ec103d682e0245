import type { ReactNode } from 'react';

/**
 * A line of exercise or check text with `backticked` spans shown as code, inline (no paragraph):
 * check messages and run errors are written this way, and the backticks must not show.
 */
export function CodeSpans({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, j): ReactNode =>
          part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
            <code key={j}>{part.slice(1, -1)}</code>
          ) : (
            part
          ),
        )}
    </>
  );
}

/** Exercise text: paragraphs separated by a blank line, `backticked` spans shown as code. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          <CodeSpans text={paragraph} />
        </p>
      ))}
    </>
  );
}
