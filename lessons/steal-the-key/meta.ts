import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'steal-the-key',
  title: 'Steal the escrow key',
  summary:
    'Play the thief. With a wiretap and the server you read nothing; with the escrow key you read every user, past and future, and forge messages Bob accepts. Each result is a risk named in Keys Under Doormats (2015).',
  minutes: 20,
  level: 'intermediate',
  objectives: [
    'Combine attacker capabilities and count, by decryption, what each one opens',
    'Show that one stolen escrow key exposes every user, including messages sent before the theft',
    'Forge a message that Bob accepts, using only a captured envelope and the stolen key',
    'Relate each result to a risk named in Keys Under Doormats (Abelson et al., 2015), and to the leaked TSA master keys',
  ],
  prerequisites: ['exceptional-access'],
  steps: [
    { id: 'the-report', title: 'Keys under doormats' },
    {
      id: 'wire-and-server',
      title: 'A wiretap and the server',
      requires: [
        { action: 'capability:wire', hint: 'Tap the wire first.' },
        { action: 'decrypt-all', hint: 'Press "Decrypt everything captured".' },
      ],
    },
    {
      id: 'concentrated-target',
      title: 'One key, everyone',
      requires: [
        { action: 'steal:escrow', hint: 'Steal the escrow key first.' },
        { action: 'decrypt-all:escrow', hint: 'Now decrypt everything captured, with the escrow key in the wallet.' },
      ],
    },
    { id: 'forward-secrecy-reversed', title: 'Forward secrecy, reversed' },
    {
      id: 'forgery',
      title: 'Read, and also write',
      requires: [
        { action: 'forge', hint: 'Forge a message with the stolen key first.' },
        { action: 'forge:no-escrow', hint: 'Now try the same forgery with escrow off.' },
      ],
    },
    {
      id: 'complexity',
      title: 'One more thing to get right',
      requires: [
        { action: 'blob-swap:unbound', hint: 'Move the escrow field with the "unbound" setting first.' },
        { action: 'blob-swap:bound', hint: 'Now move it with the "bound" setting.' },
      ],
    },
    {
      id: 'jurisdiction',
      title: "A second government's key",
      requires: [{ action: 'steal:escrow-second', hint: "Steal the Government of Southland's key first." }],
    },
    { id: 'master-keys', title: 'Master keys in the field' },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:what-opens-the-past', hint: 'Answer the question about past messages.' },
        { action: 'quiz:why-forgery-works', hint: 'Answer the question about forgery.' },
        { action: 'quiz:two-governments', hint: 'Answer the question about two governments.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'what-opens-the-past',
      question:
        "In ratchet mode with escrow on, Bob's phone and the escrow key are each stolen at the same moment. Which opens messages sent before that moment?",
      choices: [
        {
          text: 'Only the escrow key',
          correct: true,
          explanation:
            'Right. The phone had deleted the old message keys, but every recorded envelope carries its escrow field, and the escrow key opens all of them.',
        },
        {
          text: "Only Bob's phone",
          correct: false,
          explanation:
            'No. The ratchet deleted the old keys from the phone; that is forward secrecy. The escrow fields, recorded with the traffic, are what keep the past open.',
        },
        {
          text: 'Both',
          correct: false,
          explanation:
            "No. The phone's current state cannot be run backwards to recompute deleted keys. Only the escrow key reaches the past.",
        },
        {
          text: 'Neither',
          correct: false,
          explanation:
            'No. The escrow key opened every recorded message, including those sent before the theft; the blast radius grid counted them.',
        },
      ],
    },
    {
      id: 'why-forgery-works',
      question: 'Why does Bob accept the message the thief forged?',
      choices: [
        {
          text: 'In an AEAD the key that opens a message also seals one, and the escrow gave the thief that key',
          correct: true,
          explanation:
            'Right. ChaCha20-Poly1305 is symmetric: anyone holding the message key can produce a ciphertext and tag that verify. The tag proves "made by a holder of the key", and the thief is one.',
        },
        {
          text: "Bob's client does not check tags",
          correct: false,
          explanation:
            "No. It does: with escrow off, the thief could only edit the ciphertext in place (knowing Alice's exact words, without the key), and Bob's client rejected the tag.",
        },
        {
          text: "The thief also stole Alice's phone",
          correct: false,
          explanation: "No. The thief had only a captured envelope and the escrow key. Nothing of Alice's was needed.",
        },
        {
          text: 'HPKE signs every escrowed message on behalf of the authority, and Bob trusts whatever it signs',
          correct: false,
          explanation:
            'No. HPKE seals; it does not sign. The escrow field only carries the message key, and that key is all a forger needs.',
        },
      ],
    },
    {
      id: 'two-governments',
      question:
        "Each message is sealed to two governments' escrow keys. How many of those keys must a thief steal to read everything?",
      choices: [
        {
          text: 'One, either of them',
          correct: true,
          explanation:
            "Right. Each escrow field holds the whole message key, so either government's key opens every message. Two authorities means two places to steal from.",
        },
        {
          text: 'Both',
          correct: false,
          explanation:
            'No. That would be the case if the key were split between them (the next lesson). Here each field carries a full copy.',
        },
        {
          text: 'None, because two seals cancel out',
          correct: false,
          explanation: 'No. The two fields are independent; each opens with its own authority key.',
        },
        {
          text: 'It depends on which government the users trust',
          correct: false,
          explanation:
            'No. Whom the users trust changes nothing in the mathematics: both fields are in every envelope, whether the users like it or not.',
        },
      ],
    },
  ],
} satisfies Lesson;
