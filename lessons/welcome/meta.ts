import type { Lesson } from '@/lib/lessons/lesson-types';

export const lesson = {
  slug: 'welcome',
  title: 'How this lab works',
  summary:
    'A three-minute tour: what you will build, how to move through a lesson with the keyboard, and where your progress is kept.',
  minutes: 3,
  level: 'beginner',
  objectives: [
    'Know the path: keys, key exchange, encryption, then the escrow backdoor and its thief',
    'Move between steps with the buttons, the step list or the keyboard',
    'Know what the lab saves about you (your progress, exercise drafts and display settings, in this browser)',
  ],
  prerequisites: [],
  steps: [
    { id: 'what-you-will-do', title: 'What you will do here' },
    {
      id: 'moving-around',
      title: 'Moving around',
      requires: [{ action: 'quiz:next-step-shortcut', hint: 'Answer the question about the shortcut first.' }],
    },
    {
      id: 'your-progress',
      title: 'Your progress stays in this browser',
      requires: [{ action: 'quiz:what-is-saved', hint: 'Answer the question about what is saved first.' }],
    },
  ],
  quiz: [
    {
      id: 'next-step-shortcut',
      question: 'Which keys move to the next step when you are not typing in a text field?',
      choices: [
        {
          text: 'Alt+Shift+Right arrow',
          correct: true,
          explanation:
            'Right. Alt+Shift+Left arrow goes back. Plain Alt+arrows are left to your browser (they go back and forward in history).',
        },
        {
          text: 'The Right arrow alone',
          correct: false,
          explanation:
            'No: arrow keys alone belong to the control you are on, for example to move between the answers of this question.',
        },
        {
          text: 'Tab',
          correct: false,
          explanation:
            'Tab moves the focus to the next control; it does not change the step. You can Tab to the Next button and press Enter, though.',
        },
      ],
    },
    {
      id: 'what-is-saved',
      question: 'What does the lab keep in your browser?',
      choices: [
        {
          text: 'Your progress (steps, quiz answers, passed exercises), your exercise code and attempts, and your theme',
          correct: true,
          explanation:
            'Right: progress, exercise drafts with their failed runs and open hints, and display settings, all in this browser. Keys you generate live only in the open page.',
        },
        {
          text: 'Everything, including the secret keys you generate',
          correct: false,
          explanation:
            'No. Secret keys are never written to storage; reload the page and they are gone, which is how it should be.',
        },
        {
          text: 'Your progress, sent to a server so you can log in elsewhere',
          correct: false,
          explanation:
            'No. There is no account and no server copy. To move your progress, export it to a file and import it on the other device.',
        },
      ],
    },
  ],
} satisfies Lesson;
