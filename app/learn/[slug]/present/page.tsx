import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { lessonBySlug, lessonMdx, lessonSlugs } from '@/app/_components/lesson/lesson-source';
import { presenterComponents } from '@/app/_components/present/present-components';
import { PresenterView } from '@/app/_components/present/PresenterView';
import '@/app/_components/present/presentation.css';

type Params = { slug: string };

export const dynamicParams = false;

export function generateStaticParams(): Params[] {
  return lessonSlugs();
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const lesson = lessonBySlug((await params).slug);
  return lesson ? { title: `Presenter: ${lesson.title}`, robots: { index: false } } : {};
}

/**
 * The presenter window: notes, next step, timer, step list and controls; the lesson itself runs
 * in the audience window it opens (../audience). The MDX is rendered here with the presenter's
 * components, which keep only each step's notes and opening lines.
 */
export default async function PresenterPage({ params }: { params: Promise<Params> }) {
  const { slug } = await params;
  const lesson = lessonBySlug(slug);
  const Content = await lessonMdx(slug);
  if (!lesson || !Content) notFound();
  return (
    <main id="main">
      <PresenterView lesson={lesson}>
        <Content components={presenterComponents} />
      </PresenterView>
    </main>
  );
}
