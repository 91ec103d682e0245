/**
 * Proves `npm run lint:sizes` fails on a source file one line over the limit, names it with its
 * count, and leaves alone what issue 14 sets aside: tests, fixtures, generated files, installed and
 * built trees, and files that are not source.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countLines,
  findOversizedFiles,
  formatOversizedReport,
  isSizeCheckedSource,
  MAX_SOURCE_LINES,
} from './check-file-sizes';

let root = '';

/** Writes `relativePath` under the temporary root with `lines` lines. */
function writeLines(relativePath: string, lines: number): void {
  const file = path.join(root, relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Array.from({ length: lines }, (_, i) => `// line ${i + 1}\n`).join(''));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'check-file-sizes-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findOversizedFiles', () => {
  it('reports a source file one line over the limit, with its line count', () => {
    writeLines('lib/lessons/too-long.ts', MAX_SOURCE_LINES + 1);
    writeLines('lib/lessons/just-fits.ts', MAX_SOURCE_LINES);
    expect(findOversizedFiles(root)).toEqual([{ file: 'lib/lessons/too-long.ts', lines: 401 }]);
  });

  it('checks components, scripts, e2e helpers, lessons, root configs and style sheets, longest first', () => {
    for (const file of [
      'app/Widget.tsx',
      'scripts/tool.ts',
      'e2e/helper.ts',
      'lessons/a/meta.ts',
      'eslint.config.mjs',
      'app/a.module.css',
    ]) {
      writeLines(file, 450);
    }
    writeLines('.dependency-cruiser.cjs', 500);
    expect(findOversizedFiles(root)).toEqual([
      { file: '.dependency-cruiser.cjs', lines: 500 },
      { file: 'app/Widget.tsx', lines: 450 },
      { file: 'app/a.module.css', lines: 450 },
      { file: 'e2e/helper.ts', lines: 450 },
      { file: 'eslint.config.mjs', lines: 450 },
      { file: 'lessons/a/meta.ts', lines: 450 },
      { file: 'scripts/tool.ts', lines: 450 },
    ]);
  });

  it('leaves out tests, fixtures, generated files, declarations, installed and built trees, and non-source files', () => {
    for (const file of [
      'lib/lessons/validate-mdx.test.ts',
      'e2e/lessons.spec.ts',
      'lessons/__fixtures__/valid/alpha/meta.ts',
      'scripts/__fixtures__/deps/lib/a.ts',
      'lib/sandbox/generated/sandbox-types.ts',
      'public/sandbox/runner.js',
      'next-env.d.ts',
      'node_modules/zod/index.ts',
      '.next/server/app.js',
      'lessons/encrypt/content.mdx',
      'package-lock.json',
    ]) {
      writeLines(file, 1000);
    }
    expect(findOversizedFiles(root)).toEqual([]);
  });
});

describe('isSizeCheckedSource', () => {
  it('applies to source in fixture-like names that are not fixture folders', () => {
    expect(isSizeCheckedSource('lib/lessons/fixtures-loader.ts')).toBe(true);
    expect(isSizeCheckedSource('lib/sandbox/generated-code.ts')).toBe(true);
    expect(isSizeCheckedSource('app/_components/TestPanel.tsx')).toBe(true);
  });
});

describe('countLines', () => {
  it('counts lines as wc -l does, plus an unterminated last line', () => {
    expect(countLines('')).toBe(0);
    expect(countLines('a\n')).toBe(1);
    expect(countLines('a\nb')).toBe(2);
    expect(countLines('a\n\nb\n')).toBe(3);
  });
});

describe('formatOversizedReport', () => {
  it('names each file with its line count', () => {
    expect(
      formatOversizedReport([
        { file: 'lib/lessons/validate-mdx.ts', lines: 524 },
        { file: 'app/X.tsx', lines: 401 },
      ]),
    ).toBe(
      [
        'lint:sizes: 2 source files are over 400 lines (split each along its concepts, one concept per file):',
        '  lib/lessons/validate-mdx.ts: 524 lines',
        '  app/X.tsx: 401 lines',
      ].join('\n'),
    );
  });
});
