/**
 * The components the presenter window renders a lesson's MDX with: no widgets (the lesson runs in
 * the audience window), only each step's `<Notes>` and the first paragraph of its prose, handed
 * to `PresenterStepNotes`, which shows the current step's notes and the next step's opening lines.
 * A server module: the notes are rendered here, for this route only; learner pages render the
 * same MDX with `LearnerNotes`, which drops them (see LearnerNotes.tsx).
 */
import type { MDXComponents } from 'mdx/types';
import { Children, isValidElement, type ReactNode } from 'react';
import { widgetSpecs } from '@/lib/lessons/widget-names';
import { PresenterStepNotes } from './PresenterStepNotes';

function PresenterNotes({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

function PresenterStep({ id, children }: { id: string; children?: ReactNode }) {
  const parts = Children.toArray(children);
  // The validator keeps <Notes> directly inside <Step> (rule notes-placement), so this finds them all.
  const notes = parts.filter((part) => isValidElement(part) && part.type === PresenterNotes);
  const preview = parts.find((part) => isValidElement(part) && part.type === 'p');
  return <PresenterStepNotes id={id} notes={notes.length > 0 ? notes : null} preview={preview ?? null} />;
}

const nothing = () => null;

/** Every registered element renders nothing here, except Step and Notes. */
export const presenterComponents: MDXComponents = {
  ...Object.fromEntries(Object.keys(widgetSpecs).map((name) => [name, nothing])),
  Step: PresenterStep,
  Notes: PresenterNotes,
};
