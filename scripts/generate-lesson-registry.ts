/**
 * `npm run lessons:registry`: writes the generated lesson registry, the module the app reads the
 * course from (lessons, tracks, content and exercise loaders; lib/lessons/lesson-registry-source.ts).
 * Runs before `dev`, `build`, `lessons:check` and the tests; not committed (.gitignore), so a new
 * lesson changes only its own folder and tracks.ts.
 *
 * The course is `lessons/` unless LESSONS_DIR names another folder (an instructor's own course,
 * anywhere on disk). The bundler only compiles files inside the project, so an external course is
 * mirrored into `.course/` (only files whose bytes changed are written, so the dev server recompiles
 * just what the author saved) and its registry written there; next.config.js points `@/lessons/index`
 * at it. `--watch` keeps doing so while `npm run dev` runs: saving a lesson updates the open page.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
  type FSWatcher,
} from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { registryLessons, renderLessonRegistry, type RegistrySource } from '../lib/lessons/lesson-registry-source';

/** The mirror of an external course, inside the project (gitignored). */
export const EXTERNAL_MIRROR = '.course';

/** Where a course is read from and where its registry is written. */
export interface CourseLocation {
  /** The folder the author edits. */
  readonly sourceDir: string;
  /** The folder the app compiles: sourceDir itself, or its mirror. */
  readonly compiledDir: string;
  /** The generated registry, `<compiledDir>/index.ts`. */
  readonly registryFile: string;
  readonly source: RegistrySource;
  readonly external: boolean;
}

/**
 * The course of this project: `lessons/`, or `lessonsDir` (LESSONS_DIR) when set. Tests pass their
 * own `mirrorDir` so they never touch the project's.
 */
export function courseLocation(
  projectDir: string,
  lessonsDir: string | undefined,
  mirrorDir = path.join(projectDir, EXTERNAL_MIRROR),
): CourseLocation {
  const builtIn = path.join(projectDir, 'lessons');
  const sourceDir = lessonsDir ? path.resolve(projectDir, lessonsDir) : builtIn;
  const external = sourceDir !== builtIn;
  const compiledDir = external ? mirrorDir : builtIn;
  const label = path.relative(projectDir, sourceDir).split(path.sep).join('/') || '.';
  return {
    sourceDir,
    compiledDir,
    registryFile: path.join(compiledDir, 'index.ts'),
    source: { dir: sourceDir, label },
    external,
  };
}

/** Names under a course folder that are never part of it. */
function skipped(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** The lesson folders of a course, with their file names (as the validator's loader reads them). */
export function scanLessonFolders(dir: string): { slug: string; files: string[] }[] {
  return readdirSync(dir)
    .filter((name) => !skipped(name) && !name.startsWith('_') && statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((slug) => ({ slug, files: readdirSync(path.join(dir, slug)).sort() }));
}

/** What the registry of `location` must contain now. */
export function expectedRegistry(location: CourseLocation): string {
  return renderLessonRegistry(registryLessons(scanLessonFolders(location.sourceDir)), location.source);
}

/** Writes `text` to `file` unless it already holds exactly that; returns whether it wrote. */
function writeIfChanged(file: string, data: Buffer | string): boolean {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  if (existsSync(file) && readFileSync(file).equals(bytes)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return true;
}

/** Makes `to` a copy of `from` (the registry aside), writing only what changed. */
function mirror(from: string, to: string, keep: ReadonlySet<string>): void {
  mkdirSync(to, { recursive: true });
  const names = readdirSync(from).filter((n) => !skipped(n));
  for (const name of readdirSync(to)) {
    const target = path.join(to, name);
    if (!names.includes(name) && !keep.has(target)) rmSync(target, { recursive: true, force: true });
  }
  for (const name of names) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (keep.has(target)) continue;
    if (statSync(source).isDirectory()) {
      if (existsSync(target) && !statSync(target).isDirectory()) rmSync(target);
      mirror(source, target, keep);
    } else {
      if (existsSync(target) && statSync(target).isDirectory()) rmSync(target, { recursive: true });
      if (!existsSync(target) || !readFileSync(target).equals(readFileSync(source))) copyFileSync(source, target);
    }
  }
}

/** Generates the registry (and, for an external course, refreshes its mirror). */
export function generateLessonRegistry(location: CourseLocation): { changed: boolean } {
  if (!existsSync(location.sourceDir) || !statSync(location.sourceDir).isDirectory())
    throw new Error(
      `The course folder ${location.source.label} does not exist (LESSONS_DIR=${location.source.label}).`,
    );
  if (location.external) mirror(location.sourceDir, location.compiledDir, new Set([location.registryFile]));
  return { changed: writeIfChanged(location.registryFile, expectedRegistry(location)) };
}

/**
 * Regenerates on every change under the course folder until the process ends (`npm run dev`).
 * Watches each folder on its own (a folder's watch reports its files' writes and renames) and
 * picks up new lesson folders as they appear: Node 20's recursive watch misses saves on Linux.
 */
export function watchCourse(location: CourseLocation): void {
  const watched = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  const onChange = () => {
    clearTimeout(timer);
    // A save is often several events (truncate, write, rename): act once they settle.
    timer = setTimeout(() => {
      try {
        generateLessonRegistry(location);
        watchFolders();
      } catch (error) {
        console.error(`lessons:registry: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, 30);
  };
  const watchFolders = () => {
    const folders = [
      location.sourceDir,
      ...scanLessonFolders(location.sourceDir).map((f) => path.join(location.sourceDir, f.slug)),
    ];
    for (const [dir, watcher] of watched) {
      if (!folders.includes(dir)) {
        watcher.close();
        watched.delete(dir);
      }
    }
    for (const dir of folders) if (!watched.has(dir)) watched.set(dir, watch(dir, onChange));
  };
  watchFolders();
}

/** Generates the registry of this project's course (LESSONS_DIR or lessons/) and says so. */
export function generateProjectRegistry(): CourseLocation {
  const location = courseLocation(process.cwd(), process.env.LESSONS_DIR || undefined);
  const { changed } = generateLessonRegistry(location);
  const where = path.relative(process.cwd(), location.registryFile);
  console.log(`lessons:registry: ${where} ${changed ? 'written' : 'up to date'} (course: ${location.source.label}/)`);
  return location;
}

function main(): void {
  try {
    generateProjectRegistry();
  } catch (error) {
    console.error(`lessons:registry: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
