'use client';
/**
 * Loads Monaco only when asked: next/dynamic with ssr: false keeps Monaco out of the server render
 * and out of every page's first load; its chunks are requested when this component first renders.
 */
import dynamic from 'next/dynamic';

const loadMonaco = () => import('./MonacoEditor');

/** Starts loading Monaco early (on hover over "Open editor"); loading twice costs nothing. */
export function preloadMonaco(): void {
  void loadMonaco();
}

/** The Monaco editor, loaded on first render; shows a loading line until then. */
export const MonacoEditorLoader = dynamic(loadMonaco, {
  ssr: false,
  loading: () => <p role="status">Loading the editor…</p>,
});
