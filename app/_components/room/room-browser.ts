/**
 * The browser's side of the room stores: real `fetch`, the platform CSPRNG, and the presenter's
 * room kept in sessionStorage (this tab only, never a URL, gone when the tab closes).
 */
import { csprng } from '@/lib/crypto/random';
import type { PresenterRoomStorage } from '@/lib/store/room-presenter-store';

const KEY = 'backdoor-lab:room-presenter';

export const browserFetch = (path: string, init: RequestInit) => fetch(path, init);

export const browserRandom = csprng();

export const presenterSessionStorage: PresenterRoomStorage = {
  load() {
    try {
      const raw = sessionStorage.getItem(KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (
        parsed &&
        typeof parsed === 'object' &&
        'code' in parsed &&
        'presenterToken' in parsed &&
        typeof parsed.code === 'string' &&
        typeof parsed.presenterToken === 'string'
      )
        return { code: parsed.code, presenterToken: parsed.presenterToken };
    } catch {
      // unreadable storage: start without a room
    }
    return null;
  },
  save(room) {
    sessionStorage.setItem(KEY, JSON.stringify(room));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
};

/** `ab12cd34…` as `ab12 cd34 …`: short, grouped, for a key at a glance. */
export function shortKey(hex: string, groups = 4): string {
  const parts: string[] = [];
  for (let i = 0; i < groups * 4 && i < hex.length; i += 4) parts.push(hex.slice(i, i + 4));
  return `${parts.join(' ')} …`;
}
