/**
 * The course: tracks in order, each listing lesson slugs in order, and every lesson's metadata.
 * Adding a lesson: create lessons/<slug>/ (meta.ts, content.mdx), import its meta here, list its
 * slug in a track, add it to lesson-content.ts, then run `npm run lessons:check`.
 */
import type { Lesson, Track } from '@/lib/lessons/lesson-types';
import { lesson as encrypt } from './encrypt/meta';
import { lesson as exceptionalAccess } from './exceptional-access/meta';
import { lesson as endToEnd } from './end-to-end/meta';
import { lesson as forwardSecrecy } from './forward-secrecy/meta';
import { lesson as ghostUser } from './ghost-user/meta';
import { lesson as keyExchange } from './key-exchange/meta';
import { lesson as keys } from './keys/meta';
import { lesson as mitigations } from './mitigations/meta';
import { lesson as splitKeys } from './split-keys/meta';
import { lesson as stealTheKey } from './steal-the-key/meta';
import { lesson as welcome } from './welcome/meta';
import { lesson as writeTheAttack } from './write-the-attack/meta';

/** Every lesson's metadata. */
export const lessons: readonly Lesson[] = [
  welcome,
  keys,
  keyExchange,
  encrypt,
  endToEnd,
  forwardSecrecy,
  exceptionalAccess,
  stealTheKey,
  splitKeys,
  mitigations,
  ghostUser,
  writeTheAttack,
];

/** The catalogue, in the order the lessons are meant to be taken. */
export const tracks: readonly Track[] = [
  {
    id: 'start',
    title: 'Start here',
    description: 'How the lab works: moving through a lesson, and what it keeps in your browser.',
    lessons: ['welcome'],
  },
  {
    id: 'core',
    title: 'The core path',
    description:
      'Build an encrypted conversation from real parts: key pairs, a shared secret, a derived key and authenticated encryption. Then send it through a server, and steal a phone.',
    lessons: ['keys', 'key-exchange', 'encrypt', 'end-to-end', 'forward-secrecy'],
  },
  {
    id: 'backdoor',
    title: 'The backdoor',
    description:
      'Switch on an escrow key for lawful access, then play the thief who steals it, and see what splitting the key between agencies changes.',
    lessons: ['exceptional-access', 'steal-the-key', 'split-keys', 'mitigations', 'ghost-user', 'write-the-attack'],
  },
];
