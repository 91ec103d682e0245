/**
 * Plausible chat messages for the simulated world: a few everyday topics, phrase pools with slots
 * (a time, a place, a thing, a third person), and exactly one message that names a meeting place,
 * "the old boathouse", which the capstone exercise searches the decrypted capture for.
 * @module
 */
import type { Dice } from './dice';

/** The phrase the capstone searches for. No other message text contains "boathouse". */
export const MEETING_PLACE_PHRASE = 'the old boathouse';

/** A conversation topic and its lines; `{time}`, `{place}`, `{thing}`, `{other}` and `{peer}` are slots. */
export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly openers: readonly string[];
  readonly lines: readonly string[];
}

/** The topics conversations are about. */
export const TOPICS: readonly Topic[] = [
  {
    id: 'deadline',
    title: 'the project deadline',
    openers: ['Hi {peer}, are we still on track for the deadline?', 'Quick one about the project deadline, {peer}.'],
    lines: [
      'I pushed the draft to the shared folder.',
      'Can you review section 3 {time}?',
      'The client moved the review, it is now {time}.',
      '{other} says the numbers in the appendix are off.',
      'I will finish the slides tonight.',
      'We need the sign-off {time}, otherwise it slips a week.',
      'Budget table is done, the rest is formatting.',
    ],
  },
  {
    id: 'football',
    title: "Saturday's football match",
    openers: ['{peer}! Are you coming to the match on Saturday?', 'Got two tickets for Saturday, want one?'],
    lines: [
      'Kick-off is at 3, meet at {place} before?',
      'That penalty last week was never a foul.',
      '{other} is bringing the flags again.',
      'Bring {thing}, it is going to rain.',
      'We lost 2-1, what a mess.',
      'Did you see the highlights?',
    ],
  },
  {
    id: 'moving',
    title: 'moving flat',
    openers: ['Hey {peer}, could you help me move on Sunday?', 'Found a van for the move, {peer}!'],
    lines: [
      'The van is booked, we can pick it up {time}.',
      'I still have twelve boxes of books, sorry.',
      'Can you pick up {thing} from {place}?',
      '{other} offered to bring pizza afterwards.',
      'The new landlord wants the deposit {time}.',
      'Stairs are narrow, the sofa might not fit.',
    ],
  },
  {
    id: 'birthday',
    title: 'a birthday surprise',
    openers: [
      "{peer}, don't tell {other}, but we're planning a surprise party.",
      "It's {other}'s birthday soon, ideas?",
    ],
    lines: [
      'I ordered the cake from {place}.',
      'Can you keep {other} busy {time}?',
      'Collecting money for the present, 15 each?',
      'Can you bring {thing}?',
      'Balloons or no balloons?',
      'Everyone is meeting at {place} {time}.',
    ],
  },
  {
    id: 'book-club',
    title: 'the book club',
    openers: ['Have you finished the book yet, {peer}?', 'Book club this week, {peer}?'],
    lines: [
      'I could not put it down, the last chapter!',
      'Honestly the middle part dragged.',
      'Next pick is your turn.',
      '{other} wants to host at {place}.',
      'Shall we meet {time}?',
      'I left my copy at {place}.',
    ],
  },
  {
    id: 'car',
    title: 'the car repair',
    openers: ['The garage called about the car, {peer}.', '{peer}, can I borrow your car {time}?'],
    lines: [
      'They say the brakes need replacing.',
      'Quote is much higher than last time.',
      'I can drop it off at {place} {time}.',
      'Do you still have {thing} in the boot?',
      'It should be ready {time}.',
      '{other} knows a cheaper mechanic.',
    ],
  },
  {
    id: 'holiday',
    title: 'the holiday in Lisbon',
    openers: ['Lisbon flights are cheap this month, {peer}!', 'Still up for Lisbon, {peer}?'],
    lines: [
      'I booked the flat near the river.',
      'Flight leaves {time}, we should be at the airport early.',
      'Pack {thing}, the evenings get cold.',
      '{other} recommended a fado place.',
      'Tram 28 is a must apparently.',
      'Do we need to print the boarding passes?',
    ],
  },
  {
    id: 'allotment',
    title: 'the allotment',
    openers: ['The tomatoes are finally red, {peer}!', '{peer}, can you water the allotment {time}?'],
    lines: [
      'Slugs got the lettuce again.',
      'I left {thing} in the shed.',
      '{other} wants some of the courgettes.',
      'The water butt is empty, bring a can.',
      'Meeting at {place} for seeds {time}?',
      'Beans are doing great this year.',
    ],
  },
  {
    id: 'rehearsal',
    title: 'band rehearsal',
    openers: ['Rehearsal {time}, {peer}?', '{peer}, new song idea, listen when you can.'],
    lines: [
      'The bridge needs work, we keep rushing it.',
      'Can you bring {thing}? Mine broke.',
      'We got the gig at {place}!',
      '{other} will be late, start without them.',
      'Set list is in the group folder.',
      'Drummer is away {time}.',
    ],
  },
];

