/**
 * The room's event stream, kept open. It reads `text/event-stream` over `fetch` rather than
 * `EventSource` because a reopened stream must resume (`Last-Event-ID`, which `new EventSource`
 * cannot send) and because a refusal's status and body must reach the person (an `EventSource`
 * goes CLOSED after a non-200 and says nothing: platform-pitfalls.md §8).
 *
 * - After a network error, an ended stream, 429 or 503: reopen with exponential backoff and
 *   jitter (0.5 s doubling to 15 s, or the relay's `Retry-After`), sending the last id seen.
 * - After 401, 404 or 410: stop, and report why (removed, no such room, closed or expired).
 * - Every event is checked against the contract; an id at or below the last one is dropped, so a
 *   replay after a resume shows nothing twice.
 * @module
 */
import { roomEventSchema, type RoomLogEntry } from '@/lib/room/room-protocol';
import { RoomRequestError, roomErrorFromResponse } from './room-errors';
import type { RoomFetch } from './room-client';
import { SseParser } from './sse-parser';

export type RoomStreamStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  | { readonly kind: 'retrying'; readonly inMs: number; readonly error: RoomRequestError | null }
  | { readonly kind: 'stopped'; readonly error: RoomRequestError };

export interface RoomStreamOptions {
  readonly path: string;
  readonly fetch: RoomFetch;
  readonly onEntry: (entry: RoomLogEntry) => void;
  readonly onStatus: (status: RoomStreamStatus) => void;
  /** The last event id already applied (a page that kept its view). */
  readonly lastEventId?: number;
  /** Waits `ms` unless `signal` aborts first; tests pass a fake clock. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** 0..1, for the jitter; tests pass a constant. */
  readonly random?: () => number;
}

const FATAL = new Set([401, 403, 404, 410]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

const realSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** Backoff before attempt `failures` (1, 2, ...): half to all of 0.5 s·2^(n-1), capped at 15 s. */
export function backoffDelayMs(failures: number, random: number, retryAfterSeconds: number | null = null): number {
  if (retryAfterSeconds !== null) return Math.min(60_000, retryAfterSeconds * 1000);
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** Opens the stream and keeps it open until `close()` or a final refusal. */
export function connectRoomStream(options: RoomStreamOptions): { close(): void } {
  const controller = new AbortController();
  const { signal } = controller;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  let lastId = options.lastEventId ?? 0;
  let failures = 0;

  const readBody = async (response: Response) => {
    if (!response.body) return;
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = response.body.getReader();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
    for (;;) {
      const { done, value } = await reader.read();
      if (done || signal.aborted) return;
      for (const sse of parser.feed(decoder.decode(value, { stream: true }))) {
        if (sse.event !== 'room' || sse.id === null) continue;
        const id = Number(sse.id);
        if (!Number.isSafeInteger(id) || id <= lastId) continue;
        let json: unknown;
        try {
          json = JSON.parse(sse.data);
        } catch {
          continue;
        }
        const parsed = roomEventSchema.safeParse(json);
        if (!parsed.success) continue;
        lastId = id;
        options.onEntry({ id, event: parsed.data });
      }
    }
  };

  const run = async () => {
    while (!signal.aborted) {
      options.onStatus({ kind: 'connecting' });
      let error: RoomRequestError | null = null;
      try {
        const response = await options.fetch(options.path, {
          method: 'GET',
          headers: { Accept: 'text/event-stream', ...(lastId > 0 ? { 'Last-Event-ID': String(lastId) } : {}) },
          signal,
        });
        if (response.ok) {
          failures = 0;
          options.onStatus({ kind: 'open' });
          await readBody(response);
        } else {
          error = await roomErrorFromResponse(response);
          if (FATAL.has(response.status)) {
            options.onStatus({ kind: 'stopped', error });
            return;
          }
        }
      } catch {
        // a dropped connection or a refused fetch: try again below
      }
      if (signal.aborted) return;
      failures++;
      const inMs = backoffDelayMs(failures, random(), error?.retryAfterSeconds ?? null);
      options.onStatus({ kind: 'retrying', inMs, error });
      await sleep(inMs, signal);
    }
  };
  void run();
  return { close: () => controller.abort() };
}
