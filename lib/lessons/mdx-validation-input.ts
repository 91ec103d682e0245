/**
 * What the MDX validator (`validate-mdx.ts`) is given about one lesson, and how its rule groups
 * report what they find.
 *
 * @module
 */
import type { LessonRule } from './lesson-issue';
import type { LessonStep } from './lesson-types';
import type { WidgetSpec } from './widget-spec';

/** What the MDX validator needs to know about the lesson. */
export interface MdxValidationInput {
  /** Path of content.mdx relative to the lessons root, e.g. `welcome/content.mdx`. */
  readonly file: string;
  /** Path of meta.ts relative to the lessons root, for errors that are fixed there. */
  readonly metaFile: string;
  /** The MDX source. */
  readonly source: string;
  /** meta.steps (ids in order, with their requirements and exercise). */
  readonly steps: readonly Pick<LessonStep, 'id' | 'requires' | 'exercise'>[];
  /** meta.quiz ids. */
  readonly quizIds: readonly string[];
  /**
   * Ids of the exercises the lesson's exercises.ts defines, in order (empty when it has none);
   * undefined when exercises.ts could not be loaded, so `<Exercise>` ids cannot be checked.
   */
  readonly exerciseIds?: readonly string[];
  /** Path of exercises.ts relative to the lessons root, for errors that are fixed there. */
  readonly exercisesFile?: string;
  /** The widget vocabulary; defaults to `widgetSpecs` (tests pass their own). */
  readonly vocabulary?: Readonly<Record<string, WidgetSpec>>;
}

/** Records a problem in content.mdx at `line`. */
export type MdxIssueReporter = (rule: LessonRule, line: number | undefined, message: string) => void;
