/**
 * `npm run lessons:minutes`: prints, for every lesson in lessons/index.ts, the estimate of
 * scripts/lesson-minutes-model.ts (reading at READING_WORDS_PER_MINUTE plus widget and exercise
 * allowances) next to the `minutes` its meta.ts declares, and flags a difference of more than one
 * minute. It only reports: an author sets `minutes` from it (lessons/README.md, "How minutes are set").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lessons } from '../lessons/index';
import { estimateLessonMinutes } from './lesson-minutes-model';

const rows = lessons.map((lesson) => {
  const mdx = readFileSync(path.join('lessons', lesson.slug, 'content.mdx'), 'utf8');
  return { lesson, estimate: estimateLessonMinutes(lesson, mdx) };
});
const width = Math.max(...rows.map((r) => r.lesson.slug.length));
console.log(`${'lesson'.padEnd(width)}  declared  estimate  (reading + quiz + widgets + exercises, minutes)`);
for (const { lesson, estimate: e } of rows) {
  const parts = [e.readingSeconds, e.quizSeconds, e.widgetSeconds, e.exerciseSeconds].map((s) => (s / 60).toFixed(1));
  const flag = Math.abs(e.minutes - lesson.minutes) > 1 ? '  <- differs' : '';
  const optional =
    e.optionalExerciseSeconds > 0 ? `  (+${Math.round(e.optionalExerciseSeconds / 60)} optional exercise)` : '';
  const unknown = e.unknown.length > 0 ? `  (no allowance: ${e.unknown.join(', ')})` : '';
  console.log(
    `${lesson.slug.padEnd(width)}  ${String(lesson.minutes).padStart(8)}  ${String(e.minutes).padStart(8)}  (${parts.join(' + ')}; ${e.proseWords + e.quizWords} words)${optional}${flag}${unknown}`,
  );
}
