/**
 * Reads a live room's event stream (the body of GET /api/rooms/{code}/events) in Node: every event
 * checked against the contract, kept in arrival order. Tests wait on it; the benchmark timestamps
 * each arrival through `onEntry`.
 * @module
 */
import { roomEventSchema, type RoomLogEntry } from './room-protocol';
import { SseParser } from './sse-parser';

export class RoomEventReader {
  readonly entries: RoomLogEntry[] = [];
  ended = false;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #done: Promise<void>;
  #wake: (() => void) | null = null;

  constructor(
    stream: ReadableStream<Uint8Array>,
    private readonly onEntry?: (entry: RoomLogEntry) => void,
  ) {
    this.#reader = stream.getReader();
    this.#done = this.#pump();
  }

  async #pump(): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await this.#reader.read();
        if (done) break;
        for (const { id, data } of parser.push(decoder.decode(value, { stream: true }))) {
          const entry: RoomLogEntry = { id: Number(id), event: roomEventSchema.parse(JSON.parse(data)) };
          this.entries.push(entry);
          this.onEntry?.(entry);
        }
        this.#wake?.();
      }
    } catch {
      // A cut connection ends the reader like a closed one.
    } finally {
      this.ended = true;
      this.#wake?.();
    }
  }

  /** Resolves once `check` holds for the entries so far; rejects after `timeoutMs` or if the stream ends first. */
  async waitFor(check: (entries: readonly RoomLogEntry[]) => boolean, what: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.entries)) {
      if (this.ended) throw new Error(`The stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves when the server ends the stream. */
  async closed(timeoutMs = 5000): Promise<void> {
    await Promise.race([
      this.#done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the stream stayed open')), timeoutMs)),
    ]);
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
    await this.#done;
  }
}
