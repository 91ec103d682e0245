/**
 * Bundles the learner-code runner (lib/sandbox/runner-worker-entry.ts with sucrase, noble and the
 * lab helpers) into public/sandbox/runner.js. The file is served from the app's own origin with its
 * own CSP (next.config.js, `/sandbox/:path*`), which is the policy the worker runs under. Runs as
 * `prebuild` and `predev`; the output is not committed.
 * @module
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The bundle's path, relative to the repository root; served at `/sandbox/runner.js`. */
export const RUNNER_OUTPUT = 'public/sandbox/runner.js';

/** Builds the runner bundle; returns its size in bytes. */
export async function buildSandboxRunner(): Promise<number> {
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'lib/sandbox/runner-worker-entry.ts')],
    outfile: path.join(ROOT, RUNNER_OUTPUT),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Keep class and function names: learner-facing errors print them (`BytesInputError: ...`).
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  const output = Object.values(result.metafile.outputs)[0];
  return output?.bytes ?? 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const bytes = await buildSandboxRunner();
  console.log(`wrote ${RUNNER_OUTPUT} (${(bytes / 1024).toFixed(0)} KB) in ${Math.round(performance.now() - started)} ms`);
}
