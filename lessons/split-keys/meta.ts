import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'split-keys',
  title: 'Split keys',
  summary:
    "Split the escrow key between agencies, as Clipper split its unit keys between two escrow agents in 1994, then k-of-n with Shamir's scheme. Count how many thefts it now takes, and see what splitting leaves unchanged.",
  minutes: 12,
  level: 'intermediate',
  objectives: [
    "Split an escrow key into two XOR components, as Clipper's two escrow agents held theirs, and show that one component alone opens nothing",
    "Split the key k-of-n with Shamir's secret sharing and count, by decryption, how many stolen shares it takes",
    "Detect a corrupted share by checking the recombined key against the authority's public key",
    'Explain what splitting does not change: the whole key exists again at every use, and every agency becomes a target',
  ],
  prerequisites: ['steal-the-key'],
  steps: [
    { id: 'two-agents', title: 'Two escrow agents' },
    {
      id: 'xor-split',
      title: 'Split in two',
      requires: [
        { action: 'split:xor', hint: 'Split the key into two components first.' },
        { action: 'stolen:xor', hint: 'Now steal enough components to open the traffic.' },
      ],
    },
    {
      id: 'k-of-n',
      title: 'Any k of n',
      requires: [
        { action: 'split:shamir', hint: 'Split the key into Shamir shares first.' },
        { action: 'stolen:shamir', hint: 'Now steal enough shares to open the traffic.' },
      ],
    },
    {
      id: 'bad-share',
      title: 'A share that lies',
      requires: [{ action: 'split:bad-share', hint: 'Corrupt a share and recombine first.' }],
    },
    { id: 'what-does-not-change', title: 'What splitting does not change' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:one-component', hint: 'Answer the question about one component.' },
        { action: 'quiz:how-many-agencies', hint: 'Answer the question about k of n.' },
        { action: 'quiz:what-splitting-leaves', hint: 'Answer the question about what splitting leaves unchanged.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'one-component',
      question: "A thief steals Agency 1's XOR component. What can it open?",
      choices: [
        {
          text: 'Nothing: one component alone looks exactly like random bytes',
          correct: true,
          explanation:
            'Right. Component 1 was drawn at random, and component 2 is the key XOR component 1. Either alone is uniformly random and says nothing about the key, like a one-time pad. The widget tried it: the public-key check failed and nothing opened.',
        },
        {
          text: 'Half of the messages',
          correct: false,
          explanation:
            'No. A component is not half of the key in any useful sense; without the other one, the thief has no key at all and opens nothing.',
        },
        {
          text: 'Everything, after guessing the other component from the one it holds',
          correct: false,
          explanation:
            'No. The other component is 32 random bytes: 2^256 possibilities, and the one it holds gives no hint which.',
        },
        {
          text: "The messages of Agency 1's own country",
          correct: false,
          explanation: 'No. The components are not divided by user or country. Each is needed for every message.',
        },
      ],
    },
    {
      id: 'how-many-agencies',
      question: 'The escrow key is split 3-of-5 among five agencies. How many must a thief break into?',
      choices: [
        {
          text: 'Any three of the five',
          correct: true,
          explanation:
            'Right. Any 3 shares recombine the key; which three does not matter. With fewer, the public-key check fails.',
        },
        {
          text: 'All five',
          correct: false,
          explanation:
            'No. That would be 5-of-5. With a threshold of 3, two agencies can be lost, or breached, without stopping the authority, or the thief.',
        },
        {
          text: 'One',
          correct: false,
          explanation:
            'No. One share is a single point on a polynomial that needs three points to pin down; it is consistent with every possible key.',
        },
        {
          text: 'Two',
          correct: false,
          explanation:
            'No. Two points still leave a degree-2 polynomial free at zero: every key remains possible. It takes three.',
        },
      ],
    },
    {
      id: 'what-splitting-leaves',
      question: 'What does splitting the escrow key leave unchanged?',
      choices: [
        {
          text: "Each use recombines the whole key in one place, able to open every user's messages",
          correct: true,
          explanation:
            'Right. Splitting by shares protects the key at rest. At every warrant the shares are recombined and the full key exists again, with the same reach as before. (Threshold decryption, where each agency applies its share separately, would avoid that; this lab rebuilds the key.)',
        },
        {
          text: 'The number of thefts a thief needs',
          correct: false,
          explanation: 'No. That is exactly what splitting changes: k thefts instead of one.',
        },
        {
          text: 'Whether a single agency can read messages on its own',
          correct: false,
          explanation: 'No, that changes too: alone, an agency holds one share and opens nothing.',
        },
        {
          text: 'Whether a corrupted share goes unnoticed when the pieces are recombined for a warrant',
          correct: false,
          explanation:
            "No. Recombination by itself does not notice, but checking the result against the authority's public key does, as the widget showed.",
        },
      ],
    },
  ],
} satisfies Lesson;
