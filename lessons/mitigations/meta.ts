import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'mitigations',
  title: 'What would have stopped the thief?',
  summary:
    'The escrow you stole was a worst case by design. Switch on one mitigation at a time (rotation, a key per user, decryption-only escrow, threshold decryption, a public log) and recompute, by decryption, what the same theft opens, and what risk remains.',
  minutes: 14,
  level: 'advanced',
  objectives: [
    "Name the design choices that made the lab's escrow a worst case",
    'Measure, by decryption, how rotation, per-user keys and threshold decryption change what one theft opens',
    'Show that decryption-only escrow stops forgery but not reading, and that a public log detects misuse but prevents nothing',
    'Say what risk remains under each mitigation',
  ],
  prerequisites: ['split-keys'],
  steps: [
    {
      id: 'the-worst-case',
      title: 'The escrow you stole',
      requires: [{ action: 'mitigation:none', hint: 'Run the theft against the original design first.' }],
    },
    {
      id: 'rotation',
      title: 'Rotate, and delete',
      requires: [{ action: 'mitigation:rotation', hint: 'Run the theft with rotation on.' }],
    },
    {
      id: 'per-user',
      title: 'A key per user',
      requires: [{ action: 'mitigation:per-user', hint: 'Run the theft with a key per user.' }],
    },
    {
      id: 'decryption-only',
      title: 'Read, but not write',
      requires: [{ action: 'mitigation:decryption-only', hint: 'Run the theft against decryption-only escrow.' }],
    },
    {
      id: 'threshold',
      title: 'No whole key anywhere',
      requires: [{ action: 'mitigation:threshold', hint: 'Run the theft against threshold decryption.' }],
    },
    {
      id: 'public-log',
      title: 'Every opening in public',
      requires: [{ action: 'mitigation:public-log', hint: 'Run the theft with the public log on.' }],
    },
    {
      id: 'what-remains',
      title: 'What remains',
      requires: [{ action: 'mitigation-chart', hint: 'Run the theft against every design for the chart.' }],
    },
    {
      id: 'check',
      title: 'Check your understanding',
      requires: [
        { action: 'quiz:rotation-bounds', hint: 'Answer the question about rotation.' },
        { action: 'quiz:decryption-only-stops', hint: 'Answer the question about decryption-only escrow.' },
        { action: 'quiz:log-detects', hint: 'Answer the question about the log.' },
      ],
    },
  ],
  quiz: [
    {
      id: 'rotation-bounds',
      question:
        'With day keys deleted a day after use, a thief steals what the authority holds at noon on day 4. What opens?',
      choices: [
        {
          text: 'Every message of every day, because the thief can derive the old keys from the current one',
          correct: false,
          explanation:
            'No. Each day key was drawn at random; nothing links one to the next. Deleted keys are gone, and the fields sealed to them stay closed.',
        },
        {
          text: 'Nothing, because the keys are rotated',
          correct: false,
          explanation: 'No. The keys still held at the theft (days 3 and 4) open their days, as the widget counted.',
        },
        {
          text: 'The messages of days 3 and 4: the keys not yet deleted',
          correct: true,
          explanation:
            'Right. Rotation bounds the window to the keys alive at the theft. A thief who stays inside takes each new key as it is made, so it bounds one theft, not a lasting one.',
        },
      ],
    },
    {
      id: 'decryption-only-stops',
      question: 'What does decryption-only escrow change for the thief of the global key?',
      choices: [
        {
          text: 'It can read everything still, but Bob refuses its forgery',
          correct: true,
          explanation:
            'Right. The escrowed key decrypts; the MAC key that Bob checks never leaves the two phones, so the thief cannot make a message Bob accepts.',
        },
        {
          text: 'It can read nothing',
          correct: false,
          explanation:
            'No. Reading is exactly what the authority was meant to keep, and the thief holds the same key: all 36 messages opened.',
        },
        {
          text: 'Nothing at all: the forgery is still accepted',
          correct: false,
          explanation:
            "No. The forgery's MAC did not verify under the key Bob's phone holds, and Bob's client refused it.",
        },
        {
          text: 'It must now steal Bob’s phone as well, because the escrowed key alone no longer decrypts anything',
          correct: false,
          explanation: 'No. The escrow key alone still reads every message; the phone would be needed only to forge.',
        },
      ],
    },
    {
      id: 'log-detects',
      question: 'An insider opens every message through the logged opening service. What does the public log achieve?',
      choices: [
        {
          text: 'It stops the openings that cite no warrant, because the service will not open a message until a judge has approved its log entry',
          correct: false,
          explanation:
            'No. In this design the service logs, then opens: every message was read. The log is a record, not a gate.',
        },
        {
          text: 'It hides which messages were opened, to protect the investigation',
          correct: false,
          explanation:
            "No. Each entry names the message, the time, the requester and the warrant (here: none). Whether a real log could be that public is a policy choice; this lab's log is.",
        },
        {
          text: 'It makes the openings visible afterwards, and a removed or edited entry breaks the hash chain',
          correct: true,
          explanation:
            'Right. Detection, not prevention. And only openings made through the service are logged: a key copied out of it would leave no entry.',
        },
      ],
    },
  ],
} satisfies Lesson;
