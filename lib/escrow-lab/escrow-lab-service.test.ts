import { describe, expect, it, vi } from 'vitest';
import { seededRandom } from '@/lib/crypto/random';
import { generateKeyPair } from '@/lib/crypto/x25519';
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import type { RpcEndpointEvent } from '@/lib/worker-rpc/rpc-endpoint';
import { serveContract, type HandlersOf } from '@/lib/worker-rpc/rpc-host';
import { escrowLabContract } from './escrow-lab-messages';
import { EscrowLabService } from './escrow-lab-service';

const random = seededRandom('service');
const alice = generateKeyPair(random);
const bob = generateKeyPair(random);

/** The service served on one end of an in-process pair, a raw RPC client on the other. */
function served(handlers?: Partial<HandlersOf<typeof escrowLabContract>>) {
  const service = new EscrowLabService();
  const [pageSide, workerSide] = createEndpointPair();
  if (handlers) serveContract(escrowLabContract, { ...service.handlers, ...handlers }, workerSide);
  else service.serve(workerSide);
  return { service, rpc: new RpcClient(escrowLabContract, pageSide), pageSide };
}

/** Posts `message` as is on `endpoint` and resolves with the first reply. */
function rawReply(endpoint: ReturnType<typeof createEndpointPair>[0], message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (event: RpcEndpointEvent) => {
      endpoint.removeEventListener('message', listener);
      resolve(event.data);
    };
    endpoint.addEventListener('message', listener);
    endpoint.postMessage(message);
  });
}

describe('EscrowLabService over the RPC', () => {
  it('keeps one authority per scope across switch calls, and seeded mode reproduces bytes', async () => {
    const { rpc: a } = served();
    const first = await a.call('switch', { scope: 's', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    const second = await a.call('switch', { scope: 's', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    expect(second.authorityPublicKey).toEqual(first.authorityPublicKey);
    const { rpc: b } = served();
    const again = await b.call('switch', { scope: 'other', seed: 'demo', alice, bob, text: 'hi', escrow: true });
    expect(again.authorityPublicKey).toEqual(first.authorityPublicKey);
    expect(again.result.on!.escrow!.enc).toEqual(first.result.on!.escrow!.enc);
  });

  it('refuses out-of-order actions with a learner-facing message, as the user-error code', async () => {
    const { rpc: s } = served();
    await expect(s.call('binding-move', { scope: 'x', binding: 'bound' })).rejects.toThrow(/Seal the two messages/);
    await expect(s.call('warrant-execute', { scope: 'x', target: 'bob', from: 0, to: 10 })).rejects.toThrow(
      /Record the day/,
    );
    await expect(s.call('warrant-beyond', { scope: 'x' })).rejects.toThrow(/Execute a warrant first/);
    await expect(s.call('recombine', { scope: 'x', agencies: [], corrupt: [] })).rejects.toThrow(/Split the key first/);
    await expect(s.call('binding-move', { scope: 'x', binding: 'bound' })).rejects.toMatchObject({
      code: 'user-error',
      message: 'Seal the two messages (bound) first: there is no escrow field to move yet.',
    });
    // A RangeError from lib/escrow-lab (the learner's empty text) is a refusal too.
    await expect(s.call('switch', { scope: 'x', alice, bob, text: '', escrow: false })).rejects.toMatchObject({
      code: 'user-error',
      message: 'Type a message for Alice to send.',
    });
  });

  it("frees a widget's state when it is released (the widget unmounted), and only that widget's", async () => {
    const { service, rpc: s } = served();
    await s.call('warrant-record', { scope: 'a', seed: 'w' });
    await s.call('binding-seal', { scope: 'b', seed: 'w', binding: 'bound' });
    expect(service.size).toBe(2);
    expect(await s.call('release', { scope: 'a' })).toEqual({ released: true });
    expect(service.size).toBe(1);
    await expect(s.call('warrant-execute', { scope: 'a', target: 'bob', from: 0, to: 10 })).rejects.toThrow(
      /Record the day/,
    );
    expect((await s.call('binding-move', { scope: 'b', binding: 'bound' })).moved).toBeDefined();
    expect(await s.call('release', { scope: 'never-used' })).toEqual({ released: false });
    // Releasing frees, it never creates: the scopes held are 'b' and the 'a' the refused call made.
    expect(service.size).toBe(2);
  });

  it('a warrant window that ends before it starts is refused', async () => {
    const { rpc: s } = served();
    await s.call('warrant-record', { scope: 'w', seed: 'w' });
    await expect(s.call('warrant-execute', { scope: 'w', target: 'bob', from: 600, to: 500 })).rejects.toThrow(
      /ends before it starts/,
    );
    await expect(s.call('warrant-execute', { scope: 'w', target: 'mallory', from: 0, to: 500 })).rejects.toThrow(
      /no mallory/,
    );
  });
});

describe('the escrow lab contract at the boundary', () => {
  it('accepts a well-formed request and refuses a malformed one as bad-request, naming the field, before any handler runs', async () => {
    const forge = vi.fn(new EscrowLabService().handlers.forge);
    const sw = vi.fn(new EscrowLabService().handlers.switch);
    const { rpc, pageSide } = served({ forge, switch: sw });
    expect((await rpc.call('forge', { scope: 'a', escrow: true, text: 'x' })).outcome.method).toBe(
      'resealed-with-escrowed-key',
    );
    expect(forge).toHaveBeenCalledTimes(1);
    const bad = rpc.call('forge', { scope: 'a', escrow: 'yes', text: 'x' } as never);
    await expect(bad).rejects.toMatchObject({ code: 'bad-request' });
    await expect(bad).rejects.toThrow(/escrow:/);
    const shortKey = { secretKey: new Uint8Array(3) } as never;
    await expect(
      rpc.call('switch', { scope: 'a', alice: shortKey, bob: shortKey, text: '', escrow: true }),
    ).rejects.toThrow(/alice\.secretKey/);
    await expect(
      rawReply(pageSide, { rpc: 'call', id: 7, procedure: 'nope', params: { scope: 'a' } }),
    ).resolves.toMatchObject({
      rpc: 'error',
      id: 7,
      error: { code: 'bad-request', message: expect.stringMatching(/unknown procedure 'nope'/) },
    });
    await expect(rawReply(pageSide, null)).resolves.toMatchObject({
      rpc: 'error',
      error: { code: 'bad-request', message: expect.stringMatching(/bad envelope/) },
    });
    expect(forge).toHaveBeenCalledTimes(1);
    expect(sw).not.toHaveBeenCalled();
  });

  it('a result that breaks its schema is refused by the host, as protocol', async () => {
    const { rpc } = served({
      release: () => ({ released: 'yes' }) as unknown as { released: boolean },
      'warrant-beyond': () =>
        ({ outcomes: [], opened: 0, tried: 0, warrant: { target: 'bob', from: 0, to: 1 }, extra: 'a secret' }) as never,
    });
    await expect(rpc.call('release', { scope: 'a' })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/release: result broke the contract: released/),
    });
    await expect(rpc.call('warrant-beyond', { scope: 'a' })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/result broke the contract/),
    });
  });
});
