/**
 * A worked example of a course kept outside the lab: its own folder (or repository) with a
 * tracks.ts and one folder per lesson. Build the lab with it:
 *
 *   LESSONS_DIR=examples/course npm run lessons:check
 *   LESSONS_DIR=examples/course npm run build
 *
 * Lessons import only the lab's types and code through `@/` (the lab's root), exactly as the
 * built-in lessons do. See lessons/README.md, "A course of your own".
 */
import type { Track } from '@/lib/lessons/lesson-types';

export const tracks = [
  {
    id: 'workshop',
    title: 'Workshop: two keys',
    description: 'An example course kept outside the lab: one lesson on how two people agree on a secret.',
    lessons: ['two-keys'],
  },
] satisfies Track[];
