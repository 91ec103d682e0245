/**
 * Short seeds a presenter can read aloud and a room can type: `amber-otter-42`. A presentation
 * runs on seeded demo randomness by default (lib/crypto/random.ts `seededRandom`), so the
 * rehearsal, the talk and the printed handout show the same bytes. The seed only has to be
 * distinct between workshops, not secret: 32 × 32 × 100 = 102,400 of them.
 *
 * @module
 */

const ADJECTIVES = [
  'amber',
  'bold',
  'brave',
  'calm',
  'clever',
  'coral',
  'crisp',
  'dusty',
  'eager',
  'fancy',
  'gentle',
  'golden',
  'happy',
  'jolly',
  'keen',
  'lucky',
  'mellow',
  'misty',
  'noble',
  'olive',
  'plain',
  'quick',
  'quiet',
  'rapid',
  'rosy',
  'sandy',
  'silver',
  'steady',
  'sunny',
  'swift',
  'tidy',
  'witty',
] as const;

const NOUNS = [
  'badger',
  'beacon',
  'cactus',
  'comet',
  'falcon',
  'fern',
  'garnet',
  'harbor',
  'heron',
  'island',
  'kettle',
  'lantern',
  'lemur',
  'maple',
  'meadow',
  'otter',
  'panda',
  'pebble',
  'pepper',
  'pine',
  'quartz',
  'raven',
  'river',
  'rocket',
  'salmon',
  'signal',
  'thistle',
  'tiger',
  'tulip',
  'walrus',
  'willow',
  'zebra',
] as const;

/** The shape of a readable seed, for checks and tests. */
export const READABLE_SEED = /^[a-z]+-[a-z]+-\d{1,2}$/;

/**
 * A seed from three random bytes (pass `crypto.getRandomValues(new Uint8Array(3))`; taking the
 * bytes keeps this pure). Slight modulo bias on the number is irrelevant for a label.
 */
export function readableSeed(random: Uint8Array): string {
  if (random.length < 3) throw new Error(`readableSeed needs 3 random bytes, got ${random.length}`);
  const [a = 0, b = 0, c = 0] = random;
  return `${ADJECTIVES[a % ADJECTIVES.length]}-${NOUNS[b % NOUNS.length]}-${c % 100}`;
}
