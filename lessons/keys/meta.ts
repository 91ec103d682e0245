import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'keys',
  title: 'Keys',
  summary:
    'Generate real X25519 key pairs for Alice and Bob, see which half is secret and why, and check the code against the published test vector.',
  minutes: 8,
  level: 'beginner',
  objectives: [
    'Generate an X25519 key pair and say which half may be shared and which must stay on the device',
    'Explain that a public key is computed from the secret key, and why the reverse is out of reach',
    'Say where the 32 random bytes of a secret key come from, and how demo randomness differs',
    'Run the RFC 7748 test vector to check that the code making your keys computes X25519 correctly',
  ],
  prerequisites: [],
  steps: [
    {
      id: 'alice-key',
      title: "Alice's key pair",
      requires: [{ action: 'keypair:alice', hint: "Generate Alice's key pair first." }],
    },
    {
      id: 'bob-key',
      title: "Bob's key pair",
      requires: [{ action: 'keypair:bob', hint: "Generate Bob's key pair first." }],
    },
    { id: 'public-and-secret', title: 'Public and secret' },
    { id: 'randomness', title: 'Where the randomness comes from' },
    { id: 'self-test', title: "Prove it's real" },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:what-bob-sends', hint: 'Answer the question about what Bob sends.' },
        { action: 'quiz:where-bytes-come-from', hint: 'Answer the question about randomness.' },
        { action: 'quiz:what-self-test-shows', hint: 'Answer the question about the self-test.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'what-bob-sends',
      question: 'Alice wants to start a private conversation with Bob. What should Bob send her?',
      choices: [
        {
          text: 'His public key',
          correct: true,
          explanation:
            'Right. The public key is made to be shared: anyone may see it, including Eve. The next lesson shows how Alice and Bob turn two public keys into a shared secret.',
        },
        {
          text: 'His secret key',
          correct: false,
          explanation:
            'No. Whoever holds the secret key can do everything Bob can do with it. It is generated on his device and should never leave it.',
        },
        {
          text: 'Both keys, so that Alice can check they belong together',
          correct: false,
          explanation:
            'No. Sending the secret key gives it away, to Alice and to anyone watching the network. The public key alone is enough for Alice.',
        },
        {
          text: 'Nothing: they must meet in person to exchange keys',
          correct: false,
          explanation:
            "No. Public keys can travel over an open network; that is what makes them useful. (Checking that a public key really is Bob's is a separate question, which later lessons come back to.)",
        },
      ],
    },
    {
      id: 'where-bytes-come-from',
      question: 'Where do the 32 bytes of a secret key come from when this lab runs normally?',
      choices: [
        {
          text: 'Math.random(), called once for each of the 32 bytes',
          correct: false,
          explanation:
            'No. Math.random is built for speed, not secrecy; its output can be predictable. Keys need a generator designed so that its output cannot be guessed.',
        },
        {
          text: 'A hash of the current time, your browser and your screen size',
          correct: false,
          explanation:
            'No. The time and browser details can be guessed by an attacker, so a key derived from them could be guessed too.',
        },
        {
          text: "The platform's secure generator (crypto.getRandomValues)",
          correct: true,
          explanation:
            'Right. The lab asks the platform CSPRNG for 32 bytes each time you press Generate. Only the workshop mode uses seeded demo randomness, and every value made from it is labelled "demo randomness".',
        },
        {
          text: 'A list of keys shipped with the app',
          correct: false,
          explanation:
            'No. Anyone can read what an app ships. Every key pair here is new, generated in your browser when you press the button.',
        },
      ],
    },
    {
      id: 'what-self-test-shows',
      question: 'What does a passing RFC 7748 self-test tell you?',
      choices: [
        {
          text: 'That the code making your keys computes X25519 correctly on the published inputs',
          correct: true,
          explanation:
            "Right. It runs the standard's own test keys through the same functions and compares every byte with the published answers.",
        },
        {
          text: 'That your own key pair is secure and could not have been guessed',
          correct: false,
          explanation:
            'No. The test uses fixed, published keys. It says nothing about how your secret key was chosen; that depends on the randomness.',
        },
        {
          text: 'That nobody, however much computing power they have, can compute a secret key from its public key',
          correct: false,
          explanation:
            'No. That rests on a mathematical problem believed to be hard (the discrete logarithm). No test run can prove it; a test only checks that the computation is the standard one.',
        },
      ],
    },
  ],
} satisfies Lesson;
