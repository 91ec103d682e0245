/**
 * `npm run build` ends here (`postbuild`): marks the app's JavaScript chunks with V8's explicit
 * compile hint, the magic comment `//# allFunctionsCalledOnLoad` on a chunk's first line.
 *
 * Why: V8 compiles a function lazily, on the main thread, the first time it is called. A bundler's
 * module factories are all called while the page starts, so on a cold load (no code cache) Chromium
 * spent over half of the landing page's hydration task compiling them: about 160 ms of a 290 ms
 * task at 4x CPU throttling (issue 11, item 8). With the hint, V8 compiles every function of the
 * chunk eagerly while the script streams in, on a background thread, and the main thread runs it.
 * Browsers without the hint read a comment. See https://v8.dev/blog/explicit-compile-hints and
 * https://github.com/WICG/explicit-javascript-compile-hints-file-based.
 *
 * Which chunks: every chunk a prerendered page loads first (its `<script src>`s), and every other
 * chunk up to {@link LAZY_CHUNK_LIMIT_BYTES}: the lesson widgets, the landing page's two demos and
 * the workers' code, which are loaded because a page is about to run them. The few larger lazy
 * chunks are Monaco and the TypeScript worker (0.4-6.6 MB, loaded only when an editor opens, most
 * of their functions never called): eager compilation there would spend memory and background time
 * on code that never runs, so they stay lazy.
 *
 * Turbopack has no banner option, hence a step after the build; the comment shifts a chunk by one
 * line, which matters only to production browser source maps (not enabled). The step is idempotent,
 * and `npx tsx scripts/compile-hints.ts --strip` undoes it, to measure the same build without it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Lazy chunks up to this size are hinted; see the file comment for what lies above it. */
export const LAZY_CHUNK_LIMIT_BYTES = 256 * 1024;

/** `source` with the compile hint as its first line (unchanged when it has one already). */
export function withCompileHint(source: string): string {
  return source.startsWith(COMPILE_HINT) ? source : `${COMPILE_HINT}\n${source}`;
}

/** The chunk paths (relative to `.next/static/`) that a page's HTML loads as scripts. */
export function firstLoadScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]+src="\/_next\/static\/([^"?]+)/g)].flatMap((match) => match[1] ?? []);
}

/** `source` without the compile hint (for measuring a build without it: `-- --strip`). */
export function withoutCompileHint(source: string): string {
  return source.startsWith(`${COMPILE_HINT}\n`) ? source.slice(COMPILE_HINT.length + 1) : source;
}

/** Whether a chunk gets the hint: loaded first by some page, or small enough (see the file comment). */
export function shouldHint(chunk: { path: string; bytes: number }, firstLoad: ReadonlySet<string>): boolean {
  return firstLoad.has(chunk.path) || chunk.bytes <= LAZY_CHUNK_LIMIT_BYTES;
}

function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export interface CompileHintReport {
  readonly hinted: readonly string[];
  readonly leftLazy: readonly string[];
}

/**
 * Hints the chunks of the build in `distDir` (`.next`) in place; with `strip`, takes every hint out
 * again instead, so the same build can be measured both ways.
 */
export function addCompileHints(distDir: string, strip = false): CompileHintReport {
  const staticDir = path.join(distDir, 'static');
  const firstLoad = new Set(
    filesUnder(path.join(distDir, 'server', 'app'), '.html').flatMap((file) =>
      firstLoadScripts(readFileSync(file, 'utf8')),
    ),
  );
  const hinted: string[] = [];
  const leftLazy: string[] = [];
  for (const file of filesUnder(path.join(staticDir, 'chunks'), '.js')) {
    const chunk = { path: path.relative(staticDir, file).split(path.sep).join('/'), bytes: statSync(file).size };
    if (!shouldHint(chunk, firstLoad)) {
      leftLazy.push(chunk.path);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const marked = strip ? withoutCompileHint(source) : withCompileHint(source);
    if (marked !== source) writeFileSync(file, marked);
    hinted.push(chunk.path);
  }
  return { hinted, leftLazy };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const strip = process.argv.includes('--strip');
  const distDir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '.next';
  const { hinted, leftLazy } = addCompileHints(distDir, strip);
  if (hinted.length === 0) {
    console.error(`compile hints: no chunks under ${distDir}/static/chunks; run next build first.`);
    process.exit(1);
  }
  console.log(
    strip
      ? `compile hints: removed from ${hinted.length} chunks; every chunk compiles lazily again.`
      : `compile hints: ${hinted.length} chunks compile eagerly; ${leftLazy.length} large on-demand chunks stay lazy.`,
  );
}
