import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'key-exchange',
  title: 'Key exchange',
  summary:
    'Alice and Bob swap public keys over a wire Eve can read, and each computes the same 32-byte secret with X25519. Eve has both public keys and still cannot compute it.',
  minutes: 11,
  level: 'beginner',
  objectives: [
    'Run an X25519 Diffie-Hellman exchange and check that both sides reach the same shared secret',
    'Explain why the two computations agree, with the secret keys never leaving their devices',
    'List exactly what an eavesdropper captures during the exchange',
    'Explain informally why Eve cannot compute the secret from the public keys, and why low-order public keys are refused',
  ],
  prerequisites: ['keys'],
  steps: [
    {
      id: 'two-key-pairs',
      title: 'Two new key pairs',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
      ],
    },
    {
      id: 'swap-and-compute',
      title: 'Swap, then compute',
      requires: [
        { action: 'exchange', hint: 'Press "Swap public keys" first.' },
        { action: 'shared', hint: 'Press "Compute shared secrets" first.' },
      ],
    },
    { id: 'what-eve-sees', title: 'What Eve sees' },
    { id: 'why-eve-cannot', title: "Why Eve can't compute it" },
    {
      id: 'low-order-points',
      title: 'Keys that are refused',
      requires: [{ action: 'low-order:refused', hint: 'Hand Bob a low-order point and let him compute X25519.' }],
    },
    { id: 'in-code', title: 'Do it yourself, in code', exercise: 'shared-secret-by-hand' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:what-eve-captured', hint: 'Answer the question about what Eve captured.' },
        { action: 'quiz:why-the-same', hint: 'Answer the question about why the secrets match.' },
        { action: 'quiz:low-order', hint: 'Answer the question about refused keys.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'what-eve-captured',
      question: 'After the exchange, what has Eve captured from the wire?',
      choices: [
        {
          text: "Alice's and Bob's public keys",
          correct: true,
          explanation:
            "Right. The public keys are the only things that crossed the wire. Eve's view lists them, byte for byte.",
        },
        {
          text: 'Both public keys and the shared secret',
          correct: false,
          explanation:
            "No. The shared secret was never sent: Alice and Bob each computed it on their own device. Check Eve's view: it is not there.",
        },
        {
          text: 'Both secret keys',
          correct: false,
          explanation: "No. Secret keys never leave their owners' devices. The exchange only needs the public halves.",
        },
        {
          text: 'Nothing, because the exchange is encrypted',
          correct: false,
          explanation:
            'No. The exchange itself is sent in the clear; it does not need to be hidden. Eve sees every byte, and that is fine, because public keys are meant to be public.',
        },
      ],
    },
    {
      id: 'why-the-same',
      question: 'Why do Alice and Bob end up with the same shared secret?',
      choices: [
        {
          text: "Each multiplies the other's public key by their own secret number, and both products equal (a × b) times the base point",
          correct: true,
          explanation:
            'Right. Alice computes a × (b × P) and Bob computes b × (a × P). The order of multiplication does not matter, so both reach (a × b) × P.',
        },
        {
          text: 'A server sends both of them the same value',
          correct: false,
          explanation:
            'No. There is no server in this exchange, and nothing secret is sent. Each side computes the value alone.',
        },
        {
          text: 'Their key pairs were generated from the same random seed',
          correct: false,
          explanation:
            'No. The two key pairs are independent draws from the CSPRNG. Regenerate one and the shared secrets change, but they still match each other.',
        },
        {
          text: 'They retry until the two values happen to match',
          correct: false,
          explanation:
            'No. They match on the first try, every time, because both sides compute the same mathematical quantity.',
        },
      ],
    },
    {
      id: 'low-order',
      question: 'Why does the lab refuse certain special public keys (low-order points)?',
      choices: [
        {
          text: 'The "shared secret" they give is all zeros whatever the secret key, so anyone can compute it',
          correct: true,
          explanation:
            'Right. A value everyone can compute is not a secret. RFC 7748 §6.1 lets an implementation check for the all-zero result and abort; this lab does.',
        },
        {
          text: 'They are longer than 32 bytes, so the multiplication would overflow and leak part of the secret key',
          correct: false,
          explanation:
            'No. They are ordinary 32-byte values; a wrong length is refused for a different reason. What is wrong with them is where they sit on the curve.',
        },
        {
          text: 'They come from Eve',
          correct: false,
          explanation:
            "No. X25519 cannot tell who sent a key. The check is about the key's mathematics, not its origin; anyone, careless or hostile, could send one.",
        },
        {
          text: 'To slow down brute-force attacks',
          correct: false,
          explanation:
            'No. The refusal has nothing to do with speed. It stops a computation whose result would be public.',
        },
      ],
    },
  ],
} satisfies Lesson;
