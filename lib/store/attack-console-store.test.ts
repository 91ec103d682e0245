import { describe, expect, it } from 'vitest';
import { MINUTES_PER_DAY, noonOfDay } from '@/lib/protocol/sim-time';
import type { WorldGenerateOptions } from '@/lib/attack-lab/world-messages';
import {
  createAttackConsoleStore,
  isRunStale,
  walletHasCapture,
  type AttackConsoleState,
} from './attack-console-store';
import { inProcessWorldClient } from './in-process-world.test-helper';

/** The lesson's world, as AttackConsole builds it (three people, two days, escrow on). */
const lessonSpec: WorldGenerateOptions = {
  seed: 'steal-the-key-one',
  people: 3,
  conversations: 3,
  messages: 36,
  durationMinutes: 2 * MINUTES_PER_DAY,
  mode: 'ratchet',
  escrow: { variant: 'single', epochMinutes: MINUTES_PER_DAY },
};

function lessonConsole(spec: WorldGenerateOptions = lessonSpec) {
  const client = inProcessWorldClient();
  const store = createAttackConsoleStore({ client, deck: { kind: 'lesson', authorities: 'one' }, spec });
  return { client, store, s: () => store.getState() };
}

async function labConsole(options: WorldGenerateOptions) {
  const client = inProcessWorldClient();
  const store = createAttackConsoleStore({ client, deck: { kind: 'lab' } });
  const world = await client.generate(options);
  store.getState().useWorld(world);
  return { client, store, world, s: () => store.getState() };
}

const counts = (s: AttackConsoleState) => s.run.result?.counts;

describe('attack console store (lesson deck, real WorldHost in process)', () => {
  it("a wiretap opens nothing; with the escrow key stolen everything opens, the learner's message included", async () => {
    const { store, s } = lessonConsole();
    expect(s().world).toBeNull();

    // The first card used generates the lesson's world.
    expect(await s().toggle('wire')).toEqual({ on: true, loot: { items: [], notes: [] } });
    expect(s().worldStatus).toBe('ready');
    expect(s().world?.counts.messages).toBe(36);
    expect(walletHasCapture(s().wallet)).toBe(true);

    expect(await s().sendLearnerMessage({ sender: 'alice', recipient: 'bob', text: 'the boathouse, 9 pm' })).toBe(true);
    expect(s().learnerSending).toBe(false);
    expect(s().learnerMessages.map((m) => m.text)).toEqual(['the boathouse, 9 pm']);

    const tapped = await s().decryptAll();
    expect(s().run.status).toBe('done');
    expect(tapped?.capture.envelopes).toBe(37);
    expect(counts(s())).toEqual({ opened: 0, tagFailed: 0, noKey: 37, outsideWarrant: 0 });

    await s().choose({ scenario: 'breach' });
    const stolen = await s().toggle('escrow:escrow-authority');
    expect(stolen?.on).toBe(true);
    expect(s().wallet['escrow:escrow-authority']).toEqual({
      kind: 'steal-escrow-key',
      scenario: 'breach',
      authorityId: 'escrow-authority',
    });
    expect(stolen?.loot?.items.map((i) => i.kind)).toEqual(['escrow-key']);
    expect(stolen?.loot?.items[0]!.keyBytes).toHaveLength(32);
    expect(s().loot).toEqual(stolen?.loot);
    // The wallet changed since the wiretap's run.
    expect(isRunStale(s())).toBe(true);

    const progress: number[] = [];
    const unsubscribe = store.subscribe((now, before) => {
      if (now.run.progress && now.run.progress !== before.run.progress) progress.push(now.run.progress.done);
    });
    const result = await s().decryptAll();
    unsubscribe();
    expect(isRunStale(s())).toBe(false);
    expect(counts(s())).toEqual({ opened: 37, tagFailed: 0, noKey: 0, outsideWarrant: 0 });
    const mine = s().learnerMessages[0]!;
    expect(result?.rows.find((r) => r.seq === mine.seq)).toMatchObject({
      kind: 'opened',
      plaintext: 'the boathouse, 9 pm',
    });
    // The key was stolen "now": everything was sent before the theft.
    expect(result?.exposure.split).toMatchObject({ at: s().world!.endsAt, before: { opened: 37 } });
    expect(progress.length).toBeGreaterThan(0);
    expect(s().run.progress?.done).toBe(37);

    // Switching the card off empties the slot.
    expect(await s().toggle('escrow:escrow-authority')).toEqual({ on: false, loot: { items: [], notes: [] } });
    expect(Object.keys(s().wallet)).toEqual(['wire']);
  });

  it("after a worker restart the world is generated again from its seed and the learner's message sent again", async () => {
    const { client, s } = lessonConsole();
    await s().toggle('wire');
    await s().sendLearnerMessage({ sender: 'bob', recipient: 'alice', text: 'again, after the restart' });
    await s().toggle('escrow:escrow-authority');
    client.forgetWorlds();
    expect(client.has(s().world!.worldId)).toBe(false);
    const result = await s().decryptAll();
    expect(client.has(s().world!.worldId)).toBe(true);
    expect(result?.counts.opened).toBe(37);
    expect(result?.rows.some((r) => r.plaintext === 'again, after the restart')).toBe(true);
  });

  it('a failure in the host becomes visible state, not a rejected promise', async () => {
    const { s } = lessonConsole({ ...lessonSpec, escrow: { variant: 'shamir', shamir: { threshold: 5, shares: 3 } } });
    await expect(s().toggle('wire')).resolves.toBeNull();
    expect(s().worldStatus).toBe('error');
    expect(s().worldError).toMatch(/threshold cannot exceed the number of shares/);
    // Decrypting tries to generate the world again, fails the same way, and says there is nothing to attack.
    await expect(s().decryptAll()).resolves.toBeNull();
    expect(s().run).toMatchObject({ status: 'error', result: null, error: 'no world to attack yet' });
    expect(s().worldError).toMatch(/threshold cannot exceed the number of shares/);
  });
});

