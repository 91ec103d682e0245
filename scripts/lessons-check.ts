/**
 * `npm run lessons:check [root]`: validates the lessons tree (default `lessons/`) and prints each
 * problem as `lessons/<slug>/<file>:<line>: <message>`, exiting 1 if there is any. All the rules
 * live in lib/lessons/validate-lessons.ts and validate-mdx.ts; this file only reads the disk.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatLessonIssue, type LessonIssue } from '../lib/lessons/lesson-issue';
import { validateLessons, type LessonFolderInput, type LessonsTreeInput } from '../lib/lessons/validate-lessons';
import type { WidgetSpec } from '../lib/lessons/widget-names';

/** Imports a TypeScript module of the lessons tree, turning failures into a message. */
async function importModule(file: string): Promise<{ module?: Record<string, unknown>; error?: string }> {
  if (!existsSync(file)) return { error: `${path.basename(file)} is missing` };
  try {
    return { module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { error: message.replaceAll(`${process.cwd()}${path.sep}`, '') };
  }
}

/** Reads a lessons root from disk into the validator's input. */
export async function loadLessonsTree(root: string): Promise<LessonsTreeInput> {
  const folders: LessonFolderInput[] = [];
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const dir = path.join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    const files = readdirSync(dir).sort();
    const meta = files.includes('meta.ts') ? await importModule(path.join(dir, 'meta.ts')) : {};
    const contentFile = path.join(dir, 'content.mdx');
    folders.push({
      slug: name,
      files,
      meta: meta.module?.lesson,
      metaLoadError: meta.error,
      content: existsSync(contentFile) ? readFileSync(contentFile, 'utf8') : undefined,
    });
  }
  const index = await importModule(path.join(root, 'index.ts'));
  const contentMap = await importModule(path.join(root, 'lesson-content.ts'));
  return {
    index: index.module,
    indexLoadError: index.error,
    folders,
    contentMap: contentMap.module?.lessonContent,
    contentMapLoadError: contentMap.error,
  };
}

/** Loads and validates a lessons root (against `vocabulary`, default the registered widgets). */
export async function checkLessonsRoot(
  root: string,
  options: { vocabulary?: Readonly<Record<string, WidgetSpec>> } = {},
): Promise<{ issues: LessonIssue[]; lessons: number }> {
  const tree = await loadLessonsTree(root);
  return { issues: validateLessons({ ...tree, vocabulary: options.vocabulary }), lessons: tree.folders.length };
}

async function main(): Promise<void> {
  const root = process.argv[2] ?? 'lessons';
  const display = path.relative(process.cwd(), path.resolve(root)).split(path.sep).join('/') || '.';
  const { issues, lessons } = await checkLessonsRoot(root);
  for (const issue of issues) console.error(formatLessonIssue(issue, display));
  if (issues.length > 0) {
    console.error(`lessons:check: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${display}/`);
    process.exitCode = 1;
  } else {
    console.log(`lessons:check: OK, ${lessons} lesson${lessons === 1 ? '' : 's'} in ${display}/ (index, meta, content, content map)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
