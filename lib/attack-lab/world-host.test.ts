import { describe, expect, it } from 'vitest';
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import { CancelledError, WorldGoneError } from '@/lib/worker-rpc/rpc-error';
import { WorldHost } from './world-host';
import type { WorkerProgress } from '@/lib/scenarios/run-controls';
import { worldContract } from './world-messages';

/** A real host and a real client in one process, joined by structured-cloning endpoints (lib/worker-rpc). */
function harness() {
  const [pageSide, workerSide] = createEndpointPair();
  const host = new WorldHost();
  host.serve(workerSide, { pause: () => new Promise((r) => setImmediate(r)) });
  const client = new RpcClient(worldContract, pageSide);
  return { host, client, call: client.call.bind(client) };
}

const small = { seed: 'host-test', people: 3, conversations: 3, messages: 36, durationMinutes: 2 * 1440 };

describe('WorldHost', () => {
  it('generates a world whose summary matches its size, and reproduces it from the seed', async () => {
    const { call } = harness();
    const a = await call('generate', { options: { ...small, escrow: { variant: 'single' } } });
    const b = await call('generate', { options: { ...small, escrow: { variant: 'single' } } });
    expect(a.counts).toMatchObject({ people: 3, conversations: 3, messages: 36, escrowed: 36 });
    expect(a.worldId).not.toBe(b.worldId);
    expect(b.schedule).toEqual(a.schedule);
    expect(b.participants[1]!.identityPublicKey).toEqual(a.participants[1]!.identityPublicKey);
    expect(a.escrow?.authorities).toHaveLength(1);
    expect(a.timing.generateMs).toBeGreaterThan(0);
  });

  it("with the escrow key, opens every captured envelope, the learner's own message included", async () => {
    const { call } = harness();
    const world = await call('generate', { options: { ...small, escrow: { variant: 'single' } } });
    const sent = await call('send', {
      worldId: world.worldId,
      message: { sender: 'alice', recipient: 'bob', text: 'my own secret, 42' },
    });
    expect(sent.delivered).toBe('my own secret, 42');
    expect(sent.escrowed).toBe(true);
    expect(sent.summary.counts.messages).toBe(37);
    const reports: WorkerProgress[] = [];
    const result = await call(
      'attack',
      {
        worldId: world.worldId,
        capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider' }],
        options: { chunkSize: 10 },
      },
      { onProgress: (p) => reports.push(p) },
    );
    expect(result.counts).toEqual({ opened: 37, tagFailed: 0, noKey: 0, outsideWarrant: 0 });
    expect(result.rows.find((r) => r.seq === sent.row.seq)?.plaintext).toBe('my own secret, 42');
    expect(result.loot.items.map((i) => i.kind)).toEqual(['escrow-key']);
    expect(result.loot.items[0]!.keyBytes).toHaveLength(32);
    expect(result.exposure.exposedUsers).toEqual(['alice', 'bob', 'carol']);
    expect(reports.length).toBeGreaterThanOrEqual(4);
    const last = reports[reports.length - 1]!;
    expect(last.counts?.opened).toBe(37);
    // The matrix counts what decryption decided: its cells add up to the totals.
    const conversationsOpened = result.exposure.matrix.conversations.reduce((n, r) => n + r.total.opened, 0);
    expect(conversationsOpened).toBe(37);
  });

  it('with escrow off, the stolen escrow key is nothing and nothing opens', async () => {
    const { call } = harness();
    const world = await call('generate', { options: { ...small, escrow: null } });
    const result = await call('attack', {
      worldId: world.worldId,
      capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'breach' }],
      options: {},
    });
    expect(result.counts.opened).toBe(0);
    expect(result.counts.noKey).toBe(36);
    expect(result.loot.notes[0]).toMatchObject({ outcome: 'nothing' });
    expect(result.loot.items).toEqual([]);
  });

  it('a phone stolen mid-way opens fewer messages in ratchet mode than in static mode', async () => {
    const { call } = harness();
    const opened: Record<string, number> = {};
    for (const mode of ['static', 'ratchet'] as const) {
      const world = await call('generate', { options: { ...small, mode } });
      const result = await call('attack', {
        worldId: world.worldId,
        capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-device', participant: 'bob', at: 1440 }],
        options: {},
      });
      opened[mode] = result.counts.opened;
      expect(result.exposure.split?.at).toBe(1440);
    }
    expect(opened.ratchet).toBeLessThan(opened.static!);
    expect(opened.static).toBeGreaterThan(0);
  });

  it('forgery: accepted with escrow, refused without', async () => {
    const { call } = harness();
    const on = await call('generate', { options: { ...small, escrow: { variant: 'single' } } });
    const forged = await call('forge', { worldId: on.worldId, seq: 5, newText: 'Send the files to me' });
    expect(forged.method).toBe('resealed-with-escrowed-key');
    expect(forged.delivery).toEqual({ accepted: true, plaintext: 'Send the files to me' });
    expect(forged.recoveredKey).toHaveLength(32);
    const off = await call('generate', { options: { ...small, escrow: null } });
    for (const keyless of ['edit-ciphertext', 'random-key'] as const) {
      const refused = await call('forge', { worldId: off.worldId, seq: 5, newText: 'Send the files to me', keyless });
      expect(refused.delivery.accepted).toBe(false);
      expect(refused.recoveredKey).toBeNull();
    }
  });

  it('cancel stops an attack between chunks and returns what was decided', async () => {
    const { call } = harness();
    const world = await call('generate', { options: { ...small, escrow: { variant: 'single' } } });
    const controller = new AbortController();
    const run = call(
      'attack',
      {
        worldId: world.worldId,
        capabilities: [{ kind: 'tap-wire' }, { kind: 'steal-escrow-key', scenario: 'insider' }],
        options: { chunkSize: 5 },
      },
      { signal: controller.signal },
    );
    controller.abort();
    const result = await run;
    expect(result.cancelled).toBe(true);
    expect(result.rows.length).toBeLessThan(36);
  });

  it('compares three worlds: the escrow key opens everything only where escrow is on', async () => {
    const { call } = harness();
    const result = await call('compare', { options: { ...small, victim: 'bob', compromiseAt: 1440 } });
    const escrowRow = result.rows.find((r) => r.id === 'escrow-key')!;
    const [staticCell, ratchetCell, escrowCell] = escrowRow.cells;
    expect(staticCell!.counts.opened).toBe(0);
    expect(ratchetCell!.counts.opened).toBe(0);
    expect(escrowCell!.counts.opened).toBe(36);
    expect(escrowCell!.forgery?.accepted).toBe(true);
    expect(ratchetCell!.forgery?.accepted).toBe(false);
    const phoneRow = result.rows.find((r) => r.id === 'phone')!;
    expect(phoneRow.cells[0]!.before!.opened).toBeGreaterThan(phoneRow.cells[1]!.before!.opened);
    expect(phoneRow.cells[0]!.forgery?.accepted).toBe(true);
  });

  it("a comparison cancelled between steps rejects as the RPC's cancelled error (typed data, not a name)", async () => {
    const { call } = harness();
    const controller = new AbortController();
    const comparing = call(
      'compare',
      { options: small },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    await expect(comparing).rejects.toBeInstanceOf(CancelledError);
    await expect(comparing).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('refuses malformed requests with a named field, and unknown worlds', async () => {
    const { call } = harness();
    const bad = call('attack', {
      worldId: 'x',
      capabilities: [{ kind: 'steal-everything' }],
      options: {},
    } as unknown as Parameters<typeof call<'attack'>>[1]);
    await expect(bad).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/capabilities\.0/) });
    const gone = call('forge', { worldId: 'world-99', seq: 0, newText: 'x' });
    await expect(gone).rejects.toBeInstanceOf(WorldGoneError);
    await expect(gone).rejects.toMatchObject({ code: 'world-gone' });
    const shamir = call('generate', {
      options: { ...small, escrow: { variant: 'shamir', shamir: { shares: 2, threshold: 3 } } },
    });
    await expect(shamir).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/threshold/) });
  });
});

describe('WorldHost loot', () => {
  it('shows the wallet before decryption: a phone and an escrow key, with real key bytes', async () => {
    const { call } = harness();
    const world = await call('generate', { options: { ...small, escrow: { variant: 'two-governments' } } });
    const loot = await call('loot', {
      worldId: world.worldId,
      capabilities: [
        { kind: 'tap-wire' },
        { kind: 'steal-device', participant: 'bob', at: 100 },
        { kind: 'steal-escrow-key', scenario: 'phishing', authorityId: 'southland' },
      ],
    });
    expect(loot.items.map((i) => i.kind)).toEqual(['device', 'escrow-key']);
    expect(loot.items[1]!.label).toContain('Southland');
    expect(loot.items.every((i) => i.keyBytes.length === 32)).toBe(true);
  });
});
