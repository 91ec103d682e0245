import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { createEndpointPair } from './in-process-endpoints';
import { RpcClient } from './rpc-client';
import { defineContract } from './rpc-contract';
import type { RpcEndpoint } from './rpc-endpoint';
import { CancelledError, RpcError, UserError, WorldGoneError } from './rpc-error';
import { serveContract, type HandlersOf } from './rpc-host';

const contract = defineContract({
  add: { request: z.strictObject({ a: z.int(), b: z.int() }), result: z.strictObject({ sum: z.int() }) },
  count: {
    request: z.strictObject({ to: z.int().check(z.minimum(1)) }),
    result: z.strictObject({ counted: z.int(), cancelled: z.boolean() }),
    progress: z.strictObject({ done: z.int() }),
  },
  // A result that travels as a string of digits and arrives decoded into a number.
  digits: {
    request: z.strictObject({ n: z.int() }),
    result: z.pipe(
      z.string().check(z.regex(/^\d+$/)),
      z.transform((s: string) => Number(s)),
    ),
  },
  fail: {
    request: z.strictObject({ how: z.enum(['user', 'gone', 'range', 'bad-result', 'bad-progress']) }),
    result: z.strictObject({ ok: z.boolean() }),
    progress: z.strictObject({ done: z.int() }),
  },
  wait: { request: z.strictObject({}), result: z.strictObject({ ok: z.boolean() }) },
});

const handlers: HandlersOf<typeof contract> = {
  add: ({ a, b }) => ({ sum: a + b }),
  count: async ({ to }, { onProgress, isCancelled, pause }) => {
    let counted = 0;
    while (counted < to && !isCancelled()) {
      counted++;
      onProgress({ done: counted });
      await pause();
    }
    return { counted, cancelled: isCancelled() };
  },
  digits: ({ n }) => String(n),
  fail: ({ how }, { onProgress }) => {
    if (how === 'user') throw new UserError('Seal the two messages first.');
    if (how === 'gone') throw new WorldGoneError("world 'w-9' is gone");
    if (how === 'range') throw new RangeError('a bad window');
    if (how === 'bad-progress') onProgress({ done: 'half' } as unknown as { done: number });
    return { ok: 'yes' } as unknown as { ok: boolean };
  },
  wait: (_params, { signal }) =>
    new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => reject(new Error('stopped waiting')));
    }),
};

function connected(options: Parameters<typeof serveContract>[3] = {}) {
  const [pageSide, workerSide] = createEndpointPair();
  const host = serveContract(contract, handlers, workerSide, options);
  const client = new RpcClient(contract, pageSide);
  return { client, host, pageSide, workerSide };
}

