/**
 * Learner preferences that outlive a page: colour theme and the default byte format. Persisted in
 * localStorage; nothing secret.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ByteFormat } from '@/lib/crypto/byte-format';

export type ThemePreference = 'system' | 'light' | 'dark';

export interface PreferencesState {
  readonly theme: ThemePreference;
  readonly byteFormat: ByteFormat;
  setTheme(theme: ThemePreference): void;
  setByteFormat(format: ByteFormat): void;
}

const THEME_STORAGE_KEY = 'backdoor-lab:preferences';

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      theme: 'system',
      byteFormat: 'hex',
      setTheme: (theme) => set({ theme }),
      setByteFormat: (byteFormat) => set({ byteFormat }),
    }),
    {
      name: THEME_STORAGE_KEY,
      version: 1,
      // Anything unreadable falls back to the defaults rather than breaking the page.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<PreferencesState>;
        return {
          ...current,
          theme: p.theme === 'light' || p.theme === 'dark' || p.theme === 'system' ? p.theme : current.theme,
          byteFormat:
            p.byteFormat === 'hex' || p.byteFormat === 'base64' || p.byteFormat === 'text' || p.byteFormat === 'bits'
              ? p.byteFormat
              : current.byteFormat,
        };
      },
    },
  ),
);
