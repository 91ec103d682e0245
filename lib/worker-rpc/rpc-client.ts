/**
 * The caller's side of a contract: {@link RpcClient.call} posts a numbered call and resolves with
 * the result once it has passed the procedure's result schema (decoded, where the schema decodes);
 * progress reports pass the progress schema before `onProgress` sees them. Aborting the signal
 * sends a cancel: the host's handler decides what a cancel means (stop and return what was
 * decided, or fail with `cancelled`). When the endpoint dies every pending call rejects.
 * @module
 */
import * as z from 'zod/mini';
import type { Contract, ParamsIn, ProcedureOf, ProgressOf, ResultOf } from './rpc-contract';
import type { RpcEndpoint, RpcEndpointEvent } from './rpc-endpoint';
import { CancelledError, RpcError, describeIssues, rpcErrorFromData } from './rpc-error';
import { rpcResponseEnvelopeSchema, type RpcRequestEnvelope } from './rpc-wire';

/** Progress callback, cancellation and transferables of one call. */
export interface CallOptions<Progress> {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
  /** Transferred instead of copied (ports, buffers the caller gives up). */
  readonly transfer?: unknown[];
}

interface Pending {
  readonly procedure: string;
  readonly onProgress?: (progress: unknown) => void;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: RpcError) => void;
}

/** A typed client of one contract over one endpoint. */
export class RpcClient<C extends Contract> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closed: RpcError | null = null;
  private readonly listener = (event: RpcEndpointEvent) => this.receive(event.data);
  private readonly onError = (event: RpcEndpointEvent) => {
    event.preventDefault?.();
    this.close(new RpcError('endpoint-closed', `the worker failed: ${event.message || 'unknown error'}`));
  };
  private readonly onClose = () => this.close(new RpcError('endpoint-closed', 'the worker stopped'));
  private readonly onMessageError = () =>
    this.close(new RpcError('protocol', 'a message from the worker could not be read'));

  constructor(
    private readonly contract: C,
    private readonly endpoint: RpcEndpoint,
  ) {
    endpoint.addEventListener('message', this.listener);
    endpoint.addEventListener('error', this.onError);
    endpoint.addEventListener('close', this.onClose);
    endpoint.addEventListener('messageerror', this.onMessageError);
    endpoint.start?.();
  }

  /** Calls `procedure`. Rejects with an {@link RpcError} whose `code` says why. */
  call<P extends ProcedureOf<C>>(
    procedure: P,
    params: ParamsIn<C, P>,
    options: CallOptions<ProgressOf<C, P>> = {},
  ): Promise<ResultOf<C, P>> {
    const { signal, onProgress, transfer } = options;
    if (this.closed) return Promise.reject(this.closed);
    if (signal?.aborted) return Promise.reject(new CancelledError('cancelled before it started'));
    const id = this.nextId++;
    return new Promise<ResultOf<C, P>>((resolve, reject) => {
      const abort = () => {
        if (this.pending.has(id)) this.post({ rpc: 'cancel', id });
      };
      const done = () => signal?.removeEventListener('abort', abort);
      this.pending.set(id, {
        procedure,
        ...(onProgress ? { onProgress: onProgress as (progress: unknown) => void } : {}),
        resolve: (value) => {
          done();
          resolve(value as ResultOf<C, P>);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
      signal?.addEventListener('abort', abort);
      try {
        this.post({ rpc: 'call', id, procedure, params }, transfer);
      } catch (error) {
        this.settle(id, (p) =>
          p.reject(
            new RpcError(
              'bad-request',
              `could not send ${procedure}: ${error instanceof Error ? error.message : String(error)}`,
            ),
          ),
        );
      }
    });
  }

  /** Calls started and not yet answered. */
  get size(): number {
    return this.pending.size;
  }

  /** Rejects every pending call (and every later one) with `reason`, and stops listening. */
  close(reason: RpcError): void {
    if (this.closed) return;
    this.closed = reason;
    this.endpoint.removeEventListener('message', this.listener);
    this.endpoint.removeEventListener('error', this.onError);
    this.endpoint.removeEventListener('close', this.onClose);
    this.endpoint.removeEventListener('messageerror', this.onMessageError);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(reason);
  }

  private post(message: RpcRequestEnvelope, transfer?: unknown[]): void {
    if (transfer) this.endpoint.postMessage(message, transfer);
    else this.endpoint.postMessage(message);
  }

  private settle(id: number, how: (pending: Pending) => void): void {
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    how(pending);
  }

  /** A call that broke the contract fails, and the host is told to stop working on it. */
  private refuse(id: number, what: string): void {
    this.settle(id, (p) => {
      this.post({ rpc: 'cancel', id });
      p.reject(new RpcError('protocol', `${p.procedure}: ${what}`));
    });
  }

  private receive(data: unknown): void {
    const envelope = z.safeParse(rpcResponseEnvelopeSchema, data);
    if (!envelope.success) {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') this.refuse(id, `bad envelope: ${describeIssues(envelope.error.issues)}`);
      return;
    }
    const message = envelope.data;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    const schemas = this.contract[pending.procedure]!;
    if (message.rpc === 'error') {
      this.settle(message.id, (p) => p.reject(rpcErrorFromData(message.error)));
      return;
    }
    if (message.rpc === 'progress') {
      if (!schemas.progress) return this.refuse(message.id, 'progress for a procedure without progress');
      const progress = z.safeParse(schemas.progress, message.progress);
      if (!progress.success)
        return this.refuse(message.id, `progress broke the contract: ${describeIssues(progress.error.issues)}`);
      pending.onProgress?.(progress.data);
      return;
    }
    const result = z.safeParse(schemas.result, message.result);
    if (!result.success)
      return this.refuse(message.id, `result broke the contract: ${describeIssues(result.error.issues)}`);
    this.settle(message.id, (p) => p.resolve(result.data));
  }
}
