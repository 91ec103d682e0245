/**
 * `<Notes>` on a learner's page: nothing. This is a server component (no 'use client') on
 * purpose: the lesson MDX renders on the server, and React serializes a client component's props,
 * children included, into the page's HTML (the RSC payload) even when it renders nothing. A server
 * component returning null ends the tree here, so the notes' text never reaches the learner's HTML
 * (e2e/present.spec.ts reads every lesson's HTML to prove it). The presenter window renders the
 * same MDX with `PresenterNotes` instead (present-components.tsx).
 */
export function LearnerNotes(): null {
  return null;
}
