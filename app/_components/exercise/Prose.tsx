import type { ReactNode } from 'react';

/** Exercise text: blank lines separate paragraphs; `backticks` mark code. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          {paragraph
            .split(/(`[^`]+`)/)
            .map((part, j): ReactNode =>
              part.startsWith('`') && part.endsWith('`') && part.length > 1 ? (
                <code key={j}>{part.slice(1, -1)}</code>
              ) : (
                part
              ),
            )}
        </p>
      ))}
    </>
  );
}
