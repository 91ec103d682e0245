/**
 * What `npm run lesson:new` writes: a lesson that passes `lessons:check` as created (a gated step
 * with a real widget, a quiz question, optionally a code exercise whose starter fails and whose
 * solution passes), and the one-line edit that lists it in a track. Pure text in, text out; the
 * script (scripts/lesson-new.ts) reads and writes the files.
 *
 * @module
 */
import { KEBAB_CASE } from './id-patterns';

/** What the author chose. */
export interface ScaffoldOptions {
  readonly slug: string;
  readonly title: string;
  readonly withExercise: boolean;
}

/** Why a slug cannot be used, or undefined when it can. */
export function slugProblem(slug: string, taken: ReadonlySet<string>): string | undefined {
  if (!KEBAB_CASE.test(slug))
    return `"${slug}" is not a valid slug: use lower-case letters and digits separated by single hyphens, e.g. my-first-lesson (it becomes the URL /learn/<slug>).`;
  if (taken.has(slug))
    return `"${slug}" is taken: a lesson folder or a track entry already uses it. Pick another slug.`;
  return undefined;
}

/** "my-first-lesson" → "My first lesson". */
export function titleFromSlug(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/** The files of the new lesson folder, by name. */
export function scaffoldLesson(options: ScaffoldOptions): Record<string, string> {
  const { slug, title, withExercise } = options;
  const exerciseId = `${slug}-public-key`;
  const quizId = `${slug}-which-half`;
  const meta = `import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: '${slug}',
  title: ${quote(title)},
  summary: 'One or two sentences for the catalogue: what the learner does in this lesson.',
  minutes: 5,
  level: 'beginner',
  objectives: ['Generate an X25519 key pair and say which half stays secret'],
  prerequisites: [],
  steps: [
    {
      id: 'make-a-key',
      title: 'Make a key pair',
      requires: [{ action: 'keypair:alice', hint: "Generate Alice's key pair first." }],
    },${
      withExercise
        ? `
    { id: 'in-code', title: 'Do it in code', exercise: '${exerciseId}' },`
        : ''
    }
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [{ action: 'quiz:${quizId}', hint: 'Answer the question first.' }],
    },
  ],
  quiz: [
    {
      id: '${quizId}',
      question: 'Which half of the key pair may Alice send to Bob?',
      choices: [
        { text: 'The public key', correct: true, explanation: 'It is computed from the secret key and is safe to share.' },
        { text: 'The secret key', correct: false, explanation: 'Whoever holds the secret key can read what is sent to Alice.' },
      ],
    },
  ],
} satisfies Lesson;
`;
  const content = `<Step id="make-a-key">

Replace this with your first step. Prose is Markdown; the elements you may use are in the widget
gallery (/authoring). This one makes a real X25519 key pair for Alice:

<KeyPair actor="alice" />

Next unlocks once Alice has a key pair: meta.ts lists \`keypair:alice\` in this step's \`requires\`.

</Step>
${
  withExercise
    ? `
<Step id="in-code">

Now the same in code: the learner's program runs in a sandbox and the checks say what is right.

<Exercise id="${exerciseId}" />

</Step>
`
    : ''
}
<Step id="check">

<Quiz id="${quizId}" />

</Step>
`;
  const files: Record<string, string> = { 'meta.ts': meta, 'content.mdx': content };
  if (withExercise) files['exercises.ts'] = scaffoldExercise(slug, exerciseId);
  return files;
}

function scaffoldExercise(slug: string, exerciseId: string): string {
  return `import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import type { LessonExercises } from '@/lib/lessons/lesson-exercises';
import type { ExerciseSpec } from '@/lib/sandbox/exercise-spec';

/** Alice's key pair, computed with the lab's own X25519 from a seed (the page and lessons:check agree). */
function publicKeyExercise(): ExerciseSpec {
  const alice = generateKeyPair(seededRandom('${slug} exercise'));
  return {
    id: '${exerciseId}',
    title: "Compute Alice's public key",
    instructions: "\`lesson.secretKey\` is Alice's secret key. Export her public key as \`publicKey\`: X25519(secret key, 9).",
    starter: "import { x25519 } from '@noble/curves/ed25519.js';\\n\\n// TODO: X25519(lesson.secretKey, 9)\\nexport const publicKey = new Uint8Array(32);\\n",
    solution: "import { x25519 } from '@noble/curves/ed25519.js';\\n\\nexport const publicKey = x25519.getPublicKey(lesson.secretKey);\\n",
    checks: [
      { id: 'ran', kind: 'ran', description: 'The program runs to the end' },
      {
        id: 'public-key',
        kind: 'bytesEqual',
        path: 'publicKey',
        expected: 'publicKey',
        description: "\`publicKey\` is Alice's public key",
        failMessage: 'x25519.getPublicKey(secretKey) computes X25519(secretKey, 9).',
      },
    ],
    hints: ['The noble library is imported for you: x25519.getPublicKey takes the secret key.'],
    cheats: [
      {
        name: 'returns the setup back: the secret key as the public key',
        source: 'export const publicKey = lesson.secretKey;\\n',
        caughtBy: 'public-key',
      },
    ],
    setup: { context: { secretKey: alice.secretKey }, expected: { publicKey: alice.publicKey } },
  };
}

export const exercises = [publicKeyExercise] satisfies LessonExercises;
`;
}

/**
 * tracks.ts with `slug` appended to the lessons of track `trackId`, or an error saying what to do
 * by hand. Edits the text (keeping the author's comments and layout); the caller formats it.
 */
export function addSlugToTrack(
  tracksSource: string,
  trackId: string,
  slug: string,
): { source: string } | { error: string } {
  const byHand = `add '${slug}' to the lessons of track "${trackId}" in tracks.ts by hand`;
  const idAt = tracksSource.search(new RegExp(`\\bid:\\s*['"]${trackId.replace(/[-]/g, '\\-')}['"]`));
  if (idAt < 0) return { error: `tracks.ts has no track with id "${trackId}": ${byHand}.` };
  const listAt = tracksSource.slice(idAt).search(/\blessons:\s*\[/);
  if (listAt < 0) return { error: `Track "${trackId}" has no lessons: [...] list: ${byHand}.` };
  const open = tracksSource.indexOf('[', idAt + listAt);
  const close = tracksSource.indexOf(']', open);
  if (close < 0) return { error: `Track "${trackId}"'s lessons list is not closed: ${byHand}.` };
  const items = tracksSource
    .slice(open + 1, close)
    .trimEnd()
    .replace(/,$/, '');
  const list = items.trim() === '' ? `'${slug}'` : `${items}, '${slug}'`;
  return { source: `${tracksSource.slice(0, open + 1)}${list}${tracksSource.slice(close)}` };
}
