/// <reference types="mdx" />
/**
 * Lesson prose by slug, loaded on the server by the lesson page (MDX is rendered to HTML there;
 * only the widgets' client code ships to the browser). One entry per lesson in index.ts, each
 * importing its own folder's content.mdx; `npm run lessons:check` verifies both.
 */
import type { MDXContent } from 'mdx/types';

/** slug → loader of that lesson's compiled content.mdx. */
export const lessonContent = {
  welcome: () => import('./welcome/content.mdx'),
  keys: () => import('./keys/content.mdx'),
  'key-exchange': () => import('./key-exchange/content.mdx'),
  encrypt: () => import('./encrypt/content.mdx'),
  'end-to-end': () => import('./end-to-end/content.mdx'),
  'forward-secrecy': () => import('./forward-secrecy/content.mdx'),
  'exceptional-access': () => import('./exceptional-access/content.mdx'),
  'steal-the-key': () => import('./steal-the-key/content.mdx'),
  'split-keys': () => import('./split-keys/content.mdx'),
  mitigations: () => import('./mitigations/content.mdx'),
  'ghost-user': () => import('./ghost-user/content.mdx'),
  'write-the-attack': () => import('./write-the-attack/content.mdx'),
} satisfies Record<string, () => Promise<{ default: MDXContent }>>;
