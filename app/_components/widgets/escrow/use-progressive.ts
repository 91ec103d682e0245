'use client';
/**
 * Progressive reveal of a large result: the first part renders with the result, each further part
 * one task later. Every commit then lays out a fraction of the new byte views, so no single
 * main-thread task carries the whole layout (the lessons' budget is 50 ms per task, and a result
 * with a dozen byte views costs about 20 ms of layout on its own on a shared 2-core machine).
 */
import { useEffect, useState } from 'react';

/** How many of `parts` parts of the result identified by `key` to show now (1 right after it changes). */
export function useProgressive(key: unknown, parts: number): number {
  const [state, setState] = useState({ key, shown: 1 });
  // A new result starts again from its first part (state derived from the previous render).
  if (state.key !== key) setState({ key, shown: 1 });
  const shown = state.key === key ? state.shown : 1;
  useEffect(() => {
    if (shown >= parts) return;
    const timer = setTimeout(() => setState((s) => (s.key === key ? { key, shown: s.shown + 1 } : s)), 0);
    return () => clearTimeout(timer);
  }, [key, shown, parts]);
  return shown;
}
