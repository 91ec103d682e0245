import { describe, expect, it } from 'vitest';
import { appendToLog, firstBrokenEntry, headHash, type EscrowLogEntry } from './escrow-log';

function build(n: number): EscrowLogEntry[] {
  let log: EscrowLogEntry[] = [];
  for (let i = 0; i < n; i++)
    log = appendToLog(log, {
      messageSeq: i,
      conversationId: 'alice-bob',
      openedAt: 100 + i,
      requester: 'authority',
      warrantId: i % 2 ? 'W-1' : null,
    });
  return log;
}

describe('escrow log', () => {
  it('an intact chain verifies', () => {
    expect(firstBrokenEntry(build(5))).toBeNull();
  });
  it('a removed entry is detected where the chain breaks', () => {
    const log = build(5);
    expect(firstBrokenEntry([...log.slice(0, 2), ...log.slice(3)])).toBe(2);
  });
  it('an edited entry is detected', () => {
    const log = build(4);
    log[1] = { ...log[1]!, warrantId: 'W-forged' };
    expect(firstBrokenEntry(log)).toBe(1);
  });
  it('a log cut short verifies, but its head differs from the one an auditor kept', () => {
    const log = build(4);
    expect(firstBrokenEntry(log.slice(0, 3))).toBeNull();
    expect(headHash(log.slice(0, 3))).not.toBe(headHash(log));
  });
});