describe('attack console store (lab deck)', () => {
  const labWorld: WorldGenerateOptions = {
    seed: 'console-lab',
    people: 4,
    conversations: 4,
    messages: 60,
    durationMinutes: 6 * MINUTES_PER_DAY,
    mode: 'ratchet',
    escrow: null,
  };

  it('chooses defaults for the world, steals a phone at noon of the chosen day, and re-steals when a choice changes', async () => {
    const { s, world } = await labConsole(labWorld);
    const days = Math.floor(world.endsAt / MINUTES_PER_DAY) + 1;
    expect(s().choices).toMatchObject({
      scenario: 'insider',
      victim: world.participants[1]!.id,
      theftDay: Math.ceil(days / 2),
      keyDay: Math.ceil(days / 2),
    });

    await s().choose({ victim: 'bob', theftDay: 2 });
    await s().toggle('wire');
    await s().toggle('device');
    expect(s().wallet.device).toEqual({ kind: 'steal-device', participant: 'bob', at: noonOfDay(2) });
    expect(s().loot?.items.map((i) => i.kind)).toEqual(['device']);
    const early = await s().decryptAll();
    expect(early?.exposure.split?.at).toBe(noonOfDay(2));

    // A later theft: the same phone holds more keys, and the card in the wallet follows the choice.
    await s().choose({ theftDay: 4 });
    expect(s().wallet.device).toEqual({ kind: 'steal-device', participant: 'bob', at: noonOfDay(4) });
    expect(isRunStale(s())).toBe(true);
    const later = await s().decryptAll();
    expect(later!.counts.opened).toBeGreaterThanOrEqual(early!.counts.opened);
    expect(later!.counts.opened + later!.counts.noKey + later!.counts.tagFailed).toBe(later!.capture.envelopes);

    // With escrow off, the escrow key yields nothing: the loot says so.
    const escrow = await s().toggle('escrow');
    expect(escrow?.loot?.notes.find((n) => n.capability.kind === 'steal-escrow-key')).toMatchObject({
      outcome: 'nothing',
    });
    expect(s().slotTimes.escrow).toBe(noonOfDay(s().choices.keyDay));
  });

  it('a phone no one has is an error the console shows; the decryption then reports it too', async () => {
    const { s } = await labConsole(labWorld);
    await s().toggle('wire');
    await s().choose({ victim: 'mallory' });
    await expect(s().toggle('device')).resolves.toMatchObject({ on: true, loot: null });
    expect(s().worldError).toMatch(/no participant 'mallory'/);
    await s().decryptAll();
    expect(s().run.status).toBe('error');
    expect(s().run.error).toMatch(/no participant 'mallory'/);
  });

  it('key pieces: too few rebuild nothing, a damaged piece fails the public-key check, enough rebuild the key', async () => {
    const { s, world } = await labConsole({
      ...labWorld,
      escrow: { variant: 'shamir', shamir: { threshold: 3, shares: 5 } },
    });
    const agencies = world.escrow!.agencies.map((a) => a.agencyId);
    await s().choose({ pieces: agencies.slice(0, 2) });
    const few = await s().toggle('pieces');
    expect(few?.loot?.items).toEqual([]);
    await s().choose({ pieces: agencies.slice(0, 3), corrupt: [agencies[0]!, agencies[4]!] });
    // Only stolen pieces can be damaged.
    expect(s().wallet.pieces).toEqual({
      kind: 'steal-key-pieces',
      agencies: agencies.slice(0, 3),
      corrupt: [agencies[0]],
    });
    expect(s().loot?.notes.some((n) => n.outcome === 'check-failed')).toBe(true);
    await s().choose({ corrupt: [] });
    expect(s().loot?.items.map((i) => i.kind)).toEqual(['escrow-key']);
  });

  it('cancel stops the run between chunks and keeps what was decided', async () => {
    const { store, s } = await labConsole({ ...labWorld, messages: 400, escrow: { variant: 'single' } });
    await s().toggle('server');
    await s().toggle('escrow');
    const unsubscribe = store.subscribe((state) => {
      if (state.run.progress && state.run.progress.done > 0) state.cancel();
    });
    const result = await s().decryptAll();
    unsubscribe();
    expect(s().run.status).toBe('cancelled');
    expect(result?.cancelled).toBe(true);
    expect(result!.rows.length).toBeGreaterThan(0);
    expect(result!.rows.length).toBeLessThan(result!.capture.envelopes);
    // What was decided was decided by real decryption: the escrow key opened every one of them.
    expect(result!.counts.opened).toBe(result!.rows.length);
  });

  it('a new world clears the wallet and results and keeps the choices that still fit', async () => {
    const { client, s } = await labConsole(labWorld);
    await s().choose({ victim: 'carol', theftDay: 3, scenario: 'phishing', pieces: ['nowhere'] });
    await s().toggle('wire');
    await s().decryptAll();
    const next = await client.generate({
      ...labWorld,
      seed: 'console-lab-2',
      people: 2,
      conversations: 1,
      durationMinutes: 2 * MINUTES_PER_DAY,
    });
    s().useWorld(next);
    expect(s().wallet).toEqual({});
    expect(s().run.status).toBe('idle');
    expect(s().choices).toMatchObject({ scenario: 'phishing', victim: next.participants[1]!.id, pieces: [] });
    expect(s().choices.theftDay).toBeLessThanOrEqual(Math.floor(next.endsAt / MINUTES_PER_DAY) + 1);
  });

  it('a world the worker lost is an error to generate again (the lab holds no seed of its own)', async () => {
    const { client, s } = await labConsole(labWorld);
    await s().toggle('wire');
    client.forgetWorlds();
    expect(await s().decryptAll()).toBeNull();
    expect(s().worldError).toBe('This world is gone (the worker restarted). Generate it again.');
    expect(s().run.error).toBe('no world to attack yet');
  });
});