describe('worker RPC', () => {
  it('round trip: a typed call resolves with the checked result', async () => {
    const { client, host } = connected();
    const [one, two] = await Promise.all([client.call('add', { a: 2, b: 3 }), client.call('add', { a: 10, b: -4 })]);
    expect(one).toEqual({ sum: 5 });
    expect(two).toEqual({ sum: 6 });
    expect(client.size).toBe(0);
    expect(host.active).toBe(0);
  });

  it('decodes a result whose schema transforms the wire form', async () => {
    const { client } = connected();
    const n: number = await client.call('digits', { n: 1234 });
    expect(n).toBe(1234);
  });

  it('progress reports arrive in order, checked, before the result', async () => {
    const { client } = connected();
    const seen: number[] = [];
    const result = await client.call('count', { to: 5 }, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(result).toEqual({ counted: 5, cancelled: false });
  });

  it('cancel: aborting sends a cancel, the handler stops between chunks and returns what it did', async () => {
    const { client } = connected();
    const controller = new AbortController();
    const result = await client.call(
      'count',
      { to: 10_000 },
      { signal: controller.signal, onProgress: (p) => p.done === 3 && controller.abort() },
    );
    expect(result.cancelled).toBe(true);
    expect(result.counted).toBeLessThan(10_000);
    await expect(client.call('add', { a: 1, b: 1 }, { signal: controller.signal })).rejects.toBeInstanceOf(
      CancelledError,
    );
  });

  it('cancel: a handler that fails after the cancel rejects with the cancelled code', async () => {
    const { client } = connected();
    const controller = new AbortController();
    const waiting = client.call('wait', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(waiting).rejects.toMatchObject({ code: 'cancelled' });
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });

  it('bad request: the host refuses it with bad-request, naming the field', async () => {
    const { client } = connected();
    await expect(client.call('add', { a: 1, b: 'two' } as unknown as { a: number; b: number })).rejects.toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/b:/),
    });
    await expect(client.call('nope' as 'add', { a: 1, b: 2 })).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('bad envelope: the host answers with bad-request', async () => {
    const [pageSide, workerSide] = createEndpointPair();
    serveContract(contract, handlers, workerSide);
    const answer = new Promise<unknown>((resolve) => pageSide.addEventListener('message', (e) => resolve(e.data)));
    pageSide.postMessage({ rpc: 'call', id: 7, procedure: 'add' });
    expect(await answer).toMatchObject({ rpc: 'error', id: 7, error: { code: 'bad-request' } });
  });

  it('bad result and bad progress are refused by the host (protocol), never posted', async () => {
    const { client } = connected();
    await expect(client.call('fail', { how: 'bad-result' })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/result broke the contract: ok/),
    });
    await expect(client.call('fail', { how: 'bad-progress' })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/progress broke the contract: done/),
    });
  });

  it('bad response: the client refuses a result or progress that breaks the contract', async () => {
    const [pageSide, fakeWorker] = createEndpointPair();
    fakeWorker.addEventListener('message', (e) => {
      const call = e.data as { id: number; procedure: string };
      if (call.procedure === 'add') fakeWorker.postMessage({ rpc: 'result', id: call.id, result: { sum: 'five' } });
      if (call.procedure === 'count')
        fakeWorker.postMessage({ rpc: 'progress', id: call.id, progress: { done: -0.5 } });
      if (call.procedure === 'digits') fakeWorker.postMessage({ rpc: 'result', id: call.id, result: '12ab' });
    });
    const client = new RpcClient(contract, pageSide);
    await expect(client.call('add', { a: 2, b: 3 })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/sum/),
    });
    await expect(client.call('count', { to: 3 })).rejects.toMatchObject({
      code: 'protocol',
      message: expect.stringMatching(/progress/),
    });
    await expect(client.call('digits', { n: 1 })).rejects.toMatchObject({ code: 'protocol' });
  });

  it('endpoint death rejects every pending call and every later one', async () => {
    const { client, workerSide } = connected();
    const waiting = client.call('wait', {});
    const counting = client.call('count', { to: 1_000_000 });
    workerSide.close(); // the worker's side goes away
    await expect(waiting).rejects.toMatchObject({ code: 'endpoint-closed' });
    await expect(counting).rejects.toMatchObject({ code: 'endpoint-closed' });
    await expect(client.call('add', { a: 1, b: 1 })).rejects.toMatchObject({ code: 'endpoint-closed' });
  });

  it('a Worker error event closes the client', async () => {
    const listeners = new Map<string, (event: { message?: string; preventDefault?(): void }) => void>();
    const worker: RpcEndpoint = {
      postMessage: () => undefined,
      addEventListener: (type, l) => void listeners.set(type, l),
      removeEventListener: () => undefined,
    };
    const client = new RpcClient(contract, worker);
    const call = client.call('add', { a: 1, b: 2 });
    let prevented = false;
    listeners.get('error')!({ message: 'Uncaught SyntaxError', preventDefault: () => (prevented = true) });
    await expect(call).rejects.toMatchObject({
      code: 'endpoint-closed',
      message: expect.stringMatching(/SyntaxError/),
    });
    expect(prevented).toBe(true);
  });

  it('typed error codes: each rebuilt as its class, a plain throw as internal, or as the host maps it', async () => {
    const { client } = connected();
    const user = client.call('fail', { how: 'user' });
    await expect(user).rejects.toBeInstanceOf(UserError);
    await expect(user).rejects.toMatchObject({ code: 'user-error', message: 'Seal the two messages first.' });
    await expect(client.call('fail', { how: 'gone' })).rejects.toBeInstanceOf(WorldGoneError);
    const range = client.call('fail', { how: 'range' });
    await expect(range).rejects.toBeInstanceOf(RpcError);
    await expect(range).rejects.toMatchObject({ code: 'internal', message: 'a bad window' });
    const mapped = connected({ codeFor: (e) => (e instanceof RangeError ? 'user-error' : undefined) });
    await expect(mapped.client.call('fail', { how: 'range' })).rejects.toBeInstanceOf(UserError);
  });
});
