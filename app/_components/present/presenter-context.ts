'use client';
/** What the presenter window's step slots read: which step is on the projector, and which slot this is. */
import { createContext, useContext } from 'react';
import type { Lesson } from '@/lib/lessons/lesson-types';

export interface PresenterSlot {
  readonly lesson: Lesson;
  /** The step on the projector, 0-based. */
  readonly current: number;
  /** "now" shows the current step's notes; "next" shows the next step's opening lines. */
  readonly slot: 'now' | 'next';
}

export const PresenterSlotContext = createContext<PresenterSlot | null>(null);

export function usePresenterSlot(): PresenterSlot {
  const value = useContext(PresenterSlotContext);
  if (!value) throw new Error('PresenterStepNotes must be rendered inside the presenter window.');
  return value;
}