/** Records every world the store asks the worker to free (and frees it). */
function recordingDisposals<C extends ReturnType<typeof inProcessWorldClient>>(client: C): string[] {
  const disposed: string[] = [];
  const dispose = client.dispose.bind(client);
  client.dispose = (worldId) => {
    disposed.push(worldId);
    return dispose(worldId);
  };
  return disposed;
}

describe('attack console store: release (the owning lesson scope unmounts)', () => {
  it('frees the world the console generated, in the worker, and goes back to no world', async () => {
    const { client, store, s } = lessonConsole();
    const disposed = recordingDisposals(client);
    await s().toggle('wire');
    const worldId = s().world!.worldId;
    expect(client.has(worldId)).toBe(true);
    store.getState().release();
    expect(disposed).toEqual([worldId]);
    expect(client.has(worldId)).toBe(false);
    expect(s()).toMatchObject({ world: null, worldStatus: 'none', wallet: {}, loot: null, learnerMessages: [] });
    expect(s().run.status).toBe('idle');
    // A later action starts again with a fresh world.
    await s().toggle('wire');
    expect(s().world?.worldId).not.toBe(worldId);
  });

  it('a generation still under way when released frees its world on arrival', async () => {
    const { client, s } = lessonConsole();
    const disposed = recordingDisposals(client);
    const generating = s().ensureWorld();
    s().release();
    expect(await generating).toBeNull();
    expect(disposed).toHaveLength(1);
    expect(client.has(disposed[0]!)).toBe(false);
    expect(s().world).toBeNull();
    expect(s().worldStatus).toBe('none');
  });

  it('a lab console lets go of the world it was handed without freeing it (the lab owns it)', async () => {
    const { client, world, s } = await labConsole({
      seed: 'console-lab-release',
      people: 3,
      conversations: 2,
      messages: 12,
      mode: 'ratchet',
      escrow: null,
    });
    const disposed = recordingDisposals(client);
    s().release();
    expect(disposed).toEqual([]);
    expect(client.has(world.worldId)).toBe(true);
    expect(s().world).toBeNull();
  });
});
