// Monaco's editor worker (diffing, links, word-based suggestions), bundled by Next from the local package.
import 'monaco-editor/editor/editor.worker';