const TIMES = [
  'at 6',
  'tomorrow morning',
  'after lunch',
  'on Friday',
  'at half past seven',
  'this weekend',
  'on Monday at 9',
  'tonight',
  'next week',
];
const PLACES = [
  'the café on Mill Street',
  'the station',
  'the library',
  "Rosa's bakery",
  'the north car park',
  'the market square',
  'the gym',
  'the office',
  'the corner pub',
];
const THINGS = [
  'the keys',
  'the charger',
  'the receipts',
  'the slides',
  'the tickets',
  'an umbrella',
  'the ladder',
  'the spare cable',
];
const REPLIES = [
  'ok',
  'Sounds good.',
  'haha yes',
  "Can't right now, later?",
  'Sure, see you {time}.',
  'Thanks!',
  'No worries.',
  'On my way.',
  'Perfect, see you then.',
  'Did you talk to {other}?',
  'Let me check and get back to you.',
  'Yes please.',
  'Not sure, ask {other}.',
  'Great news!',
];

/** Everything a message text may depend on. */
export interface MessageTextContext {
  readonly topic: Topic;
  readonly peerName: string;
  /** Names of people other than the two in the conversation (for the `{other}` slot). */
  readonly otherNames: readonly string[];
  /** First message of the conversation. */
  readonly isOpening: boolean;
  /** First message of a turn (answering the other person): replies fit here best. */
  readonly isTurnStart: boolean;
  /** The conversation's previous text, not to be repeated word for word. */
  readonly previousText: string | null;
}

function fill(template: string, context: MessageTextContext, dice: Dice): string {
  return template
    .replaceAll('{peer}', context.peerName)
    .replaceAll('{other}', context.otherNames.length > 0 ? dice.pick(context.otherNames) : 'someone')
    .replaceAll('{time}', dice.pick(TIMES))
    .replaceAll('{place}', dice.pick(PLACES))
    .replaceAll('{thing}', dice.pick(THINGS));
}

/**
 * A message text: an opener for the first message; otherwise a short reply (likelier when answering)
 * or a topic line, never the same as the previous text of the conversation.
 */
export function composeMessageText(context: MessageTextContext, dice: Dice): string {
  if (context.isOpening) return fill(dice.pick(context.topic.openers), context, dice);
  const replyChance = context.isTurnStart ? 0.5 : 0.15;
  for (let attempt = 0; ; attempt++) {
    const template = dice.float() < replyChance ? dice.pick(REPLIES) : dice.pick(context.topic.lines);
    const text = fill(template, context, dice);
    if (text !== context.previousText || attempt >= 3) return text;
  }
}

/** The one message that names the meeting place. */
export function composeMeetingPlaceText(dice: Dice): string {
  const day = dice.pick(['Thursday', 'Friday', 'Sunday']);
  const hour = dice.pick(['7', '9', 'half past eight']);
  return `Let's meet at ${MEETING_PLACE_PHRASE} on ${day} at ${hour}. Don't tell anyone else.`;
}
