/**
 * TypeScript → JavaScript for learner code, with sucrase: types are stripped and ES `import` /
 * `export` become `require()` / `exports.x = ...`, so the runner decides what each import yields.
 * Sucrase keeps every statement on its original line, which is what lets runtime errors point at
 * the learner's line. Dynamic `import('...')` is rewritten to `require` too, so it meets the same
 * allowlist (a string built at run time still cannot reach the real `import()`: the worker's CSP
 * blocks every URL that is not the app's own, and the app serves no learner-importable script).
 * @module
 */
import { transform } from 'sucrase';

/** The source does not parse. `line`/`column` are 1-based positions in the learner's source. */
export class LearnerSyntaxError extends Error {
  override readonly name = 'LearnerSyntaxError';
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Transpiled learner code: a script body that uses `require`, `exports` and `module`. */
export interface TranspiledProgram {
  readonly code: string;
}

/**
 * Transpiles learner TypeScript. Throws {@link LearnerSyntaxError} with the learner's line when the
 * source does not parse.
 */
export function transpileLearnerCode(source: string): TranspiledProgram {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      // Keep `import()` out of the real module loader: it becomes require() and meets the allowlist.
      preserveDynamicImport: false,
      production: true,
      disableESTransforms: true,
      // An import that is never used must still meet the allowlist, as it would in Node.
      keepUnusedImports: true,
    });
    return { code };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const loc = (error as { loc?: { line?: unknown; column?: unknown } } | null)?.loc;
    const line = typeof loc?.line === 'number' ? loc.line : undefined;
    const column = typeof loc?.column === 'number' ? loc.column : undefined; // sucrase's column is 1-based
    // sucrase appends " (line:column)"; we show the position separately.
    throw new LearnerSyntaxError(message.replace(/\s*\(\d+:\d+\)\s*$/, ''), line, column);
  }
}
