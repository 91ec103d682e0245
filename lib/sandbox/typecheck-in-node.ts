/**
 * Type-checks learner code in Node exactly as the editor does (same declarations, same compiler
 * options as MonacoEditor.tsx), so the lesson validator can prove that a reference solution shows no
 * red squiggles, and so the generated declarations are tested against real code. Uses the
 * TypeScript compiler API (a dev dependency); not for the app.
 * @module
 */
import ts from 'typescript';
import { createRequire } from 'node:module';
import path from 'node:path';
import { SANDBOX_MODULE_DECLARATIONS } from './generated/sandbox-module-declarations';
import { LEARNER_GLOBALS_DECLARATION } from './learner-globals-declaration';
import { lessonContextDeclaration } from './lesson-context-declaration';

/** One type error in learner code, with its 1-based line. */
export interface LearnerTypeError {
  readonly line: number;
  readonly message: string;
}

const LEARNER_FILE = '/exercise/learner.ts';
const require = createRequire(import.meta.url);
const LIB_DIR = path.dirname(require.resolve('typescript/lib/lib.es2022.d.ts'));

/** The editor's compiler options (MonacoEditor.tsx), in compiler-API form. */
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  types: [],
};

/** Type errors in `source` given the lesson `context` (empty when it type-checks cleanly). */
export function typecheckLearnerCode(source: string, context: unknown): LearnerTypeError[] {
  const files = new Map<string, string>();
  for (const file of SANDBOX_MODULE_DECLARATIONS) files.set(file.path.replace('file://', ''), file.content);
  files.set('/learner-globals.d.ts', LEARNER_GLOBALS_DECLARATION);
  files.set('/lesson-context.d.ts', lessonContextDeclaration(context));
  files.set(LEARNER_FILE, source);

  const read = (fileName: string): string | undefined => {
    if (files.has(fileName)) return files.get(fileName);
    if (fileName.startsWith(LIB_DIR)) return ts.sys.readFile(fileName);
    return undefined;
  };
  const host: ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = read(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
    },
    getDefaultLibFileName: () => path.join(LIB_DIR, 'lib.es2022.d.ts'),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getDirectories: () => [],
    fileExists: (fileName) => read(fileName) !== undefined,
    readFile: read,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
  };
  const program = ts.createProgram({
    rootNames: [LEARNER_FILE, '/learner-globals.d.ts', '/lesson-context.d.ts'],
    options: OPTIONS,
    host,
  });
  const sourceFile = program.getSourceFile(LEARNER_FILE)!;
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .filter((d) => d.category === ts.DiagnosticCategory.Error && ![6133, 6192, 6196, 6198].includes(d.code))
    .map((d) => ({
      line: d.start === undefined ? 1 : sourceFile.getLineAndCharacterOfPosition(d.start).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
}
