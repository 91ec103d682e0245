import { describe, expect, it } from 'vitest';
import { validateExerciseInNode } from '../sandbox/validate-exercise';
import { exampleExercise } from './example-exercise';
import { LESSON_CHECK_REGISTRY } from './exercise-checks';
import { lessonSchema } from './lesson-schema';
import { validateLessonMdx } from './validate-mdx';
import { EXAMPLE_PROSE, galleryEntries, GALLERY_LESSON } from './widget-gallery';
import { widgetSpecs } from './widget-names';
import type { WidgetSpec } from './widget-spec';

describe('the widget gallery', () => {
  it('has an entry for every built widget of the vocabulary (add `example: { ... }` to a new spec)', () => {
    const { entries, missing } = galleryEntries(widgetSpecs);
    expect(missing, 'widgets without an `example` in lib/lessons/widget-names.ts').toEqual([]);
    const built = Object.entries(widgetSpecs as Record<string, WidgetSpec>).filter(([, s]) => !s.planned);
    expect(entries.map((e) => e.name)).toEqual(built.map(([name]) => name));
  });

  it('names a widget that lands without an example', () => {
    const vocabulary: Record<string, WidgetSpec> = {
      ...widgetSpecs,
      Chart: { description: 'A new widget.', props: {}, children: false },
    };
    expect(galleryEntries(vocabulary).missing).toEqual(['Chart']);
  });

  it('shows the actions each example reports, props filled in', () => {
    const { entries } = galleryEntries(widgetSpecs);
    const keyPair = entries.find((e) => e.name === 'KeyPair')!;
    expect(keyPair.snippet).toBe('<KeyPair actor="alice" />');
    expect(keyPair.actions).toEqual([{ template: 'keypair:{actor}', action: 'keypair:alice' }]);
    expect(keyPair.props).toEqual([
      expect.objectContaining({ name: 'actor', required: true, allowed: '"alice", "bob"' }),
    ]);
  });

  it('copies snippets that pass the validator as they are, in the gallery lesson', () => {
    expect(lessonSchema.safeParse(GALLERY_LESSON).success).toBe(true);
    const { entries } = galleryEntries(widgetSpecs);
    const step = entries.find((e) => e.name === 'Step')!;
    const others = entries.filter((e) => e !== step).map((e) => e.snippet);
    // The step's own snippet, with every other snippet as its prose: one lesson using them all.
    const source = `${step.snippet.replace(EXAMPLE_PROSE, others.join('\n\n'))}\n`;
    const issues = validateLessonMdx({
      file: 'gallery/content.mdx',
      metaFile: 'gallery/meta.ts',
      source,
      steps: GALLERY_LESSON.steps,
      quizIds: GALLERY_LESSON.quiz.map((q) => q.id),
      exerciseIds: ['example-exercise'],
    });
    expect(issues).toEqual([]);
    expect(source).toContain('<Callout kind="note" title="Heads up">\n\nProse goes here, in Markdown.\n\n</Callout>');
  });

  it('runs the example exercise: its solution passes and its starter and cheat fail', { timeout: 60_000 }, async () => {
    const validation = await validateExerciseInNode(exampleExercise('example-exercise'), LESSON_CHECK_REGISTRY);
    expect(validation.problems).toEqual([]);
  });
});
