/**
 * Vitest's global setup: generates the built-in course's lesson registry (lessons/index.ts, not
 * committed) before any test imports it, as `npm run dev`, `build` and `lessons:check` do.
 */
import path from 'node:path';
import { courseLocation, generateLessonRegistry } from './generate-lesson-registry';

export default function setup(): void {
  generateLessonRegistry(courseLocation(path.resolve(import.meta.dirname, '..'), undefined));
}
