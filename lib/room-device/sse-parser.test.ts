import { describe, expect, it } from 'vitest';
import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('assembles events split across chunks, skips comments and keeps the last id', () => {
    const p = new SseParser();
    expect(p.feed(': keep-alive\n\nid: 7\nevent: ro')).toEqual([]);
    expect(p.feed('om\ndata: {"a":\ndata: 1}\r')).toEqual([]);
    expect(p.feed('\n\r\n')).toEqual([{ id: '7', event: 'room', data: '{"a":\n1}' }]);
    expect(p.feed('data: x\n\n')).toEqual([{ id: '7', event: 'message', data: 'x' }]);
  });
});
