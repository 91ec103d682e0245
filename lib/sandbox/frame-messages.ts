/**
 * The messages between the page and the sandbox frame (public/sandbox/frame.html), which hosts the
 * learner-code workers in its own, opaque-origin process. They travel over a MessagePort the page
 * hands the frame when it loads, so nothing else can post into the conversation. The frame is only a
 * relay: what the runner says arrives wrapped in `runner` messages and is checked by the page's
 * RunCollector exactly as before, so the frame adds no trust.
 * @module
 */
import type { RunRequest } from './protocol';

/** Page → frame. */
export type PageToFrameMessage =
  /** Start `request` in a fresh worker. */
  | { readonly type: 'start'; readonly request: RunRequest }
  /** Terminate the worker of `runId` (it finished, hit the time limit, or the learner pressed Stop). */
  | { readonly type: 'end'; readonly runId: string }
  /** Are you still alive? The frame answers `pong` with the same `seq`. */
  | { readonly type: 'ping'; readonly seq: number };

/** Frame → page. */
export type FrameToPageMessage =
  /** The frame has its port and an idle worker ready. */
  | { readonly type: 'ready' }
  | { readonly type: 'pong'; readonly seq: number }
  /** A message the worker of `runId` posted, unexamined: the page parses it. */
  | { readonly type: 'runner'; readonly runId: string; readonly message: unknown }
  /** The worker of `runId` failed outside learner code (its script failed, or a message could not be read). */
  | { readonly type: 'worker-failed'; readonly runId: string; readonly reason: 'error' | 'messageerror' }
  /**
   * The frame refused a message of `runId`'s worker as over the size budget (value-budget.ts) and
   * terminated the worker; `message` tells the learner which limit. Nothing of the value crosses.
   */
  | { readonly type: 'refused'; readonly runId: string; readonly message: string };

/** The message the page posts to the frame's window (with the port) to open the conversation. */
export const CONNECT_MESSAGE = 'backdoor-lab:sandbox-connect';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Narrows what arrives on the page's end of the port; anything else is ignored. */
export function parseFrameMessage(data: unknown): FrameToPageMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'pong':
      return typeof data.seq === 'number' ? { type: 'pong', seq: data.seq } : undefined;
    case 'runner':
      return typeof data.runId === 'string' ? { type: 'runner', runId: data.runId, message: data.message } : undefined;
    case 'worker-failed':
      return typeof data.runId === 'string' && (data.reason === 'error' || data.reason === 'messageerror')
        ? { type: 'worker-failed', runId: data.runId, reason: data.reason }
        : undefined;
    case 'refused':
      return typeof data.runId === 'string' &&
        typeof data.message === 'string' &&
        data.message.length <= MAX_REFUSAL_CHARS
        ? { type: 'refused', runId: data.runId, message: data.message }
        : undefined;
    default:
      return undefined;
  }
}

/** Longest refusal message the page accepts from the frame. */
const MAX_REFUSAL_CHARS = 2000;

/** Narrows what arrives on the frame's end of the port. */
export function parsePageMessage(data: unknown): PageToFrameMessage | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'start':
      return isRecord(data.request) && typeof data.request.runId === 'string'
        ? { type: 'start', request: data.request as unknown as RunRequest }
        : undefined;
    case 'end':
      return typeof data.runId === 'string' ? { type: 'end', runId: data.runId } : undefined;
    case 'ping':
      return typeof data.seq === 'number' ? { type: 'ping', seq: data.seq } : undefined;
    default:
      return undefined;
  }
}
