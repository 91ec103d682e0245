/**
 * Prettier may format the lessons' MDX (npm run format) only because it keeps their meaning: for
 * every lesson, the MDX compiled before and after formatting must be the same program. Prettier's
 * MDX support follows MDX 1, and with embedded formatting on it re-flows text inside JSX blocks
 * (`embeddedLanguageFormatting: "off"` for *.mdx in .prettierrc.json stops that), so this is
 * checked, not assumed. Should it fail, add `lessons/**\/*.mdx` to .prettierignore rather than
 * accept the change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '@mdx-js/mdx';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const LESSONS = fileURLToPath(new URL('../lessons/', import.meta.url));
const contentFiles = readdirSync(LESSONS)
  .map((slug) => path.join(LESSONS, slug, 'content.mdx'))
  .filter((file) => existsSync(file));

/** The JavaScript program the MDX compiles to (what the lesson page renders). */
async function compiled(source: string): Promise<string> {
  return String(await compile(source));
}

describe('Prettier on lesson MDX', () => {
  it('finds the lessons', () => {
    expect(contentFiles.length).toBeGreaterThanOrEqual(10);
  });

  it.each(contentFiles.map((file) => [path.relative(LESSONS, file), file]))(
    '%s compiles to the same program after formatting',
    async (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const options = await prettier.resolveConfig(file);
      const formatted = await prettier.format(source, { ...options, filepath: file });
      expect(await compiled(formatted)).toBe(await compiled(source));
    },
  );
});
