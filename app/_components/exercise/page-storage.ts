/**
 * The page's localStorage as the exercise store's injected storage. `window.localStorage` is read on
 * each call, not once: merely touching it throws where storage is disabled, and the store's safe
 * read/write pair turns that into "kept in this tab only".
 */
import type { KeyValueStorage } from '@/lib/store/exercise-store-persistence';

export const pageStorage: KeyValueStorage = {
  getItem: (key) => window.localStorage.getItem(key),
  setItem: (key, value) => window.localStorage.setItem(key, value),
  removeItem: (key) => window.localStorage.removeItem(key),
};
