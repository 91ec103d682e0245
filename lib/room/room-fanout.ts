/**
 * This instance's side of the event streams: one channel per room with local listeners, one store
 * subscription per channel, and every event encoded once (one Uint8Array shared by every client's
 * stream, no compression) rather than once per client.
 *
 * Nothing lost, nothing twice: a channel processes frames strictly in id order; a frame whose id
 * skips ahead (pub/sub dropped some while Redis restarted) makes it read the gap from the log first,
 * and so does the feed coming back. A new listener buffers live frames while it replays the log from
 * its Last-Event-ID, then sends only frames newer than the last one it sent.
 * @module
 */
import type { RoomStore } from './room-store';
import { frameId } from './room-store';

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(': heartbeat\n\n');
/** Sent first: flushes the headers at once and tells EventSource to retry after 2 s on network errors. */
const PREAMBLE = encoder.encode('retry: 2000\n\n');

export interface FanoutOptions {
  readonly heartbeatMs: number;
  /** A client this many chunks behind (a vanished phone) is cut off; it resumes by Last-Event-ID. */
  readonly maxQueuedChunks: number;
  /** How long an empty channel stays subscribed, so reconnecting clients do not churn subscriptions. */
  readonly idleChannelMs: number;
}

class Listener {
  live = false;
  closed = false;
  readonly buffer: Array<[number, Uint8Array]> = [];
  constructor(
    readonly controller: ReadableStreamDefaultController<Uint8Array>,
    readonly memberId: string | null,
    public sentId: number,
    private readonly maxQueued: number,
    readonly cleanup: () => void,
  ) {}

  push(id: number, bytes: Uint8Array): void {
    if (this.closed) return;
    if (!this.live) this.buffer.push([id, bytes]);
    else if (id > this.sentId) this.send(id, bytes);
  }

  /** `replaying`: a replay queues the whole backlog at once by design, so it is not a slow client. */
  send(id: number, bytes: Uint8Array, replaying = false): void {
    this.sentId = id;
    this.write(bytes, replaying);
  }

  write(bytes: Uint8Array, replaying = false): void {
    if (this.closed) return;
    if (!replaying && (this.controller.desiredSize ?? 0) < -this.maxQueued) return this.end();
    this.controller.enqueue(bytes);
  }

  end(): void {
    if (this.closed) return;
    try {
      this.controller.close();
    } catch {
      // Already cancelled by the client: nothing to close.
    }
    this.cleanup();
  }
}

class Channel {
  lastId = 0;
  /** The subscription could not be made (Redis down): the channel is dropped and clients retry. */
  failed = false;
  readonly listeners = new Set<Listener>();
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Every frame and catch-up runs through this chain, one at a time, in arrival order. */
  chain: Promise<void>;

  constructor(
    readonly code: string,
    private readonly store: RoomStore,
  ) {
    this.chain = store
      .subscribe(code, (frame) => this.receive(frame))
      .then(async () => {
        this.lastId = await store.lastEventId(code);
      })
      .catch(() => {
        this.failed = true;
      });
  }

  receive(frame: string): void {
    this.chain = this.chain.then(() => this.#handle(frame)).catch(() => undefined);
  }

  catchUp(): void {
    this.chain = this.chain.then(() => this.#catchUp()).catch(() => undefined);
  }

  async #handle(frame: string): Promise<void> {
    const id = frameId(frame);
    if (id <= this.lastId) return;
    if (id > this.lastId + 1) await this.#catchUp();
    if (id > this.lastId) this.#deliver(id, frame);
  }

  async #catchUp(): Promise<void> {
    for (const { id, frame } of await this.store.readLog(this.code, this.lastId)) {
      if (id > this.lastId) this.#deliver(id, frame);
    }
  }

