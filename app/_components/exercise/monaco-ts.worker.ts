// Monaco's TypeScript language service worker, bundled by Next from the local package.
import 'monaco-editor/languages/features/typescript/ts.worker';
