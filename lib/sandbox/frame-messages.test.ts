import { describe, expect, it } from 'vitest';
import { parseFrameMessage, parsePageMessage } from './frame-messages';

describe('parseFrameMessage', () => {
  it('accepts the four frame messages and keeps a runner message unexamined', () => {
    expect(parseFrameMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseFrameMessage({ type: 'pong', seq: 3 })).toEqual({ type: 'pong', seq: 3 });
    const inner = { type: 'done', anything: [1, 2] };
    expect(parseFrameMessage({ type: 'runner', runId: 'r1', message: inner })).toEqual({
      type: 'runner',
      runId: 'r1',
      message: inner,
    });
    expect(parseFrameMessage({ type: 'worker-failed', runId: 'r1', reason: 'error' })).toEqual({
      type: 'worker-failed',
      runId: 'r1',
      reason: 'error',
    });
    expect(parseFrameMessage({ type: 'refused', runId: 'r1', message: 'too big' })).toEqual({
      type: 'refused',
      runId: 'r1',
      message: 'too big',
    });
  });

  it('drops a refusal whose message is not a short string', () => {
    expect(parseFrameMessage({ type: 'refused', runId: 'r1', message: 'x'.repeat(2001) })).toBeUndefined();
    expect(parseFrameMessage({ type: 'refused', runId: 'r1' })).toBeUndefined();
  });

  it('drops anything else, and strips extra fields', () => {
    for (const junk of [
      null,
      42,
      'ready',
      {},
      { type: 'pong' },
      { type: 'runner', message: 1 },
      { type: 'worker-failed', runId: 'r', reason: 'oom' },
      { type: 'done' },
    ]) {
      expect(parseFrameMessage(junk)).toBeUndefined();
    }
    expect(parseFrameMessage({ type: 'ready', extra: true })).toEqual({ type: 'ready' });
  });
});

describe('parsePageMessage', () => {
  it('accepts start, end and ping', () => {
    const request = { type: 'run', runId: 'r1', source: '', context: null, limits: { maxLines: 1, maxChars: 1 } };
    expect(parsePageMessage({ type: 'start', request })).toEqual({ type: 'start', request });
    expect(parsePageMessage({ type: 'end', runId: 'r1' })).toEqual({ type: 'end', runId: 'r1' });
    expect(parsePageMessage({ type: 'ping', seq: 1 })).toEqual({ type: 'ping', seq: 1 });
  });

  it('drops malformed messages', () => {
    for (const junk of [
      undefined,
      [],
      { type: 'start' },
      { type: 'start', request: { runId: 7 } },
      { type: 'end' },
      { type: 'ping', seq: '1' },
      { type: 'run' },
    ]) {
      expect(parsePageMessage(junk)).toBeUndefined();
    }
  });
});
