/**
 * The messages the presenter window and the audience window exchange on one BroadcastChannel per
 * lesson (same browser, same machine: nothing leaves the computer). Either window may move the
 * lesson; the other follows. Anything arriving on the channel is `unknown` until
 * `parsePresentationMessage` has checked it, because any page of this origin can post there.
 *
 * @module
 */
import * as z from 'zod/mini';

/** Step indexes and counts are small: no lesson has a thousand steps. */
const stepIndex = z.number().check(z.int(), z.minimum(0), z.maximum(999));
const actionId = z.string().check(z.maxLength(80));

const presentationMessageSchema = z.discriminatedUnion('type', [
  /** A window (usually a new audience window) asks the others for the current position. */
  z.object({ type: z.literal('hello') }),
  /** The lesson is on step `step` now (0-based). */
  z.object({ type: z.literal('step'), step: stepIndex }),
  /** The projector is blanked (true) or shows the lesson again (false). */
  z.object({ type: z.literal('blank'), blank: z.boolean() }),
  /** Start the lesson's worlds again from nothing (the presenter confirmed it). */
  z.object({ type: z.literal('reset') }),
  /** The audience window reports the actions taken so far, for the presenter's "still to do" list. */
  z.object({ type: z.literal('actions'), done: z.array(actionId).check(z.maxLength(200)) }),
]);

export type PresentationMessage = z.infer<typeof presentationMessageSchema>;

/** The channel of one lesson: a presenter and its audience windows for another lesson do not mix. */
export function presentationChannelName(slug: string): string {
  return `backdoor-lab:present:${slug}`;
}

/** The message, or null when `data` is not one (ignored, never thrown at the page). */
export function parsePresentationMessage(data: unknown): PresentationMessage | null {
  const parsed = presentationMessageSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
