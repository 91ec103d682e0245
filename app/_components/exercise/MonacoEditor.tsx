'use client';
/**
 * Monaco, from the app's own bundle (never a CDN): `loader.config({ monaco })` hands
 * @monaco-editor/react the locally imported package, and `MonacoEnvironment.getWorker` returns a
 * local worker for every label (Monaco asks for one per label once the hook exists). This module is
 * only ever loaded through next/dynamic with ssr: false, from MonacoEditorLoader.
 */
import Editor, { loader, type OnMount } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import { useEffect, useRef } from 'react';
import { SANDBOX_MODULE_DECLARATIONS } from '@/lib/sandbox/generated/sandbox-module-declarations';
import { LEARNER_GLOBALS_DECLARATION } from '@/lib/sandbox/learner-globals-declaration';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('./monaco-ts.worker.ts', import.meta.url), { type: 'module', name: label });
    }
    return new Worker(new URL('./monaco-editor.worker.ts', import.meta.url), { type: 'module', name: label });
  },
};
loader.config({ monaco });

const ts = monaco.typescript;
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ['es2022'],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  isolatedModules: true,
  // Every learner file is its own module (as at run time, where it is a function body), so two
  // exercises on one page can both declare `const key` (3 = ModuleDetectionKind.Force).
  moduleDetection: 3,
});
// 6133/6192/6196/6198: "declared but never used". Starters import what the learner will need, and
// Monaco would render those imports faded, below readable contrast.
ts.typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: [6133, 6192, 6196, 6198],
});
ts.typescriptDefaults.setEagerModelSync(true);
for (const file of SANDBOX_MODULE_DECLARATIONS) ts.typescriptDefaults.addExtraLib(file.content, file.path);
ts.typescriptDefaults.addExtraLib(LEARNER_GLOBALS_DECLARATION, 'file:///learner-globals.d.ts');

// Monaco's own themes dim line numbers below WCAG AA contrast (1.8:1); ours use the app's muted text.
// Checked with axe-core in e2e/sandbox-editor.spec.ts.
monaco.editor.defineTheme('backdoor-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editorLineNumber.foreground': '#4f5568',
    'editorLineNumber.dimmedForeground': '#4f5568',
    'editorLineNumber.activeForeground': '#1b1d29',
  },
});
monaco.editor.defineTheme('backdoor-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '7fae6a' }], // vs-dark's #608b4e is 4.2:1 on its background
  colors: {
    'editorLineNumber.foreground': '#aab0c2',
    'editorLineNumber.dimmedForeground': '#aab0c2',
    'editorLineNumber.activeForeground': '#e9eaf2',
    // Occurrence highlights as outlines: vs-dark's grey fill leaves keywords at 3.2:1.
    'editor.wordHighlightBackground': '#00000000',
    'editor.wordHighlightStrongBackground': '#00000000',
    'editor.wordHighlightTextBackground': '#00000000',
    'editor.selectionHighlightBackground': '#00000000',
    'editor.wordHighlightBorder': '#aab0c2',
    'editor.wordHighlightStrongBorder': '#e9eaf2',
    'editor.selectionHighlightBorder': '#aab0c2',
  },
});

/** The app's theme: `<html data-theme="dark">` or light. */
function currentTheme(): 'backdoor-dark' | 'backdoor-light' {
  return document.documentElement.dataset.theme === 'dark' ? 'backdoor-dark' : 'backdoor-light';
}

/** Moves focus to the focusable element just after (or before) `container`, for "Esc then Tab". */
function moveFocusOutOf(container: Element, backwards: boolean): void {
  const focusable = [
    ...document.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    ),
  ].filter((el) => el.tabIndex >= 0 && (el.offsetParent !== null || container.contains(el)));
  const inside = focusable.filter((el) => container.contains(el));
  if (inside.length === 0) return;
  const target = backwards
    ? focusable[focusable.indexOf(inside[0]!) - 1]
    : focusable[focusable.indexOf(inside[inside.length - 1]!) + 1];
  target?.focus();
}

/**
 * The `lesson` declaration in force. Every exercise declares a global `lesson` of its own type, and
 * two at once would clash (duplicate identifiers), so only the exercise whose editor last mounted or
 * took focus has its declaration registered.
 */
let activeContext: { owner: string; declaration: string; lib: monaco.IDisposable } | undefined;

function activateContextDeclaration(owner: string, declaration: string): void {
  if (activeContext?.owner === owner && activeContext.declaration === declaration) return;
  activeContext?.lib.dispose();
  activeContext = {
    owner,
    declaration,
    lib: ts.typescriptDefaults.addExtraLib(declaration, 'file:///lesson-context.d.ts'),
  };
}

/** Props of {@link MonacoEditor}. */
export interface MonacoEditorProps {
  /** Model path, e.g. `file:///exercises/code-lab.ts` (one model per exercise). */
  readonly path: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  /** Declarations of `lesson` for this exercise. */
  readonly contextDeclaration: string;
  readonly ariaLabel: string;
  /** Focus the editor once it is ready. */
  readonly autoFocus?: boolean;
}

/** The TypeScript editor for learner code. */
export default function MonacoEditor({
  path,
  value,
  onChange,
  onRun,
  contextDeclaration,
  ariaLabel,
  autoFocus,
}: MonacoEditorProps) {
  const onRunRef = useRef(onRun);
  useEffect(() => {
    onRunRef.current = onRun;
  }, [onRun]);

  const declarationRef = useRef(contextDeclaration);
  useEffect(() => {
    declarationRef.current = contextDeclaration;
    if (activeContext?.owner === path) activateContextDeclaration(path, contextDeclaration);
  }, [contextDeclaration, path]);
  useEffect(
    () => () => {
      if (activeContext?.owner === path) {
        activeContext.lib.dispose();
        activeContext = undefined;
      }
    },
    [path],
  );

  useEffect(() => {
    const observer = new MutationObserver(() => monaco.editor.setTheme(currentTheme()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);

  const handleMount: OnMount = (editor) => {
    activateContextDeclaration(path, declarationRef.current);
    editor.onDidFocusEditorText(() => activateContextDeclaration(path, declarationRef.current));
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current());
    // "Esc then Tab" leaves the editor (Ctrl+M toggles Tab's behaviour for good).
    let escaped = false;
    editor.onKeyDown((event) => {
      if (event.keyCode === monaco.KeyCode.Escape) {
        escaped = true;
        return;
      }
      if (event.keyCode === monaco.KeyCode.Tab && escaped) {
        event.preventDefault();
        event.stopPropagation();
        const node = editor.getDomNode();
        if (node) moveFocusOutOf(node, event.shiftKey);
      }
      escaped = false;
    });
    if (autoFocus) editor.focus();
  };

  return (
    <Editor
      height="100%"
      language="typescript"
      path={path}
      value={value}
      theme={currentTheme()}
      onChange={(next) => onChange(next ?? '')}
      onMount={handleMount}
      loading={<p>Loading the editor…</p>}
      options={{
        accessibilitySupport: 'on',
        // The textarea input path: mature with screen readers, and it does not drop fast keystrokes
        // the way the EditContext path did in headless Chromium.
        editContext: false,
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        tabSize: 2,
        scrollBeyondLastLine: false,
        fixedOverflowWidgets: true,
        wordWrap: 'on',
        renderLineHighlight: 'line',
        // Faded "unused" code fails contrast; the TypeScript worker still reports it as a hint.
        showUnused: false,
        showDeprecated: false,
      }}
    />
  );
}
