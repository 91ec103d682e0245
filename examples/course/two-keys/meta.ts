import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'two-keys',
  title: 'Two keys, one secret',
  summary: 'Alice and Bob each make a key pair, swap the public halves and compute the same secret.',
  minutes: 5,
  level: 'beginner',
  objectives: ['Make two key pairs and compute one shared secret from them'],
  prerequisites: [],
  steps: [
    {
      id: 'two-pairs',
      title: 'Two key pairs',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
      ],
    },
    {
      id: 'agree',
      title: 'One secret',
      requires: [{ action: 'shared', hint: 'Compute the shared secrets first.' }],
    },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [{ action: 'quiz:what-crossed', hint: 'Answer the question first.' }],
    },
  ],
  quiz: [
    {
      id: 'what-crossed',
      question: 'What crossed the wire so that Alice and Bob could compute the same secret?',
      choices: [
        {
          text: 'Their public keys',
          correct: true,
          explanation: 'Each side combines its own secret key with the other public key.',
        },
        {
          text: 'Their secret keys',
          correct: false,
          explanation: 'Secret keys never leave the device; only public keys are swapped.',
        },
      ],
    },
  ],
} satisfies Lesson;
