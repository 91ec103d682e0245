/**
 * The whole room in Node: a presenter and three phones, through the in-process fake of the
 * contract. Messages flow, escrow goes on, the key leaks, and the projector's counts come from
 * decryption: exactly the escrowed messages open.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { csprng } from '@/lib/crypto/random';
import { eventually, FakeRoomRelay } from '@/lib/room-device/fake-room-relay.test-helper';
import { createRoomDeviceStore, normaliseJoinCode, type RoomDeviceStore } from './room-device-store';
import { createRoomPresenterStore, type PresenterRoomStorage, type RoomPresenterStore } from './room-presenter-store';

const open: { dispose(): void }[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.dispose();
});

function memoryStorage(): PresenterRoomStorage & { kept: { code: string; presenterToken: string } | null } {
  return {
    kept: null,
    load() {
      return this.kept;
    },
    save(room) {
      this.kept = room;
    },
    clear() {
      this.kept = null;
    },
  };
}

function presenter(relay: FakeRoomRelay, storage = memoryStorage()): RoomPresenterStore {
  const store = createRoomPresenterStore({ fetch: relay.fetch, random: csprng(), storage });
  open.push(store.getState());
  return store;
}

function phone(relay: FakeRoomRelay): RoomDeviceStore {
  const store = createRoomDeviceStore({ fetch: relay.fetch, random: csprng(), now: () => Date.now() });
  open.push(store.getState());
  return store;
}

const texts = (p: RoomPresenterStore) =>
  p.getState().leak?.outcomes.map((o) => (o.kind === 'opened' ? o.text : `closed: ${o.reason}`));

describe('the live room, presenter and phones', () => {
  it('joins by code, delivers sealed messages, and after the leak opens exactly the escrowed ones', async () => {
    const relay = new FakeRoomRelay();
    const storage = memoryStorage();
    const p = presenter(relay, storage);
    await p.getState().create();
    expect(storage.kept).toEqual({ code: relay.code, presenterToken: relay.presenterToken });

    const [ada, bo, cy] = [phone(relay), phone(relay), phone(relay)];
    await ada.getState().join(' abc-234 ', 'Ada');
    await bo.getState().join(relay.code, 'Bo');
    await cy.getState().join(relay.code, 'Cy');
    await eventually(() => expect(ada.getState().view.members).toHaveLength(3));
    await eventually(() => expect(p.getState().view.members).toHaveLength(3));

    expect(await ada.getState().send('room', 'Hi everyone!')).toBe(true);
    const boId = bo.getState().self!.id;
    expect(await cy.getState().send(boId, 'Lunch at 1?')).toBe(true);
    await eventually(() => expect(Object.values(bo.getState().inbox)).toHaveLength(2));
    expect(Object.values(bo.getState().inbox)).toEqual([
      { kind: 'opened', text: 'Hi everyone!' },
      { kind: 'opened', text: 'Lunch at 1?' },
    ]);
    await eventually(() => expect(Object.values(ada.getState().inbox)).toHaveLength(2));
    expect(Object.values(ada.getState().inbox)).toEqual([
      { kind: 'sent', text: 'Hi everyone!' },
      { kind: 'not-for-me' },
    ]);

    await p.getState().escrowOn();
    await eventually(() => expect(cy.getState().view.escrowPublicKey).toBe(p.getState().escrowPublicKey));
    await eventually(() => expect(bo.getState().view.escrowPublicKey).not.toBeNull());
    expect(await bo.getState().send('room', 'This is just between us.')).toBe(true);
    expect(await cy.getState().send(ada.getState().self!.id, 'Meet me at the café after the talk.')).toBe(true);
    await eventually(() => expect(p.getState().view.messages).toHaveLength(4));

    // The relay received no plaintext.
    for (const text of ['Hi everyone', 'Lunch at 1', 'just between us', 'café']) {
      expect(relay.received.join('\n')).not.toContain(text);
    }

    await p.getState().leakKey();
    expect(texts(p)).toEqual([
      'closed: not-escrowed',
      'closed: not-escrowed',
      'This is just between us.',
      'Meet me at the café after the talk.',
    ]);
    expect(p.getState().leak?.counts).toEqual({ opened: 2, notEscrowed: 2, failed: 0 });
    await eventually(() => expect(ada.getState().view.escrowLeakedAt).not.toBeNull());

    // Messages after the leak are decrypted as they arrive.
    await ada.getState().send('room', 'Did you see that?');
    await eventually(() => expect(p.getState().leak?.counts.opened).toBe(3));
  });

  it('tells a removed phone, stops its stream, and tells every phone when the room closes', async () => {
    const relay = new FakeRoomRelay();
    const p = presenter(relay);
    await p.getState().create();
    const [ada, bo] = [phone(relay), phone(relay)];
    await ada.getState().join(relay.code, 'Ada');
    await bo.getState().join(relay.code, 'Bo');
    const boId = bo.getState().self!.id;
    await p.getState().control({ action: 'remove-member', memberId: boId });
    await eventually(() => expect(bo.getState().view.removedMemberIds).toContain(boId));
    expect(await bo.getState().send('room', 'Who else is here?')).toBe(false);
    await p.getState().control({ action: 'close' });
    await eventually(() => expect(ada.getState().view.closed).toBe('closed'));
  });

  it('refuses a bad code before asking and reports an unknown room in words', async () => {
    const relay = new FakeRoomRelay();
    const ada = phone(relay);
    await ada.getState().join('abc', 'Ada');
    expect(ada.getState().error).toMatch(/6 letters and digits/);
    await ada.getState().join('ZZZZZZ', 'Ada');
    expect(ada.getState().phase).toBe('join');
    expect(ada.getState().error).toMatch(/There is no room with this code/);
    expect(normaliseJoinCode('ab c-234')).toBe('ABC234');
  });

  it('follows the presenter step until the phone stops following', async () => {
    const relay = new FakeRoomRelay();
    const p = presenter(relay);
    await p.getState().create();
    const ada = phone(relay);
    await ada.getState().join(relay.code, 'Ada');
    await p.getState().control({ action: 'presenter-step', lesson: 'escrow-switch', step: 'leak' });
    await eventually(() =>
      expect(ada.getState().view.presenterStep).toEqual({ lesson: 'escrow-switch', step: 'leak' }),
    );
    ada.getState().setFollowing(false);
    expect(ada.getState().following).toBe(false);
  });
});
