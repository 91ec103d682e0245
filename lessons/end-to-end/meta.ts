import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'end-to-end',
  title: 'End-to-end, through a server',
  summary:
    'Alice and Bob chat through a relay server that stores and forwards every message. Look at what the server holds: every envelope, no key, and a lot of metadata.',
  minutes: 12,
  level: 'beginner',
  objectives: [
    'Send messages between Alice and Bob through a relay server that stores and forwards them',
    'Read what the server stores, and check that it holds no key that opens a message',
    "Compare the server's view with the view of an eavesdropper on the wire",
    'List the metadata the server still learns: who writes to whom, when, how often and how much',
  ],
  prerequisites: ['encrypt'],
  steps: [
    {
      id: 'keys',
      title: 'Two key pairs',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
      ],
    },
    {
      id: 'send',
      title: 'Send through the server',
      requires: [{ action: 'send', hint: 'Send a message through the server first.' }],
    },
    { id: 'server-view', title: 'What the server stores' },
    { id: 'wire-view', title: 'What the wire carries' },
    { id: 'metadata', title: 'What the server still learns' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:what-server-reads', hint: 'Answer the question about what the server can read.' },
        { action: 'quiz:metadata-seen', hint: 'Answer the question about metadata.' },
        { action: 'quiz:what-makes-e2e', hint: 'Answer the question about end-to-end encryption.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'what-server-reads',
      question: 'The relay server stores every envelope it forwards. What can it read?',
      choices: [
        {
          text: 'The headers (sender, recipient, time) and the sizes, but not the messages',
          correct: true,
          explanation:
            "Right. The header travels in the clear so the server can deliver it. The message is ciphertext under a key that only Alice's and Bob's devices derived.",
        },
        {
          text: 'Everything, because it stores the messages',
          correct: false,
          explanation:
            'No. Storing ciphertext is not reading it. The server holds only the public keys it relayed, and no message opens with those.',
        },
        {
          text: 'Nothing at all, not even who the message is for',
          correct: false,
          explanation:
            'No. The server has to know the recipient to deliver the envelope, so the header is readable. It is protected against change (it is the associated data), not hidden.',
        },
        {
          text: 'The first message, sent before the keys were set up',
          correct: false,
          explanation:
            "No. Every message, the first included, is sealed under the derived key before it leaves the sender's device.",
        },
      ],
    },
    {
      id: 'metadata-seen',
      question:
        'Which of these does the server learn, even though the messages are end-to-end encrypted? Pick all that apply.',
      multi: true,
      choices: [
        {
          text: 'Who writes to whom',
          correct: true,
          explanation: 'Yes. Sender and recipient are in every header; the server needs them to deliver.',
        },
        {
          text: 'When and how often they write',
          correct: true,
          explanation: 'Yes. The server records when each envelope arrives, so it sees the rhythm of the conversation.',
        },
        {
          text: 'How long each message is',
          correct: true,
          explanation:
            'Yes. Here the ciphertext is exactly as long as the message, plus a 16-byte tag, so the size gives the length away. Padding messages to fixed sizes would hide it; this lab does not pad.',
        },
        {
          text: 'The words in each message',
          correct: false,
          explanation: 'No. The content is ciphertext, and the server has no key that opens it.',
        },
      ],
    },
    {
      id: 'what-makes-e2e',
      question: 'What makes this conversation end-to-end encrypted?',
      choices: [
        {
          text: "Only Alice's and Bob's devices hold the key; the server relays bytes it cannot open",
          correct: true,
          explanation:
            'Right. The ends of the conversation are the two devices. Everything between them, server included, handles ciphertext only.',
        },
        {
          text: 'The connection to the server is encrypted (TLS), so nobody on the network in between can read it',
          correct: false,
          explanation:
            'Not enough. Encryption between a phone and the server protects that hop, but the server would decrypt at its end and could read the message. End-to-end means the server never has the key.',
        },
        {
          text: 'The server promises not to read the messages',
          correct: false,
          explanation:
            'No. A promise is a policy, and policies change or fail. Here the server cannot read the messages, whatever it intends.',
        },
        {
          text: 'The server deletes each message after delivery',
          correct: false,
          explanation:
            'No. Deleting is also a policy, and this server keeps everything. The messages stay unreadable to it anyway.',
        },
      ],
    },
  ],
} satisfies Lesson;
