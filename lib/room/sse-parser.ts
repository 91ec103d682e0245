/**
 * An incremental reader of the event-stream format (WHATWG HTML §9.2.6), for Node clients of the
 * live room (tests and `npm run bench:room`; browsers use EventSource). Feed it text as it arrives;
 * it returns each complete event. Comments (heartbeats) and `retry:` lines are skipped.
 * @module
 */

export interface SseEvent {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

export class SseParser {
  #pending = '';

  push(text: string): SseEvent[] {
    this.#pending += text;
    const events: SseEvent[] = [];
    let end: number;
    while ((end = this.#pending.indexOf('\n\n')) >= 0) {
      const block = this.#pending.slice(0, end);
      this.#pending = this.#pending.slice(end + 2);
      let id: string | null = null;
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) continue;
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) events.push({ id, event, data: data.join('\n') });
    }
    return events;
  }
}
