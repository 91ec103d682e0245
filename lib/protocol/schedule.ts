/**
 * The world's schedule: who talks with whom, and who sends what to whom when. It is drawn from its
 * own random stream, before and independently of any key, so the same seed gives the same schedule
 * in static and ratchet mode, with and without escrow: the blast-radius comparison compares the same
 * conversations under different cryptography. Tests derive expected exposure from the schedule alone.
 * @module
 */
import type { RandomSource } from '@/lib/crypto/random';
import { createDice, type Dice } from './dice';
import { MEETING_PLACE_PHRASE, TOPICS, composeMeetingPlaceText, composeMessageText } from './message-text';
import { PARTICIPANT_NAMES, type ParticipantId } from './participant';
import type { SimTime } from './sim-time';

/** A one-to-one conversation. The initiator sends the first message. */
export interface Conversation {
  readonly id: string;
  readonly initiator: ParticipantId;
  readonly responder: ParticipantId;
  /** Topic title, e.g. "the project deadline". */
  readonly topic: string;
}

/** One scheduled message. `index` is its position in time order, and the relay log's `seq` for it. */
export interface ScheduledMessage {
  readonly index: number;
  readonly conversationId: string;
  readonly sender: ParticipantId;
  readonly recipient: ParticipantId;
  readonly sentAt: SimTime;
  readonly text: string;
}

/** Sizes of a schedule. */
export interface ScheduleOptions {
  readonly people: number;
  readonly conversations: number;
  readonly messages: number;
  /** Length of the simulated period; message times fall in [0, durationMinutes) (a few may spill over when messages are dense). */
  readonly durationMinutes: number;
}

/** The generated schedule. */
export interface Schedule {
  readonly people: readonly { readonly id: ParticipantId; readonly name: string }[];
  readonly conversations: readonly Conversation[];
  /** In time order; sentAt strictly increasing. */
  readonly messages: readonly ScheduledMessage[];
  /** The message naming the meeting place (see message-text.ts). */
  readonly meetingPlace: { readonly phrase: string; readonly messageIndex: number };
}

function choosePairs(count: number, people: number, dice: Dice): [number, number][] {
  const all: [number, number][] = [];
  for (let a = 0; a < people; a++) for (let b = a + 1; b < people; b++) all.push([a, b]);
  const shuffled = dice.shuffle(all);
  const chosen: [number, number][] = [];
  const covered = new Set<number>();
  // First give everybody at least one conversation, then fill up in random order.
  for (const pair of shuffled) {
    if (chosen.length >= count) break;
    if (!covered.has(pair[0]) || !covered.has(pair[1])) {
      chosen.push(pair);
      covered.add(pair[0]).add(pair[1]);
    }
  }
  for (const pair of shuffled) {
    if (chosen.length >= count) break;
    if (!chosen.includes(pair)) chosen.push(pair);
  }
  return chosen;
}

function allocate(total: number, weights: readonly number[]): number[] {
  const base = weights.map(() => 1);
  const rest = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const counts = base.map((b, i) => b + Math.floor(exact[i]!));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]![1]]! += 1;
  return counts;
}

