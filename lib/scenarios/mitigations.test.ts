import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import { MITIGATION_THEFT_AT } from './mitigation-world';
import { runMitigation } from './mitigations';

const run = (id: Parameters<typeof runMitigation>[0], options = {}) =>
  runMitigation(id, seededRandom(`mitigations-test|${id}`), options);

describe('mitigations: the same theft against each escrow design, exposure by decryption', () => {
  const none = run('none');

  it('baseline: the one global key opens every message, past and future, and the forgery is accepted', () => {
    expect(none.total).toBe(36);
    expect(none.opened).toBe(36);
    expect(none.before.opened).toBe(none.before.total);
    expect(none.forgery.accepted).toBe(true);
  });

  it('rotation bounds it: only the days whose keys were not yet deleted open', () => {
    const r = run('rotation');
    const opened = r.messages.filter((m) => m.text !== null);
    expect(r.opened).toBeGreaterThan(0);
    expect(r.opened).toBeLessThan(none.opened);
    const dayOf = (t: number) => Math.floor(t / MINUTES_PER_DAY);
    const theftDay = dayOf(MITIGATION_THEFT_AT);
    expect(new Set(opened.map((m) => dayOf(m.sentAt)))).toEqual(new Set([theftDay - 1, theftDay]));
  });

  it("per-user keys confine it: Bob's key opens Bob's conversations and nothing else", () => {
    const r = run('per-user');
    for (const m of r.messages) expect(m.text !== null).toBe(m.sender === 'bob' || m.recipient === 'bob');
    expect(r.conversations.find((c) => c.conversationId === 'alice-carol')!.opened).toBe(0);
  });

  it('decryption-only escrow still reads everything, but the forgery is refused', () => {
    const r = run('decryption-only');
    expect(r.opened).toBe(36);
    expect(r.forgery.accepted).toBe(false);
    expect(r.forgery.detail).toMatch(/MAC/);
  });

  it('threshold: one agency opens nothing; two (the threshold) open everything', () => {
    expect(run('threshold').opened).toBe(0);
    expect(run('threshold').forgery.accepted).toBe(false);
    expect(run('threshold', { agenciesRobbed: 2 }).opened).toBe(36);
  });

  it('the public log records every opening, and the chain verifies; the messages are read anyway', () => {
    const r = run('public-log');
    expect(r.opened).toBe(36);
    expect(r.log!.withoutWarrant).toBe(36);
    expect(r.log!.entries.length).toBe(36 + 2);
    expect(new Set(r.log!.entries.filter((e) => e.warrantId === null).map((e) => e.messageSeq)).size).toBe(36);
    expect(r.log!.intact).toBe(true);
  });
});
