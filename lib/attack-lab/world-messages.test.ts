import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { rpcRequestEnvelopeSchema, rpcResponseEnvelopeSchema } from '@/lib/worker-rpc/rpc-wire';
import {
  outcomeRowSchema,
  outcomeTable,
  parseCapabilities,
  scheduleRowSchema,
  scheduleTable,
  worldContract,
  type OutcomeRow,
  type ScheduleRow,
} from './world-messages';

/** What the host runs on a request before a handler sees it; throws naming the bad field. */
function parseRequest<P extends keyof typeof worldContract>(
  procedure: P,
  params: unknown,
): z.output<(typeof worldContract)[P]['request']> {
  const result = z.safeParse(worldContract[procedure].request, params);
  if (!result.success)
    throw new RangeError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return result.data as z.output<(typeof worldContract)[P]['request']>;
}

const row: OutcomeRow = {
  seq: 0,
  kind: 'opened',
  sender: 'alice',
  recipient: 'bob',
  conversationId: 'c',
  sentAt: 1,
  plaintext: 'hi',
  key: 'escrow key, epoch 0',
};

describe('world worker contract', () => {
  it('accepts a well-formed attack request and refuses an unknown capability, naming the field', () => {
    const ok = parseRequest('attack', {
      worldId: 'world-1',
      capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-device', participant: 'bob', at: 1440 }],
      options: {},
    });
    expect(ok.capabilities).toHaveLength(2);
    expect(() =>
      parseRequest('attack', { worldId: 'world-1', capabilities: [{ kind: 'steal-everything' }], options: {} }),
    ).toThrow(/capabilities\.0/);
    expect(() => parseCapabilities([{ kind: 'steal-device', participant: 'bob', at: -5 }])).toThrow(/0\.at/);
  });

  it('refuses worlds beyond the size limits and extra fields', () => {
    expect(() => parseRequest('generate', { options: { seed: 'x', messages: 20_001 } })).toThrow(/options\.messages/);
    expect(() => parseRequest('generate', { options: { seed: '' } })).toThrow(/options\.seed/);
    expect(() => parseRequest('generate', { options: { seed: 'x', evil: true } })).toThrow();
  });

  it('checks every row of a result, not just the first', () => {
    const wire = outcomeTable.encode([row, { ...row, seq: 1, kind: 'no-key', plaintext: undefined, key: undefined }]);
    expect(z.parse(outcomeTable.schema, wire)).toHaveLength(2);
    const badKind = structuredClone(wire);
    badKind.columns.kind![1] = 9;
    expect(() => z.parse(outcomeTable.schema, badKind)).toThrow(/columns\.kind\[1\]/);
    const badTime = structuredClone(wire);
    badTime.columns.sentAt![1] = 1.5;
    expect(() => z.parse(outcomeTable.schema, badTime)).toThrow(/columns\.sentAt\[1\]/);
    const badText = structuredClone(wire);
    badText.columns.plaintext![1] = 99;
    expect(() => z.parse(outcomeTable.schema, badText)).toThrow(/columns\.plaintext\[1\]/);
    expect(() =>
      z.parse(outcomeTable.schema, { ...wire, columns: { ...wire.columns, seq: new Int32Array(2) } }),
    ).toThrow(/columns\.seq/);
    expect(() => z.parse(outcomeTable.schema, { ...wire, length: 3 })).toThrow(/length 3/);
  });

  it('refuses envelopes that are not from the protocol', () => {
    expect(z.safeParse(rpcResponseEnvelopeSchema, { rpc: 'result', id: 'one', result: {} }).success).toBe(false);
    expect(z.safeParse(rpcResponseEnvelopeSchema, 'hello').success).toBe(false);
    expect(z.safeParse(rpcRequestEnvelopeSchema, { type: 'generate', id: 1 }).success).toBe(false);
  });
});

describe('row columns', () => {
  const schedule: ScheduleRow[] = Array.from({ length: 500 }, (_, i) => ({
    seq: i,
    conversationId: `c-${i % 7}`,
    sender: i % 2 ? 'alice' : 'bob',
    recipient: i % 2 ? 'bob' : 'alice',
    sentAt: i * 2 ** 30,
    text: `message ${i % 50}`,
    learner: i === 3,
  }));
  const outcomes: OutcomeRow[] = schedule.map((r, i) => ({
    seq: r.seq,
    kind: (['opened', 'tag-failed', 'no-key', 'outside-warrant'] as const)[i % 4]!,
    sender: r.sender,
    recipient: r.recipient,
    conversationId: r.conversationId,
    sentAt: r.sentAt,
    ...(i % 4 === 0 ? { plaintext: r.text, key: 'escrow key' } : i % 4 === 1 ? { key: 'a; b' } : {}),
  }));

  it('decode(encode(rows)) gives back the rows, and every decoded row passes the row schema', () => {
    const decodedSchedule = z.parse(scheduleTable.schema, structuredClone(scheduleTable.encode(schedule)));
    expect(decodedSchedule).toEqual(schedule);
    expect(z.parse(z.array(scheduleRowSchema), decodedSchedule)).toEqual(schedule);
    const decodedOutcomes = z.parse(outcomeTable.schema, structuredClone(outcomeTable.encode(outcomes)));
    expect(decodedOutcomes).toStrictEqual(outcomes);
    expect(z.parse(z.array(outcomeRowSchema), decodedOutcomes)).toEqual(outcomes);
  });

  it('checks 10,000 rows as columns faster than as row objects (a ratio: absolute times vary on a shared machine)', () => {
    const big: OutcomeRow[] = Array.from({ length: 10_000 }, (_, i) => ({
      ...row,
      seq: i,
      sentAt: i * 3,
      plaintext: `hello there ${i}`,
    }));
    const columns = structuredClone(outcomeTable.encode(big));
    const objects = structuredClone(big);
    const rowsSchema = z.array(outcomeRowSchema);
    // The fastest of five runs each: a garbage collection can land in any one.
    const fastest = (check: () => unknown) => {
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const t = performance.now();
        check();
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    const asObjects = fastest(() => expect(z.parse(rowsSchema, objects)).toHaveLength(10_000));
    const asColumns = fastest(() => expect(z.parse(outcomeTable.schema, columns)).toHaveLength(10_000));
    console.log(
      `10,000 outcome rows checked: as row objects ${asObjects.toFixed(1)} ms, as columns ${asColumns.toFixed(1)} ms`,
    );
    // Measured here: 27-58 ms as objects, 3-4 ms as columns (decode included).
    expect(asColumns * 1.5).toBeLessThan(asObjects);
  });
});
