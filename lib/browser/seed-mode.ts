/**
 * Seeded mode in the page address: `?seed=<text>` makes the lab's random values reproducible
 * (demo randomness, lib/crypto/random.ts `seededRandom`), so a projector and a handout show the
 * same bytes. The address is the one place the seed lives: a link that keeps it is a link a
 * presenter can share, and a fresh browser given the same address computes the same bytes.
 * Pure string functions: the page's hooks (app/_components/seed/) read `location.search` and call them.
 * @module
 */

/** The query parameter that carries the seed. */
const SEED_PARAM = 'seed';

/** Longest seed kept; a longer one is cut (it only ever feeds SHA-256). */
const SEED_MAX_LENGTH = 64;

/** The seed in a query string (`?seed=workshop&x=1`), cut to 64 characters; undefined when absent or empty. */
export function seedFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get(SEED_PARAM)?.slice(0, SEED_MAX_LENGTH) || undefined;
}

/** Splits an href into path, query and fragment without resolving it against any base. */
function splitHref(href: string): { path: string; query: string; hash: string } {
  const hashAt = href.indexOf('#');
  const hash = hashAt === -1 ? '' : href.slice(hashAt);
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt === -1
    ? { path: beforeHash, query: '', hash }
    : { path: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), hash };
}

/**
 * An app-internal href (`/learn/keys#step-2`) with the seed set in its query, before the fragment.
 * Without a seed, or for an href that leaves the app (another origin, `mailto:`, a bare `#step`), the
 * href is returned unchanged.
 */
export function withSeed(href: string, seed: string | undefined): string {
  if (!seed || !href.startsWith('/') || href.startsWith('//')) return href;
  const { path, query, hash } = splitHref(href);
  const params = new URLSearchParams(query);
  params.set(SEED_PARAM, seed);
  return `${path}?${params.toString()}${hash}`;
}

/** The href with the seed taken out of its query (the rest of the query and the fragment kept). */
export function withoutSeed(href: string): string {
  const { path, query, hash } = splitHref(href);
  const params = new URLSearchParams(query);
  params.delete(SEED_PARAM);
  const rest = params.toString();
  return `${path}${rest ? `?${rest}` : ''}${hash}`;
}
