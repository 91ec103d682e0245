/**
 * Bundles the sandbox into public/sandbox/frame.js: the frame host (lib/browser/frame-host-entry.ts)
 * with the learner-code runner (lib/browser/runner-worker-entry.ts, with sucrase, noble and the lab
 * helpers) inlined as a string, from which the frame starts its workers via a blob: URL. The frame
 * document (public/sandbox/frame.html) and this script are served from the app's own origin with the
 * sandbox CSP (next.config.js, `/sandbox/:path*`), which the workers inherit. Runs as `prebuild` and
 * `predev`; the output is not committed.
 * @module
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The bundle's path, relative to the repository root; served at `/sandbox/frame.js`. */
export const FRAME_SCRIPT_OUTPUT = 'public/sandbox/frame.js';

const COMMON: esbuild.BuildOptions = {
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Keep class and function names: learner-facing errors print them (`BytesInputError: ...`).
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/** Builds the frame script with the runner inside; returns the sizes in bytes. */
export async function buildSandboxRunner(): Promise<{ runnerBytes: number; frameBytes: number }> {
  const runner = await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(ROOT, 'lib/browser/runner-worker-entry.ts')],
    write: false,
  });
  const runnerSource = runner.outputFiles[0]!.text;
  const frame = await esbuild.build({
    ...COMMON,
    entryPoints: [path.join(ROOT, 'lib/browser/frame-host-entry.ts')],
    outfile: path.join(ROOT, FRAME_SCRIPT_OUTPUT),
    define: { RUNNER_SOURCE: JSON.stringify(runnerSource) },
    metafile: true,
  });
  const output = Object.values(frame.metafile.outputs)[0];
  return { runnerBytes: Buffer.byteLength(runnerSource), frameBytes: output?.bytes ?? 0 };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const { runnerBytes, frameBytes } = await buildSandboxRunner();
  console.log(
    `wrote ${FRAME_SCRIPT_OUTPUT} (${(frameBytes / 1024).toFixed(0)} KB, of which the runner ${(runnerBytes / 1024).toFixed(0)} KB) in ${Math.round(performance.now() - started)} ms`,
  );
}
