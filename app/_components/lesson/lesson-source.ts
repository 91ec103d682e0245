/**
 * A lesson's parts as the lesson, presenter and audience routes need them, from the generated
 * lesson registry (lessons/index.ts, written by scripts/generate-lesson-registry.ts). Server-only:
 * content is compiled MDX, exercises are built here.
 */
import { lessonContent, lessonExercises, lessons, tracks } from '@/lessons/index';
import { courseOrder, findLesson, nextLesson } from '@/lib/lessons/course';
import { loadLessonExerciseSpecs } from '@/lib/lessons/lesson-exercises';

/** Every lesson slug, for generateStaticParams. */
export function lessonSlugs(): { slug: string }[] {
  return courseOrder(tracks).map((slug) => ({ slug }));
}

export function lessonBySlug(slug: string) {
  return findLesson(lessons, slug);
}

/** The lesson's compiled MDX, or undefined for an unknown slug. */
export async function lessonMdx(slug: string) {
  const load = Object.hasOwn(lessonContent, slug) ? lessonContent[slug] : undefined;
  return load ? (await load()).default : undefined;
}

/** The lesson's code exercises, built with the app's own crypto (as the lesson page does). */
export async function lessonExerciseSpecs(slug: string) {
  const load = Object.hasOwn(lessonExercises, slug) ? lessonExercises[slug] : undefined;
  return load ? loadLessonExerciseSpecs((await load()).exercises) : [];
}

export function nextLessonLink(slug: string): { slug: string; title: string } | null {
  const next = nextLesson(tracks, lessons, slug);
  return next ? { slug: next.slug, title: next.title } : null;
}
