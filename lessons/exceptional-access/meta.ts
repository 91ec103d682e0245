import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'exceptional-access',
  title: 'The escrow switch',
  summary:
    'In October 2019, three governments asked Facebook for lawful access to encrypted content. Switch on an escrow key, see the one field it adds to every message, and execute a warrant as the authority.',
  minutes: 22,
  level: 'intermediate',
  objectives: [
    'Say what the open letter of 4 October 2019 asked of Facebook, who signed it, and what it answered',
    'State the case for access as its proponents made it: the four requests, the child-safety figures, the grooming argument, and what access remains without a backdoor',
    'Switch escrow on and point to the one field it adds to each envelope',
    "Explain how HPKE seals a message key to the authority's public key, and why the seal is bound to the message header",
    "Execute a warrant as the authority, and show that the warrant's limits are enforced by software, not by the key",
  ],
  prerequisites: ['forward-secrecy'],
  steps: [
    { id: 'the-letter', title: 'The request' },
    {
      id: 'the-case-for-access',
      title: 'The case for access, in its own words',
      requires: [
        { action: 'quiz:access-without-backdoor', hint: 'Answer the question about access without a backdoor.' },
      ],
    },
    {
      id: 'keys',
      title: 'Two key pairs',
      requires: [
        { action: 'keypair:alice', hint: "Generate Alice's key pair first." },
        { action: 'keypair:bob', hint: "Generate Bob's key pair first." },
      ],
    },
    {
      id: 'escrow-on',
      title: 'Switch escrow on',
      requires: [{ action: 'escrow:on', hint: 'Turn escrow on first.' }],
    },
    {
      id: 'how-it-is-sealed',
      title: 'How the key is sealed',
      requires: [{ action: 'escrow-pipeline', hint: 'Step through the escrow wrap to its last stage first.' }],
    },
    { id: 'who-can-open', title: 'Who can open a message now' },
    {
      id: 'warrant',
      title: 'Execute a warrant',
      requires: [
        { action: 'warrant', hint: 'Fill in a warrant and execute it first.' },
        { action: 'warrant:beyond', hint: 'Now try the same key on the other messages.' },
      ],
    },
    {
      id: 'evasion',
      title: 'Whom does escrow bind?',
      requires: [{ action: 'evasion', hint: 'Send the message from all three clients first.' }],
    },
    { id: 'since-then', title: 'What happened next' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:who-signed', hint: 'Answer the question about the letter.' },
        { action: 'quiz:what-escrow-adds', hint: 'Answer the question about the envelope.' },
        { action: 'quiz:warrant-limits', hint: "Answer the question about the warrant's limits." },
      ],
    },
  ],
  quiz: [
    {
      id: 'access-without-backdoor',
      question:
        'Messages are end-to-end encrypted and there is no escrow. Which of these can investigators still get? Pick all that apply.',
      multi: true,
      choices: [
        {
          text: 'Who wrote to whom, when and how much, from the provider, under a valid legal request',
          correct: true,
          explanation:
            'Yes. The server needs the headers to deliver, so it holds the metadata, as the end-to-end lesson computed. It shows who and when, not what was said.',
        },
        {
          text: 'A message that its recipient reports',
          correct: true,
          explanation:
            'Yes. The recipient is an end: its phone holds the plaintext and can pass it on. But a report needs someone willing and able to make it.',
        },
        {
          text: "The content of messages the provider's systems used to scan on the server",
          correct: false,
          explanation:
            'No. That scanning is the detection behind the letter\'s "more than 99%", and it is what end-to-end encryption ends: the server holds only ciphertext.',
        },
        {
          text: 'The text of any message between two phones, by asking the provider to decrypt it',
          correct: false,
          explanation:
            'No. Without escrow the provider has no key that opens it; that is the gap the letter asks to close, and the rest of this lesson builds one way to close it.',
        },
      ],
    },
    {
      id: 'who-signed',
      question: 'Who signed the open letter to Facebook of 4 October 2019?',
      choices: [
        {
          text: "The US Attorney General, the UK Home Secretary, the acting US Secretary of Homeland Security and Australia's Minister for Home Affairs",
          correct: true,
          explanation: 'Right: William Barr, Priti Patel, Kevin McAleenan and Peter Dutton.',
        },
        {
          text: "Mark Zuckerberg, announcing Facebook's encryption plans",
          correct: false,
          explanation:
            'No. Zuckerberg\'s post "A Privacy-Focused Vision for Social Networking" (6 March 2019) is what the letter responded to.',
        },
        {
          text: 'A group of computer scientists and security experts',
          correct: false,
          explanation:
            'No. The signatories were government ministers. Security researchers had written on the subject before, notably in Keys Under Doormats (2015), which the next lesson puts to the test.',
        },
        {
          text: 'The European Commission',
          correct: false,
          explanation: 'No. The letter came from officials of the United States, the United Kingdom and Australia.',
        },
      ],
    },
    {
      id: 'what-escrow-adds',
      question: 'What does switching escrow on add to each envelope?',
      choices: [
        {
          text: "A key sealed with HPKE to the authority's public key, and this message's key wrapped under it",
          correct: true,
          explanation:
            "Right. One extra field: the epoch key sealed to the authority (enc and the sealed key, bound to the epoch header) and this message's key wrapped under it. Key, nonce and ciphertext are exactly as before; only the tag changes, because the header now names the escrow epoch.",
        },
        {
          text: "A second copy of the message in plaintext, in a field only the authority's software is meant to read",
          correct: false,
          explanation:
            'No. The envelope carries no plaintext. The authority gets a way to the key, and with the key it decrypts the same ciphertext Bob received.',
        },
        {
          text: "The authority's secret key",
          correct: false,
          explanation:
            "No. Only the authority's public key is used by the phones; the secret key stays with the authority. Whoever obtains it, though, opens every escrow field.",
        },
        {
          text: 'Nothing visible: the ciphertext is simply made weaker',
          correct: false,
          explanation:
            'No. The cipher is unchanged, and the addition is visible: an extra field of more than a hundred bytes in every envelope, as the widget counted.',
        },
      ],
    },
    {
      id: 'warrant-limits',
      question:
        'The authority executed a warrant for one person over a few hours. What stops it from reading the other messages?',
      choices: [
        {
          text: 'Only its own software and procedures: the same key opens every escrowed message',
          correct: true,
          explanation:
            'Right. The widget tried the key on the messages outside the warrant and they opened. The limits are checks someone wrote and someone runs.',
        },
        {
          text: 'The key works only inside the time window of the warrant, and refuses messages sent outside it',
          correct: false,
          explanation: 'No. A key has no notion of time. The messages outside the window opened with the same key.',
        },
        {
          text: 'Each user has their own authority key',
          correct: false,
          explanation:
            "No. Every phone seals to the same authority public key; that is what makes one key open everyone's messages.",
        },
        {
          text: "Bob's phone has to approve each decryption",
          correct: false,
          explanation: 'No. Bob is not involved and is not told. The escrow field opens without him.',
        },
      ],
    },
  ],
} satisfies Lesson;
