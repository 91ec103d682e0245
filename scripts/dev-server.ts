/**
 * `npm run dev`: generates the lesson registry, keeps it (and an external course's mirror) up to
 * date while the author edits, and runs `next dev` with the arguments given (`npm run dev -- -p
 * 3001`). Saving a lesson's content.mdx or meta.ts then updates the open page in place; a new
 * lesson folder is picked up without a restart.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { generateProjectRegistry, watchCourse } from './generate-lesson-registry';

const location = generateProjectRegistry();
watchCourse(location);

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const next = spawn(process.execPath, [nextBin, 'dev', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => next.kill(signal));
next.on('exit', (code) => process.exit(code ?? 0));
