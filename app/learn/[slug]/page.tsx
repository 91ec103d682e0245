import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonExercisesProvider } from '@/app/_components/exercise/LessonExercises';
import { LessonPlayer } from '@/app/_components/lesson/LessonPlayer';
import { LessonTools } from '@/app/_components/present/LessonTools';
import { SeedLink } from '@/app/_components/seed/SeedLink';
import { LabProvider } from '@/app/_components/widgets/crypto/LabProvider';
import { LessonScope } from '@/app/_components/widgets/LessonScope';
import { lessonWidgets } from '@/app/_components/widgets/registry';
import { lessonBySlug, lessonExerciseSpecs, lessonMdx, lessonSlugs } from '@/app/_components/lesson/lesson-source';
import { lessons, tracks } from '@/lessons/index';
import { findLesson, nextLesson } from '@/lib/lessons/course';
import styles from './page.module.css';

type Params = { slug: string };

/** Every lesson of the course is prerendered; anything else is a 404. */
export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return lessonSlugs();
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const lesson = lessonBySlug((await params).slug);
  return lesson ? { title: `${lesson.title} · Backdoor Lab`, description: lesson.summary } : {};
}

const LEVELS = { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

export default async function LessonPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  // Built here, at build time: an exercise's setup is computed with the app's crypto and protocol
  // code (seeded, so it matches what `npm run lessons:check` validated).
  const exercises = await lessonExerciseSpecs(slug);
  // Live preview (`npm run dev`): the lesson is checked on every render, and a problem replaces it
  // on the page. NODE_ENV is a build-time constant, so production bundles none of this.
  if (process.env.NODE_ENV === 'development') {
    const { devLessonProblems } = await import('./dev-lesson-problems');
    const problems = devLessonProblems(slug, exercises);
    if (problems.length > 0) {
      const { DevLessonProblems } = await import('./DevLessonProblems');
      return <DevLessonProblems slug={slug} problems={problems} />;
    }
  }
  const lesson = lessonBySlug(slug);
  const Content = await lessonMdx(slug);
  if (!lesson || !Content) notFound();
  const content = <Content components={lessonWidgets} />;
  const next = nextLesson(tracks, lessons, slug);
  const prerequisites = lesson.prerequisites.map((p) => findLesson(lessons, p)).filter((l) => l !== undefined);

  return (
    <main id="main" className={styles.page}>
      <p className={styles.crumbs}>
        <SeedLink href="/">All lessons</SeedLink>
      </p>
      <header className={styles.header}>
        <h1>{lesson.title}</h1>
        <p className={styles.summary}>{lesson.summary}</p>
        <p className={styles.facts}>
          {LEVELS[lesson.level]} · about {lesson.minutes} min · {lesson.steps.length} steps
        </p>
        {prerequisites.length > 0 ? (
          <p className={styles.facts}>
            Builds on:{' '}
            {prerequisites.map((p, i) => (
              <span key={p.slug}>
                {i > 0 ? ', ' : ''}
                <SeedLink href={`/learn/${p.slug}`}>{p.title}</SeedLink>
              </span>
            ))}
          </p>
        ) : null}
        <LessonTools slug={lesson.slug} title={lesson.title} />
      </header>
      <section className={styles.objectives} aria-labelledby="objectives-title">
        <h2 id="objectives-title">In this lesson you will</h2>
        <ul>
          {lesson.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>
      <LessonPlayer lesson={lesson} next={next ? { slug: next.slug, title: next.title } : null}>
        <LessonScope>
          <LabProvider>
            {exercises.length > 0 ? (
              <LessonExercisesProvider exercises={exercises}>{content}</LessonExercisesProvider>
            ) : (
              content
            )}
          </LabProvider>
        </LessonScope>
      </LessonPlayer>
    </main>
  );
}
