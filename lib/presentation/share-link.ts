/**
 * Links that reproduce what is on a screen: a lesson step with its seed, and the attack lab's
 * world settings. Everything random in the lab comes from the seed (lib/crypto/random.ts
 * `seededRandom`), so whoever opens the link and takes the same actions sees the same bytes. The
 * link carries no keys and no results, only what regenerates them.
 *
 * Lesson links use the app's existing `?seed=` parameter (read by the lab, see LabProvider) and
 * the step's `#id` deep link (read by the lesson player), so no new parameter exists to drift.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { EscrowVariant } from '../protocol/escrow-setup';
import type { KeyAgreementMode } from '../protocol/envelope-header';

/** The longest seed a link carries (the lab reads 64 characters of `?seed=`). */
const SHARE_SEED_MAX = 64;

export interface LessonShare {
  readonly slug: string;
  /** The step's id (meta.steps[].id), or undefined for the lesson's start. */
  readonly stepId?: string | undefined;
  readonly seed: string;
}

/** `<origin>/learn/<slug>?seed=<seed>#<step>`. */
export function lessonShareUrl(origin: string, share: LessonShare): string {
  const url = new URL(`/learn/${encodeURIComponent(share.slug)}`, origin);
  url.searchParams.set('seed', share.seed.slice(0, SHARE_SEED_MAX));
  if (share.stepId) url.hash = share.stepId;
  return url.toString();
}

const MODES = ['ratchet', 'static'] as const satisfies readonly KeyAgreementMode[];
const ESCROWS = ['off', 'single', 'xor-2-of-2', 'shamir', 'two-governments'] as const satisfies readonly (
  'off' | EscrowVariant
)[];

/** The attack lab's world settings that decide its bytes. Bounds are the lab's own (AttackLab). */
const attackLabShareSchema = z.object({
  seed: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  people: z.number().check(z.int(), z.minimum(2), z.maximum(16)),
  conversations: z.number().check(z.int(), z.minimum(1), z.maximum(120)),
  messages: z.number().check(z.int(), z.minimum(1), z.maximum(20000)),
  mode: z.enum(MODES),
  escrow: z.enum(ESCROWS),
});

export type AttackLabShare = z.infer<typeof attackLabShareSchema>;

/** `<origin>/attack-lab?seed=…&people=…&conversations=…&messages=…&mode=…&escrow=…`. */
export function attackLabShareUrl(origin: string, share: AttackLabShare): string {
  const url = new URL('/attack-lab', origin);
  url.searchParams.set('seed', share.seed);
  url.searchParams.set('people', String(share.people));
  url.searchParams.set('conversations', String(share.conversations));
  url.searchParams.set('messages', String(share.messages));
  url.searchParams.set('mode', share.mode);
  url.searchParams.set('escrow', share.escrow);
  return url.toString();
}

/**
 * The settings in an attack-lab link's query (`location.search`), or null when the link carries
 * none or any of them is out of bounds: a half-valid link opens the lab's defaults, never a
 * world the sender did not have.
 */
export function parseAttackLabShare(search: string): AttackLabShare | null {
  const params = new URLSearchParams(search);
  if (!params.has('people')) return null;
  const number = (name: string) => {
    const raw = params.get(name);
    return raw !== null && /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const parsed = attackLabShareSchema.safeParse({
    seed: params.get('seed') ?? '',
    people: number('people'),
    conversations: number('conversations'),
    messages: number('messages'),
    mode: params.get('mode'),
    escrow: params.get('escrow'),
  });
  if (!parsed.success) return null;
  const share = parsed.data;
  // The lab allows at most one conversation per pair of people.
  return share.conversations <= (share.people * (share.people - 1)) / 2 ? share : null;
}
