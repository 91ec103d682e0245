/**
 * What the lessons-tree validator (`validate-lessons.ts`) reads, gathered by the caller
 * (scripts/lessons-check.ts reads the files and imports the modules): raw and unchecked, with why
 * a module could not be loaded where it could not.
 *
 * @module
 */
import type { WidgetSpec } from './widget-names';

/** One folder under the lessons root. */
export interface LessonFolderInput {
  /** The folder name (which must equal the lesson's slug). */
  readonly slug: string;
  /** Names of the files in the folder. */
  readonly files: readonly string[];
  /** The `lesson` export of meta.ts, unchecked; undefined when absent. */
  readonly meta: unknown;
  /** Why meta.ts could not be imported, if it could not. */
  readonly metaLoadError?: string;
  /** The text of content.mdx, if present. */
  readonly content?: string;
  /**
   * The `exercises` export of exercises.ts with every builder already called (see
   * lesson-exercises.ts `buildLessonExercises`), unchecked; undefined when there is no exercises.ts.
   */
  readonly exercises?: unknown;
  /** Why exercises.ts could not be imported or its exercises built, if so. */
  readonly exercisesLoadError?: string;
}

/** Everything the validator reads, gathered by the caller. */
export interface LessonsTreeInput {
  /** The exports of index.ts (`tracks`, `lessons`), unchecked; undefined when it failed to load. */
  readonly index: Readonly<Record<string, unknown>> | undefined;
  /** Why index.ts could not be imported, if it could not. */
  readonly indexLoadError?: string;
  /** The lesson folders (names not starting with `_` or `.`). */
  readonly folders: readonly LessonFolderInput[];
  /** The `lessonContent` export of lesson-content.ts, unchecked. */
  readonly contentMap: unknown;
  /** Why lesson-content.ts could not be imported, if it could not. */
  readonly contentMapLoadError?: string;
  /** The `lessonExercises` export of lesson-exercises.ts, unchecked; undefined when the file is absent (no lesson has exercises). */
  readonly exerciseMap?: unknown;
  /** Why lesson-exercises.ts could not be imported, if it exists and could not. */
  readonly exerciseMapLoadError?: string;
  /** The widget vocabulary; defaults to `widgetSpecs` (tests pass their own). */
  readonly vocabulary?: Readonly<Record<string, WidgetSpec>>;
}
