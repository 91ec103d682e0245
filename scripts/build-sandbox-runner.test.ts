import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSandboxRunner, FRAME_DOCUMENT_OUTPUT, frameDocument } from './build-sandbox-runner';

interface HeaderRule {
  readonly source: string;
  readonly headers: readonly { key: string; value: string }[];
}

/** The sandbox CSP as next.config.js serves it (imported by path: the config is plain JS). */
async function servedSandboxCsp(): Promise<string> {
  const configPath = '../next.config.js';
  const config = (await import(/* @vite-ignore */ configPath)) as { default: { headers(): Promise<HeaderRule[]> } };
  const rules = await config.default.headers();
  const csp = rules
    .find((r) => r.source === '/sandbox/:path*')
    ?.headers.find((h) => h.key === 'Content-Security-Policy')?.value;
  if (!csp) throw new Error('no sandbox CSP in next.config.js');
  return csp;
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the sandbox frame document and its CSP', () => {
  let html = '';
  beforeAll(async () => {
    await buildSandboxRunner();
    html = fs.readFileSync(FRAME_DOCUMENT_OUTPUT, 'utf8');
  }, 60_000);

  it('holds its whole script inline, with no script URL', () => {
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/);
    expect(html).toMatch(/<script>[^]{100000,}<\/script>/);
  });

  it('is allowed by the hash of exactly that script, and by no fetchable source', async () => {
    const script = /<script>([^]*?)<\/script>/.exec(html)![1]!;
    const hash = `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
    const policy = directives(await servedSandboxCsp());
    expect(policy.get('script-src')).toEqual([hash, "'unsafe-eval'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(['blob:']);
    for (const name of [
      'connect-src',
      'img-src',
      'font-src',
      'media-src',
      'style-src',
      'object-src',
      'base-uri',
      'form-action',
    ]) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
    // 'self' only where it fetches nothing: who may embed the frame.
    for (const [name, values] of policy) {
      if (name !== 'frame-ancestors') expect(values, name).not.toContain("'self'");
      for (const value of values)
        expect(value, `${name} has no host or scheme source but blob:`).not.toMatch(
          /^(https?:|wss?:|data:|\*|[a-z0-9.-]+\.[a-z]{2,})/i,
        );
    }
    expect(policy.get('sandbox')).toEqual(['allow-scripts']);
  });

  it('refuses to inline a script that would end its element early', () => {
    expect(() => frameDocument('var s = "</script><script>alert(1)";')).toThrow(/cannot be inlined/);
    expect(frameDocument('var x = 1;')).toContain('<script>var x = 1;</script>');
  });
});
