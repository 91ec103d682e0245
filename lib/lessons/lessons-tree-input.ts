/**
 * What the lessons-tree validator (`validate-lessons.ts`) reads, gathered by the caller
 * (scripts/lessons-check.ts reads the files and imports the modules; the lesson page does the same
 * in development): raw and unchecked, with why a module could not be loaded where it could not.
 *
 * @module
 */
import type { WidgetSpec } from './widget-spec';

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
  /** The `tracks` export of tracks.ts, unchecked; undefined when it failed to load. */
  readonly tracks: unknown;
  /** Why tracks.ts could not be imported, if it could not. */
  readonly tracksLoadError?: string;
  /** The lesson folders (names not starting with `_` or `.`). */
  readonly folders: readonly LessonFolderInput[];
  /**
   * Whether the generated registry (lessons/index.ts, written by scripts/generate-lesson-registry.ts)
   * matches the folders on disk; undefined when the caller did not look (the tests of other rules).
   */
  readonly registry?: { readonly file: string; readonly stale: boolean };
  /** The widget vocabulary; defaults to `widgetSpecs` (tests pass their own). */
  readonly vocabulary?: Readonly<Record<string, WidgetSpec>>;
}
