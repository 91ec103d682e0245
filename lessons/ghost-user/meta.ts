import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'ghost-user',
  title: "Who's in this chat? The ghost user",
  summary:
    'In 2018 two GCHQ officials proposed access without breaking encryption: the provider silently adds a law-enforcement member to a chat. Add the ghost, watch it read, then switch on the defences, read the objections of 2019, and see what a thief does with the same power.',
  minutes: 11,
  level: 'intermediate',
  objectives: [
    'Explain why, in a group chat with client fan-out, whoever controls the roster controls who can read',
    "State the GCHQ officials' proposal of 2018 as they argued it, and the open letter's objections of 2019",
    "Show, by running the clients, that the ghost reads until membership changes must be signed by a member, and that the server's addition is then refused",
    'Show that a stolen ghost capability works exactly as the lawful one',
  ],
  prerequisites: ['exceptional-access'],
  steps: [
    { id: 'the-proposal', title: 'The proposal' },
    {
      id: 'the-ghost',
      title: 'Add the ghost',
      requires: [{ action: 'ghost:read', hint: 'Add the ghost and send a message first.' }],
    },
    { id: 'the-number', title: 'The number that changed' },
    {
      id: 'signed-membership',
      title: 'Only a member can add a member',
      requires: [{ action: 'ghost:refused', hint: 'Turn on signed membership, then add the ghost again.' }],
    },
    { id: 'key-transparency', title: 'Keys in public' },
    { id: 'the-objections', title: 'The open letter of May 2019' },
    {
      id: 'stolen',
      title: 'Then the ghost is stolen',
      requires: [{ action: 'ghost:stolen', hint: "Add the thief's ghost and send a message first." }],
    },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:why-the-ghost-reads', hint: 'Answer the question about why the ghost reads.' },
        { action: 'quiz:what-stops-the-server', hint: 'Answer the question about signed membership.' },
        { action: 'quiz:letter-objection', hint: 'Answer the question about the open letter.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'why-the-ghost-reads',
      question: "Why can the ghost read Alice's message, though no cipher was weakened?",
      choices: [
        {
          text: "The server decrypted the message with its own copy of the group's key and forwarded the plain text to the ghost's device",
          correct: false,
          explanation: 'No. The server never holds the message key; it only relays the body and the wrapped keys.',
        },
        {
          text: "Alice's client wrapped the message key to every member on the roster the server supplied, and the ghost was on it",
          correct: true,
          explanation:
            'Right. The ghost is simply one more recipient. Whoever decides the roster decides who can read.',
        },
        {
          text: 'The ghost guessed the message key',
          correct: false,
          explanation:
            'No. A 32-byte random key cannot be guessed; the ghost received it, wrapped to its own public key.',
        },
      ],
    },
    {
      id: 'what-stops-the-server',
      question: 'With signed membership on, why is the server’s addition of the ghost refused?',
      choices: [
        {
          text: 'The clients accept a roster change only if a current member signed it, and the server is no member',
          correct: true,
          explanation:
            "Right. The provider could only sign with its own key, and the clients check the signer against the roster they already trust. Alice's own signed addition of Dave is accepted.",
        },
        {
          text: 'Because the provider generated the ghost’s key pair, and clients refuse any key that was not made on a phone',
          correct: false,
          explanation:
            'No. A client cannot tell who generated a public key, and the ghost’s is as valid as anyone’s; nothing was wrapped to it because the roster change was refused.',
        },
        {
          text: 'Because the join notice was shown',
          correct: false,
          explanation:
            'No. The server held the notice back in both cases; the refusal comes from the signature check in each client.',
        },
        {
          text: 'Because HPKE refuses to wrap a key to more than three members',
          correct: false,
          explanation: 'No. HPKE seals to any public key; the roster size is the application’s business.',
        },
      ],
    },
    {
      id: 'letter-objection',
      question: 'Which of these is an objection the open letter of May 2019 made to the ghost proposal?',
      choices: [
        {
          text: 'That the proposal would require breaking the ciphers messengers use',
          correct: false,
          explanation:
            'No. The proposal was meant to avoid breaking encryption, and the letter did not claim otherwise: its objections are about authentication, unintended vulnerabilities, abuse, trust and suppressed notifications.',
        },
        {
          text: 'That the proposal was too expensive to run',
          correct: false,
          explanation: 'No. Cost was not among the objections; the cost is risk, not computation.',
        },
        {
          text: 'That it would undermine the authentication process that lets users verify who they are communicating with',
          correct: true,
          explanation:
            'Right. The letter also named unintended vulnerabilities, the risk of abuse or misuse, damage to user trust, and the need to suppress normal notifications.',
        },
      ],
    },
  ],
} satisfies Lesson;
