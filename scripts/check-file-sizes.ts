/**
 * `npm run lint:sizes [root]`: lists every source file over {@link MAX_SOURCE_LINES} lines and exits
 * 1 if there is any (issue 14: "no source file over 400 lines, tests, fixtures and generated files
 * aside"). The count is of the file as it is on disk; `npm run format:check` keeps that the
 * Prettier-formatted text, which is what the limit is measured on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MAX_SOURCE_LINES = 400;

/** Source code and style sheets; lesson prose (`.mdx`) and data (`.json`) are not code. */
const SOURCE_EXTENSION = /\.(ts|tsx|js|mjs|cjs|css)$/;

/** Directories never walked: installed, built or reported by tools, and version control. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.next', 'out', 'test-results', 'playwright-report', '.git']);

/** Paths (relative, `/`-separated) that are not hand-written source, or are tests and their data. */
const EXEMPT: readonly RegExp[] = [
  /\.(test|spec)\.tsx?$/, // tests (Vitest next to the code, Playwright in e2e/)
  /(^|\/)__fixtures__\//, // data for tests
  /\.d\.ts$/, // declarations (next-env.d.ts is written by Next)
  /^lib\/sandbox\/generated\//, // npm run sandbox:types
  /^public\/sandbox\//, // npm run sandbox:runner
];

/** Whether the limit applies to `relativePath` (relative to the repository root, `/`-separated). */
export function isSizeCheckedSource(relativePath: string): boolean {
  return SOURCE_EXTENSION.test(relativePath) && !EXEMPT.some((pattern) => pattern.test(relativePath));
}

/** Lines as `wc -l` counts them, plus a last line that has no newline. */
export function countLines(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

/** A source file over the limit. */
export interface OversizedFile {
  /** Relative to the root, `/`-separated. */
  readonly file: string;
  readonly lines: number;
}

/** Every file under `root` that the limit applies to, relative and `/`-separated, sorted. */
function listSourceFiles(root: string, directory = ''): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, directory), { withFileTypes: true })) {
    const relative = directory === '' ? entry.name : `${directory}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...listSourceFiles(root, relative));
    } else if (entry.isFile() && isSizeCheckedSource(relative)) {
      files.push(relative);
    }
  }
  return files.sort(byCodePoint);
}

/** Sorts the same on every machine (localeCompare depends on the locale). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The source files under `root` longer than `maxLines`, longest first. */
export function findOversizedFiles(root: string, maxLines = MAX_SOURCE_LINES): OversizedFile[] {
  return listSourceFiles(root)
    .map((file) => ({ file, lines: countLines(readFileSync(path.join(root, file), 'utf8')) }))
    .filter(({ lines }) => lines > maxLines)
    .sort((a, b) => b.lines - a.lines || byCodePoint(a.file, b.file));
}

/** The failure message: one line per file, with what to do about it. */
export function formatOversizedReport(oversized: readonly OversizedFile[], maxLines = MAX_SOURCE_LINES): string {
  const count = `${oversized.length} source file${oversized.length === 1 ? ' is' : 's are'}`;
  return [
    `lint:sizes: ${count} over ${maxLines} lines (split each along its concepts, one concept per file):`,
    ...oversized.map(({ file, lines }) => `  ${file}: ${lines} lines`),
  ].join('\n');
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? '.');
  const oversized = findOversizedFiles(root);
  if (oversized.length > 0) {
    console.error(formatOversizedReport(oversized));
    process.exitCode = 1;
  } else {
    console.log(`lint:sizes: OK, no source file over ${MAX_SOURCE_LINES} lines`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main();
}
