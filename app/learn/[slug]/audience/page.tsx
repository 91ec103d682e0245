import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LessonExercisesProvider } from '@/app/_components/exercise/LessonExercises';
import { LessonPlayer } from '@/app/_components/lesson/LessonPlayer';
import { AudienceShell } from '@/app/_components/present/AudienceShell';
import {
  lessonBySlug,
  lessonExerciseSpecs,
  lessonMdx,
  lessonSlugs,
  nextLessonLink,
} from '@/app/_components/lesson/lesson-source';
import { LabProvider } from '@/app/_components/widgets/crypto/LabProvider';
import { LessonScope } from '@/app/_components/widgets/LessonScope';
import { lessonWidgets } from '@/app/_components/widgets/registry';
import '@/app/_components/present/presentation.css';

type Params = { slug: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return lessonSlugs();
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const lesson = lessonBySlug((await params).slug);
  return lesson ? { title: `${lesson.title} (projector)`, robots: { index: false } } : {};
}

/**
 * The audience window (the projector): the real lesson, rendered exactly as on the learner's page
 * (same widgets, `<Notes>` dropped on the server), inside the presentation shell.
 */
export default async function AudiencePage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const lesson = lessonBySlug(slug);
  const Content = await lessonMdx(slug);
  if (!lesson || !Content) notFound();
  const exercises = await lessonExerciseSpecs(slug);
  const content = <Content components={lessonWidgets} />;
  return (
    <main id="main">
      <h1 className="visually-hidden">{lesson.title}</h1>
      <AudienceShell lesson={lesson}>
        <LessonPlayer lesson={lesson} next={nextLessonLink(slug)}>
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
      </AudienceShell>
    </main>
  );
}
