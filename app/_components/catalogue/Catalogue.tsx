import { SeedLink } from '@/app/_components/seed/SeedLink';
import { lessons, tracks } from '@/lessons/index';
import { findLesson } from '@/lib/lessons/course';
import type { Lesson } from '@/lib/lessons/lesson-types';
import { ProgressTools } from '../progress/ProgressTools';
import { ContinueLink, type CatalogueLesson } from './ContinueLink';
import { LessonProgressBadge } from './LessonProgressBadge';
import { TrackProgress } from './TrackProgress';
import styles from './Catalogue.module.css';

const LEVELS = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

/** What the client parts need to know of a lesson (ids and titles only). */
function brief(lesson: Lesson): CatalogueLesson {
  return {
    slug: lesson.slug,
    title: lesson.title,
    steps: lesson.steps.map((s) => ({ id: s.id, title: s.title })),
    exercises: lesson.steps.flatMap((s) => (s.exercise ? [s.exercise] : [])),
  };
}

/**
 * The course catalogue: tracks in order with their lessons (time, level, objectives) and, once
 * stored progress is read, the learner's status per lesson and a Continue link.
 */
export function Catalogue() {
  const ordered = tracks.map((track) => ({
    ...track,
    lessons: track.lessons.map((slug) => findLesson(lessons, slug)).filter((l): l is Lesson => l !== undefined),
  }));
  return (
    <section className={styles.catalogue} aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Lessons</h2>
      <ContinueLink tracks={tracks.map((t) => ({ lessons: t.lessons }))} lessons={lessons.map(brief)} />
      {ordered.map((track) => (
        <section key={track.id} className={styles.track} aria-labelledby={`track-${track.id}`}>
          <h3 id={`track-${track.id}`}>{track.title}</h3>
          <p className={styles.description}>{track.description}</p>
          <TrackProgress lessons={track.lessons.map(brief)} />
          <ol className={styles.lessons}>
            {track.lessons.map((lesson) => (
              <li key={lesson.slug} className={styles.lesson}>
                <h4 className={styles.lessonTitle}>
                  <SeedLink href={`/learn/${lesson.slug}`}>{lesson.title}</SeedLink>
                </h4>
                <p>{lesson.summary}</p>
                <p className={styles.facts}>
                  {lesson.minutes} min · {LEVELS[lesson.level]} · {lesson.objectives.length} objective
                  {lesson.objectives.length === 1 ? '' : 's'} · {lesson.steps.length} steps
                  {lesson.steps.some((s) => s.exercise) ? ' · code exercise' : ''}
                </p>
                <LessonProgressBadge lesson={brief(lesson)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <ProgressTools />
    </section>
  );
}
