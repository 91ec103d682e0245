import { describe, expect, it } from 'vitest';
import { summarizeTraffic } from './relay-metadata';

describe('summarizeTraffic', () => {
  it('is null for an empty server', () => {
    expect(summarizeTraffic([])).toBeNull();
  });

  it('counts per pair and direction, times, gaps, bytes and the message lengths the sizes give away', () => {
    const s = summarizeTraffic([
      { sender: 'bob', recipient: 'alice', receivedAt: 1000, size: 20 },
      { sender: 'alice', recipient: 'bob', receivedAt: 4000, size: 30 },
      { sender: 'bob', recipient: 'alice', receivedAt: 64000, size: 17 },
      { sender: 'carol', recipient: 'alice', receivedAt: 65000, size: 16 },
    ]);
    expect(s).toEqual({
      messages: 4,
      totalBytes: 83,
      firstAt: 1000,
      lastAt: 65000,
      pairs: [
        {
          between: ['alice', 'bob'],
          messages: 3,
          bytes: 67,
          directions: [
            { from: 'bob', to: 'alice', messages: 2, bytes: 37 },
            { from: 'alice', to: 'bob', messages: 1, bytes: 30 },
          ],
        },
        {
          between: ['alice', 'carol'],
          messages: 1,
          bytes: 16,
          directions: [{ from: 'carol', to: 'alice', messages: 1, bytes: 16 }],
        },
      ],
      gaps: [3000, 60000, 1000],
      messageLengths: [4, 14, 1, 0],
    });
  });

  it('refuses a size smaller than the tag', () => {
    expect(() => summarizeTraffic([{ sender: 'a', recipient: 'b', receivedAt: 0, size: 15 }])).toThrow(
      /fewer than the 16-byte tag/,
    );
  });
});