/** Draws a schedule from `random`. Validates sizes and throws RangeError with the limit that was broken. */
export function generateSchedule(options: ScheduleOptions, random: RandomSource): Schedule {
  const { people, conversations, messages, durationMinutes } = options;
  if (!Number.isInteger(people) || people < 2 || people > PARTICIPANT_NAMES.length) {
    throw new RangeError(`people: 2 to ${PARTICIPANT_NAMES.length}, got ${people}`);
  }
  const maxPairs = (people * (people - 1)) / 2;
  if (!Number.isInteger(conversations) || conversations < 1 || conversations > maxPairs) {
    throw new RangeError(`conversations: 1 to ${maxPairs} for ${people} people, got ${conversations}`);
  }
  if (!Number.isInteger(messages) || messages < conversations || messages > 1_000_000) {
    throw new RangeError(
      `messages: at least one per conversation (${conversations}) and at most 1,000,000, got ${messages}`,
    );
  }
  if (!Number.isSafeInteger(durationMinutes) || durationMinutes < 60)
    throw new RangeError(`durationMinutes: at least 60, got ${durationMinutes}`);

  const dice = createDice(random);
  const cast = PARTICIPANT_NAMES.slice(0, people).map((name) => ({ id: name.toLowerCase(), name }));
  const pairs = choosePairs(conversations, people, dice);
  const convs: Conversation[] = pairs.map(([a, b], i) => {
    const [initiator, responder] = dice.int(2) === 0 ? [cast[a]!, cast[b]!] : [cast[b]!, cast[a]!];
    return {
      id: `c${String(i + 1).padStart(2, '0')}-${initiator.id}-${responder.id}`,
      initiator: initiator.id,
      responder: responder.id,
      topic: dice.pick(TOPICS).id,
    };
  });
  const counts = allocate(
    messages,
    convs.map(() => 0.25 + dice.float() ** 2),
  );

  // Per conversation: turns of 1-4 messages by alternating senders, turn starts spread over the
  // period, messages of a turn a few minutes apart.
  interface Draft {
    conv: number;
    order: number;
    turnStart: boolean;
    sender: ParticipantId;
    recipient: ParticipantId;
    sentAt: number;
  }
  const drafts: Draft[] = [];
  convs.forEach((conv, c) => {
    const count = counts[c]!;
    const turnLengths: number[] = [];
    for (let left = count; left > 0;) {
      const len = Math.min(left, 1 + dice.weighted([0.4, 0.3, 0.18, 0.12]));
      turnLengths.push(len);
      left -= len;
    }
    const start = dice.int(Math.max(1, Math.floor(durationMinutes * 0.5)));
    const starts = turnLengths.map(() => start + dice.int(durationMinutes - start)).sort((x, y) => x - y);
    let time = -1;
    let order = 0;
    turnLengths.forEach((len, t) => {
      const [sender, recipient] = t % 2 === 0 ? [conv.initiator, conv.responder] : [conv.responder, conv.initiator];
      for (let k = 0; k < len; k++) {
        time = Math.max(k === 0 ? starts[t]! : time + dice.between(1, 4), time + 1);
        drafts.push({ conv: c, order: order++, turnStart: k === 0, sender, recipient, sentAt: time });
      }
    });
  });
  drafts.sort((x, y) => x.sentAt - y.sentAt || x.conv - y.conv || x.order - y.order);
  for (let i = 1; i < drafts.length; i++) drafts[i]!.sentAt = Math.max(drafts[i]!.sentAt, drafts[i - 1]!.sentAt + 1);

  // The meeting-place message: somewhere between 55% and 75% of the way through.
  const lo = Math.floor(drafts.length * 0.55);
  const hi = Math.max(lo, Math.floor(drafts.length * 0.75) - 1);
  const meetingIndex = Math.min(drafts.length - 1, dice.between(lo, hi));

  const nameOf = new Map(cast.map((p) => [p.id, p.name]));
  const previousText = new Map<number, string>();
  const out: ScheduledMessage[] = drafts.map((d, index) => {
    const conv = convs[d.conv]!;
    const topic = TOPICS.find((t) => t.id === conv.topic)!;
    const text: string =
      index === meetingIndex
        ? composeMeetingPlaceText(dice)
        : composeMessageText(
            {
              topic,
              peerName: nameOf.get(d.recipient)!,
              otherNames: cast.filter((p) => p.id !== d.sender && p.id !== d.recipient).map((p) => p.name),
              isOpening: d.order === 0,
              isTurnStart: d.turnStart,
              previousText: previousText.get(d.conv) ?? null,
            },
            dice,
          );
    previousText.set(d.conv, text);
    return { index, conversationId: conv.id, sender: d.sender, recipient: d.recipient, sentAt: d.sentAt, text };
  });
  return {
    people: cast,
    conversations: convs.map((c) => ({ ...c, topic: TOPICS.find((t) => t.id === c.topic)!.title })),
    messages: out,
    meetingPlace: { phrase: MEETING_PLACE_PHRASE, messageIndex: meetingIndex },
  };
}