  #deliver(id: number, frame: string): void {
    this.lastId = id;
    const bytes = encoder.encode(frame);
    for (const listener of this.listeners) listener.push(id, bytes);
    const data = frame.indexOf('data: ') + 6;
    if (frame.startsWith('{"type":"room-closed"', data)) {
      // A closed room ends every stream after its last event; reconnecting gets 410.
      queueMicrotask(() => this.listeners.forEach((listener) => listener.end()));
    } else if (frame.startsWith('{"type":"member-removed"', data)) {
      const { memberId } = JSON.parse(frame.slice(data)) as { memberId: string };
      queueMicrotask(() => this.listeners.forEach((listener) => listener.memberId === memberId && listener.end()));
    }
  }
}

export class RoomFanout {
  readonly #channels = new Map<string, Channel>();
  readonly #heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: RoomStore,
    private readonly options: FanoutOptions,
  ) {
    store.onFeedRestored(() => this.#channels.forEach((channel) => channel.catchUp()));
    this.#heartbeat = setInterval(() => this.#beat(), options.heartbeatMs);
    this.#heartbeat.unref?.();
  }

  /** Rooms with a channel on this instance (listened to now or a moment ago): the expiry sweep's list. */
  roomCodes(): string[] {
    return [...this.#channels.keys()];
  }

  get connectionCount(): number {
    let count = 0;
    for (const channel of this.#channels.values()) count += channel.listeners.size;
    return count;
  }

  /**
   * An event stream for `code` that first replays every stored event after `afterId`, then live
   * ones. `signal` (the request's) and the stream's cancel both end it; cleanup runs once.
   */
  open(code: string, afterId: number, memberId: string | null, signal: AbortSignal): ReadableStream<Uint8Array> {
    let listener: Listener | null = null;
    const channel = this.#channel(code);
    const cleanup = () => {
      if (!listener || listener.closed) return;
      listener.closed = true;
      signal.removeEventListener('abort', onAbort);
      channel.listeners.delete(listener);
      if (channel.listeners.size === 0) this.#scheduleIdle(channel);
    };
    const onAbort = () => listener?.end();
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        listener = new Listener(controller, memberId, afterId, this.options.maxQueuedChunks, cleanup);
        channel.listeners.add(listener);
        if (channel.idleTimer) clearTimeout(channel.idleTimer);
        channel.idleTimer = null;
        signal.addEventListener('abort', onAbort, { once: true });
        controller.enqueue(PREAMBLE);
        void this.#replay(channel, listener);
      },
      cancel: () => cleanup(),
    });
  }

  async #replay(channel: Channel, listener: Listener): Promise<void> {
    try {
      await channel.chain;
      if (channel.failed) throw new Error('no subscription');
      for (const { id, frame } of await this.store.readLog(channel.code, listener.sentId)) {
        if (id > listener.sentId) listener.send(id, encoder.encode(frame), true);
      }
      for (const [id, bytes] of listener.buffer.splice(0)) if (id > listener.sentId) listener.send(id, bytes, true);
      listener.live = true;
    } catch {
      // Redis is down: end the stream (the client reconnects with its Last-Event-ID) and, if the
      // subscription itself failed, forget the channel so the next connection subscribes afresh.
      if (channel.failed && this.#channels.get(channel.code) === channel) {
        this.#channels.delete(channel.code);
        channel.listeners.forEach((each) => each.end());
      }
      listener.end();
    }
  }

  #channel(code: string): Channel {
    let channel = this.#channels.get(code);
    if (!channel) this.#channels.set(code, (channel = new Channel(code, this.store)));
    return channel;
  }

  #scheduleIdle(channel: Channel): void {
    if (channel.idleTimer) return;
    channel.idleTimer = setTimeout(() => {
      if (channel.listeners.size > 0 || this.#channels.get(channel.code) !== channel) return;
      this.#channels.delete(channel.code);
      void this.store.unsubscribe(channel.code);
    }, this.options.idleChannelMs);
    channel.idleTimer.unref?.();
  }

  #beat(): void {
    for (const channel of this.#channels.values()) for (const listener of channel.listeners) listener.write(HEARTBEAT);
  }

  /** Ends every stream and subscription (shutting down, or tests). */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    for (const channel of this.#channels.values()) {
      if (channel.idleTimer) clearTimeout(channel.idleTimer);
      channel.listeners.forEach((listener) => listener.end());
    }
    this.#channels.clear();
  }
}
