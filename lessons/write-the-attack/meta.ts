import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'write-the-attack',
  title: 'Write the attack',
  summary:
    "The capstone. With a stolen escrow key and a week of recorded traffic, write the program that reads every message, finds where two people will meet, and forges a message the recipient's phone accepts as genuine.",
  minutes: 49,
  level: 'advanced',
  objectives: [
    "Open an escrow seal with HPKE (RFC 9180) using a stolen authority key, and walk the epoch's key chain to one message's message key",
    'Decrypt a whole wire capture in your own code, with one HPKE open per epoch rather than per message',
    'Find one message in the decrypted traffic',
    "Forge a message that the recipient's own client accepts, and explain why authenticated encryption cannot tell the escrow key's holder from the sender",
  ],
  prerequisites: ['steal-the-key'],
  steps: [
    { id: 'the-job', title: 'The job' },
    { id: 'the-envelope', title: 'What one envelope carries' },
    { id: 'the-recipe', title: 'From the stolen key to the text' },
    {
      id: 'write-it',
      title: 'Write the attack',
      exercise: 'write-the-attack',
      requires: [
        {
          action: 'exercise:write-the-attack',
          hint: 'Make every check of the exercise pass. Stuck? The hints go one step at a time, and the solution appears after two failed runs.',
        },
      ],
    },
    { id: 'what-it-proves', title: 'What your program proves' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:hpke-opens', hint: 'Answer the question about HPKE opens.' },
        { action: 'quiz:why-accepted', hint: 'Answer the question about the forged message.' },
        { action: 'quiz:what-would-stop-it', hint: 'Answer the question about what would have stopped the attack.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'hpke-opens',
      question: 'With the epoch keys cached, how many HPKE opens does your program need for the whole capture?',
      choices: [
        {
          text: 'One per escrow epoch of each conversation and sender',
          correct: true,
          explanation:
            'Right. Every envelope of an epoch carries the same seal of the same epoch key; after one HPKE open, the rest of the epoch is HMAC and ChaCha20-Poly1305, which cost microseconds. Your program printed the count.',
        },
        {
          text: 'One per message',
          correct: false,
          explanation:
            'No. That is what a program without the cache does, and it works, only more slowly. The seal is per epoch: envelopes of one epoch repeat it, and the chain gives each message its own wrap key.',
        },
        {
          text: 'One in total: the stolen key opens everything at once',
          correct: false,
          explanation:
            'No. The stolen key is an X25519 secret key; each epoch key was sealed to it separately, with its own ephemeral key (enc), so each seal needs its own open. What the single key gives is that every one of those opens succeeds.',
        },
        {
          text: 'None: the message keys are in the envelopes in the clear',
          correct: false,
          explanation:
            'No. Each message key travels wrapped under a key from the epoch chain, and the chain starts at the epoch key, which only the HPKE seal gives up.',
        },
      ],
    },
    {
      id: 'why-accepted',
      question: "Why does the recipient's phone accept your forged message as genuine?",
      choices: [
        {
          text: "Its tag was made with that message's key, which escrow gave you; the phone cannot tell who sealed it",
          correct: true,
          explanation:
            "Right. ChaCha20-Poly1305's tag proves that whoever sealed the message held the key. The recipient's ratchet derives the same key from the header, the tag verifies, and nothing in the client looks at the escrow field.",
        },
        {
          text: "The recipient's client skips the tag check on escrowed messages, trusting the authority to have checked them",
          correct: false,
          explanation:
            'No. It checks every tag, as in the Encrypt lesson: flip one bit of your forged ciphertext and the check reports the tag failure.',
        },
        {
          text: "You copied the sender's signature from the original envelope",
          correct: false,
          explanation:
            'No. There is no signature in these envelopes: the AEAD tag is the only proof of origin, and it depends only on the key, the nonce, the header and the text.',
        },
        {
          text: 'The escrow authority vouches for every escrowed message',
          correct: false,
          explanation:
            'No. The authority plays no part in delivery. Its key only lets its holder, you, recover the message key.',
        },
      ],
    },
    {
      id: 'what-would-stop-it',
      question: 'Which design would have kept this stolen key from opening the capture?',
      choices: [
        {
          text: 'No escrow: no key outside the two phones opens the traffic',
          correct: true,
          explanation:
            'Right. Without the escrow field there is no authority key to steal, and the ratchet keeps each message key on two phones for as long as it takes to use it.',
        },
        {
          text: 'Splitting the authority key between several agencies',
          correct: false,
          explanation:
            'No. Splitting changes who must be robbed. Once the key is recombined to be used, and stolen there, it opens exactly what you just opened.',
        },
        {
          text: 'The Double Ratchet, which deletes message keys after use',
          correct: false,
          explanation:
            'No. This capture is ratchet traffic. The phones did delete their keys, but escrow sent a copy of every message key to the authority, which is why Keys Under Doormats says exceptional access reverses forward secrecy.',
        },
        {
          text: 'Shorter escrow epochs',
          correct: false,
          explanation:
            'No. Every epoch key, however short the epoch, is sealed to the same authority key. Shorter epochs only mean more HPKE opens, each of which succeeds.',
        },
      ],
    },
  ],
} satisfies Lesson;
