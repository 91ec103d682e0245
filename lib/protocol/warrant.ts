/**
 * A warrant: the legal order that exceptional access is supposed to be limited by. It names one
 * target and a time window. The authority's software checks each captured envelope's header
 * against it before opening anything and reports what it refused. Nothing in the cryptography
 * enforces this: the check is a line of code in the authority's software, and a thief's software
 * (decryptCapture without a warrant) simply does not have it.
 * @module
 */
import type { EnvelopeHeader } from './envelope-header';
import type { ParticipantId } from './participant';
import { isSimTime, type SimTime } from './sim-time';

/** A warrant for the traffic to and from `target` sent between `from` and `to` (inclusive). */
export interface Warrant {
  readonly target: ParticipantId;
  readonly from: SimTime;
  readonly to: SimTime;
  /** Who signed it, for display ("Judge Rivera, District Court"). */
  readonly issuedBy: string;
}

/** Whether `header` falls under `warrant`: sent by or to the target, within the window. */
export function warrantCovers(warrant: Warrant, header: EnvelopeHeader): boolean {
  return (
    (header.sender === warrant.target || header.recipient === warrant.target) &&
    header.sentAt >= warrant.from &&
    header.sentAt <= warrant.to
  );
}

/** Checks a warrant that came from outside (a form, a lesson file); throws a RangeError naming the bad field. */
export function parseWarrant(value: unknown): Warrant {
  if (typeof value !== 'object' || value === null) throw new RangeError('warrant: expected an object');
  const v = value as Record<string, unknown>;
  if (typeof v.target !== 'string' || v.target.length === 0)
    throw new RangeError('warrant.target: expected a participant id');
  if (!isSimTime(v.from)) throw new RangeError('warrant.from: expected whole minutes >= 0');
  if (!isSimTime(v.to)) throw new RangeError('warrant.to: expected whole minutes >= 0');
  if (v.to < v.from) throw new RangeError('warrant: the window ends before it starts');
  if (typeof v.issuedBy !== 'string' || v.issuedBy.length === 0)
    throw new RangeError('warrant.issuedBy: expected a name');
  return { target: v.target, from: v.from, to: v.to, issuedBy: v.issuedBy };
}
