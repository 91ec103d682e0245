import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addCompileHints, COMPILE_HINT, firstLoadScripts, LAZY_CHUNK_LIMIT_BYTES } from './compile-hints';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A `.next` with one prerendered page loading `framework.js`, plus two chunks loaded on demand. */
function fakeBuild(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
  dirs.push(dist);
  mkdirSync(path.join(dist, 'server', 'app', 'learn'), { recursive: true });
  mkdirSync(path.join(dist, 'static', 'chunks'), { recursive: true });
  writeFileSync(
    path.join(dist, 'server', 'app', 'learn', 'keys.html'),
    '<html><head><script src="/_next/static/chunks/framework.js" async=""></script></head></html>',
  );
  const big = `globalThis.x = "${'a'.repeat(LAZY_CHUNK_LIMIT_BYTES)}";\n`;
  writeFileSync(path.join(dist, 'static', 'chunks', 'framework.js'), big);
  writeFileSync(path.join(dist, 'static', 'chunks', 'widget.js'), 'globalThis.widget = () => 1;\n');
  writeFileSync(path.join(dist, 'static', 'chunks', 'editor.js'), big);
  return dist;
}

const chunk = (dist: string, name: string) => readFileSync(path.join(dist, 'static', 'chunks', name), 'utf8');

describe('compile hints after the build', () => {
  it("reads the scripts a page's HTML loads first", () => {
    expect(
      firstLoadScripts('<script src="/_next/static/chunks/a.js" async=""></script><script>inline()</script>'),
    ).toEqual(['chunks/a.js']);
  });

  it('hints first-load chunks of any size and small lazy chunks, and leaves large lazy chunks alone', () => {
    const dist = fakeBuild();
    const report = addCompileHints(dist);
    expect(chunk(dist, 'framework.js').startsWith(`${COMPILE_HINT}\n`)).toBe(true);
    expect(chunk(dist, 'widget.js')).toBe(`${COMPILE_HINT}\nglobalThis.widget = () => 1;\n`);
    expect(chunk(dist, 'editor.js').startsWith('globalThis.x')).toBe(true);
    expect([...report.hinted].sort()).toEqual(['chunks/framework.js', 'chunks/widget.js']);
    expect(report.leftLazy).toEqual(['chunks/editor.js']);
  });

  it('takes the hints out again with strip, leaving the chunks as the bundler wrote them', () => {
    const dist = fakeBuild();
    const before = chunk(dist, 'framework.js');
    addCompileHints(dist);
    addCompileHints(dist, true);
    expect(chunk(dist, 'framework.js')).toBe(before);
    expect(chunk(dist, 'widget.js')).toBe('globalThis.widget = () => 1;\n');
  });

  it('adds the hint once when run twice', () => {
    const dist = fakeBuild();
    addCompileHints(dist);
    addCompileHints(dist);
    expect(chunk(dist, 'widget.js')).toBe(`${COMPILE_HINT}\nglobalThis.widget = () => 1;\n`);
  });
});
