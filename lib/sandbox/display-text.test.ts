import { describe, expect, it } from 'vitest';
import { boundMessage, capGraphemeClusters, MAX_MESSAGE_CHARS } from './display-text';

describe('capGraphemeClusters', () => {
  it('leaves ordinary text alone, accents and emoji included', () => {
    for (const text of ['Bob sent 67 bytes', 'café, naïve, Ελληνικά, 한국어', 'family 👨‍👩‍👧‍👦 ok', 'é'.normalize('NFD')]) {
      expect(capGraphemeClusters(text)).toBe(text);
    }
  });

  it('cuts a cluster of 5,000 combining marks and says so', () => {
    const line = `a${'\u0301'.repeat(5000)}b`;
    const capped = capGraphemeClusters(line);
    expect(capped).toBe(`a${'\u0301'.repeat(7)}b … (truncated: 4,993 combining characters removed)`);
  });

  it('cuts a long ZWJ chain', () => {
    const chain = Array.from({ length: 500 }, () => '👩').join('\u200D');
    expect(capGraphemeClusters(chain)).toMatch(
      /^(👩\u200D){4}… \(truncated: 991 combining characters removed\)$|truncated: \d+ combining characters removed/,
    );
    expect(capGraphemeClusters(chain).length).toBeLessThan(80);
  });
});

describe('boundMessage', () => {
  it('never repeats a 10 MB learner string', () => {
    const message = boundMessage(`The text "${'A'.repeat(10_000_000)}" is not Bob's.`);
    expect(message.length).toBeLessThan(MAX_MESSAGE_CHARS + 60);
    expect(message).toMatch(/… \(message cut at 1,000 characters\)$/);
  });

  it('keeps short messages as they are', () => {
    expect(boundMessage('the export `key` is right.')).toBe('the export `key` is right.');
  });
});
