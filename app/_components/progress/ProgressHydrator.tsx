'use client';

import { useEffect } from 'react';
import { PROGRESS_STORAGE_KEY } from '@/lib/lessons/progress';
import { useProgressStore } from '@/lib/store/progress-store';

/**
 * Reads stored progress once the page runs in the browser (the store skips hydration so the
 * server and first client render agree), and again when another tab changes it.
 */
export function ProgressHydrator() {
  useEffect(() => {
    void useProgressStore.persist.rehydrate();
    const onStorage = (event: StorageEvent) => {
      if (event.key === PROGRESS_STORAGE_KEY || event.key === null) void useProgressStore.persist.rehydrate();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return null;
}
