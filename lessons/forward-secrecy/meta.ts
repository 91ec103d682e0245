import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'forward-secrecy',
  title: 'Forward secrecy',
  summary:
    "Eve records everything, then steals Bob's phone. With one static key, every message opens. With a ratchet, yesterday's messages stay closed, counted by real decryption.",
  minutes: 14,
  level: 'intermediate',
  objectives: [
    'Steal a phone in the lab and count, by decryption, which recorded messages its keys open',
    'Explain why a single static key exposes past and future messages alike',
    'Describe how a ratchet makes fresh keys every turn and deletes each message key after use',
    'Explain why, in ratchet mode, messages sent before a theft stay closed, and how the conversation heals after it',
  ],
  prerequisites: ['end-to-end'],
  steps: [
    {
      id: 'record-now',
      title: 'Record now, steal later',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
      ],
    },
    {
      id: 'static-theft',
      title: 'Steal a phone: one static key',
      requires: [{ action: 'theft:static', hint: "Steal Bob's phone in the static conversation first." }],
    },
    { id: 'ratchet', title: 'A ratchet: new keys every turn' },
    {
      id: 'ratchet-theft',
      title: 'Steal a phone: the ratchet',
      requires: [{ action: 'theft:ratchet', hint: "Steal Bob's phone in the ratchet conversation first." }],
    },
    { id: 'chain-by-hand', title: 'Walk the chain yourself, in code', exercise: 'walk-the-chain' },
    {
      id: 'healing',
      title: 'After the theft',
      requires: [
        {
          action: 'ratchet:healed',
          hint: 'Let Alice write after the theft, then Bob, then one more message: the conversation heals.',
        },
      ],
    },
    { id: 'limits', title: 'What forward secrecy does not cover' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:static-exposure', hint: 'Answer the question about the static key.' },
        { action: 'quiz:why-past-stays-closed', hint: 'Answer the question about past messages.' },
        { action: 'quiz:what-heals', hint: 'Answer the question about healing.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'static-exposure',
      question:
        "In static mode, Bob's phone is stolen after message 5 of 10. Which recorded messages can the thief open?",
      choices: [
        {
          text: 'All ten',
          correct: true,
          explanation:
            "Right. Every message key comes from Bob's one identity key and Alice's public key. The thief has the first and recorded the second, so it derives every key, before and after the theft.",
        },
        {
          text: 'Only messages 6 to 10',
          correct: false,
          explanation:
            'No. Nothing in static mode changes after message 5: the keys for messages 1 to 5 are derived from the same stolen key.',
        },
        {
          text: 'Only messages 1 to 5',
          correct: false,
          explanation: 'No. The stolen key keeps working for new messages too, for as long as Bob keeps that key pair.',
        },
        {
          text: 'None, because the messages were deleted from the phone',
          correct: false,
          explanation:
            'No. The thief recorded the ciphertext on the wire. What matters is whether it holds the key, and here it can derive all of them.',
        },
      ],
    },
    {
      id: 'why-past-stays-closed',
      question: 'In ratchet mode, why do messages sent before the theft stay closed?',
      choices: [
        {
          text: "They were encrypted with Alice's half of the keys, which stayed on her phone and was never stolen",
          correct: false,
          explanation:
            "No. Alice and Bob share every message key; Bob's phone needed them too, to read the messages. The point is that it no longer holds the old ones.",
        },
        {
          text: 'The server deleted them',
          correct: false,
          explanation:
            'No. The thief recorded them from the wire and still has every byte. They stay closed because no key for them exists any more.',
        },
        {
          text: 'Their keys were deleted after use, and the stolen state cannot be run backwards to remake them',
          correct: true,
          explanation:
            'Right. Each step of the chain goes through HMAC or HKDF, which cannot be undone. The phone held only the current state, and old keys are not derivable from it.',
        },
        {
          text: 'The thief gave up because decryption is slow',
          correct: false,
          explanation:
            'No. Decryption takes microseconds. The widget tried every message; the old ones failed because the thief had no key for them.',
        },
      ],
    },
    {
      id: 'what-heals',
      question: 'After the theft, what locks a thief who only listens out of the ratchet conversation again?',
      choices: [
        {
          text: "A fresh ratchet key pair made on Bob's phone, whose secret key the thief never saw",
          correct: true,
          explanation:
            'Right. The next DH output mixes in a secret the thief does not have, so the root key and every chain after it are out of its reach.',
        },
        {
          text: "Bob changing his phone's unlock code",
          correct: false,
          explanation:
            'No. The ratchet keys do not depend on the unlock code; the thief already copied the key material.',
        },
        {
          text: 'Alice deleting the conversation',
          correct: false,
          explanation:
            'No. Deleting history on one phone does not change keys the thief already holds. A fresh key pair does.',
        },
        {
          text: 'Nothing: once the ratchet state is stolen, every later message stays readable for good',
          correct: false,
          explanation:
            "That is true of static keys. In ratchet mode the widget counted later messages failing again once Bob's phone had made a fresh ratchet key pair.",
        },
      ],
    },
  ],
} satisfies Lesson;
