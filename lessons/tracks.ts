/**
 * The course: tracks in order, each listing lesson slugs in order. The one hand-kept list of the
 * course (every lesson folder is found by scripts/generate-lesson-registry.ts); `npm run
 * lessons:check` names a folder that no track lists.
 */
import type { Track } from '@/lib/lessons/lesson-types';

export const tracks = [
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
] satisfies Track[];
