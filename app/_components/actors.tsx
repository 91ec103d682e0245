/**
 * The cast. Each actor has one colour (a CSS variable from globals.css) and one icon, used the same
 * way in every diagram, byte view and log, so a learner can tell at a glance whose value they see.
 */
import type { ReactElement } from 'react';
import styles from './actors.module.css';

export type ActorId = 'alice' | 'bob' | 'carol' | 'eve' | 'server' | 'escrow' | 'thief';

export interface Actor {
  readonly id: ActorId;
  readonly name: string;
  readonly role: string;
  /** CSS colour expression, e.g. `var(--alice)`. */
  readonly color: string;
}

export const ACTORS: Readonly<Record<ActorId, Actor>> = {
  alice: { id: 'alice', name: 'Alice', role: 'sends a message', color: 'var(--alice)' },
  bob: { id: 'bob', name: 'Bob', role: 'receives it', color: 'var(--bob)' },
  carol: { id: 'carol', name: 'Carol', role: 'another user', color: 'var(--carol)' },
  eve: { id: 'eve', name: 'Eve', role: 'eavesdropper on the wire', color: 'var(--eve)' },
  server: { id: 'server', name: 'Server', role: 'relays messages', color: 'var(--server)' },
  escrow: { id: 'escrow', name: 'Escrow authority', role: 'holds the backdoor key', color: 'var(--escrow)' },
  thief: { id: 'thief', name: 'Thief', role: 'stole the escrow key', color: 'var(--thief)' },
};

/** Icon paths drawn on a 24×24 grid; shapes differ so colour is never the only cue. */
const ICON_PATHS: Readonly<Record<ActorId, ReactElement>> = {
  // a person with a rounded head
  alice: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
    </>
  ),
  // a person with a square head
  bob: (
    <>
      <rect x="8" y="4" width="8" height="8" rx="2" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
    </>
  ),
  // a person with a triangular head
  carol: (
    <>
      <path d="M12 3l5 8H7z" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z" />
    </>
  ),
  // an eye
  eve: (
    <>
      <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" fillOpacity="0.25" />
      <circle cx="12" cy="12" r="3.5" />
    </>
  ),
  // a server rack
  server: (
    <>
      <rect x="4" y="3" width="16" height="7" rx="1.5" />
      <rect x="4" y="14" width="16" height="7" rx="1.5" />
    </>
  ),
  // a key
  escrow: (
    <>
      <circle cx="7.5" cy="12" r="4.5" />
      <path d="M11 11h11v3h-2v3h-3v-3h-6z" />
    </>
  ),
  // a mask
  thief: (
    <>
      <path d="M2 9c3-2 7-2 10 0 3-2 7-2 10 0-1 5-4 7-6 7-2 0-3-2-4-2s-2 2-4 2c-2 0-5-2-6-7z" />
    </>
  ),
};

/** The actor's icon in its colour. Decorative unless `title` is given. */
export function ActorIcon({ actor, size = 20, title }: { actor: ActorId; size?: number; title?: string }) {
  return (
    <svg
      className={styles.icon}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={ACTORS[actor].color}
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      focusable="false"
    >
      {ICON_PATHS[actor]}
    </svg>
  );
}

/** Icon and name, in the actor's colour: "● Alice". */
export function ActorBadge({ actor, suffix }: { actor: ActorId; suffix?: string }) {
  return (
    <span className={styles.badge} style={{ ['--actor' as string]: ACTORS[actor].color }}>
      <ActorIcon actor={actor} size={18} />
      <span>
        {ACTORS[actor].name}
        {suffix}
      </span>
    </span>
  );
}
