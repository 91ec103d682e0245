/**
 * The worker's side of a contract: {@link serveContract} answers calls with a table of handlers
 * typed from the contract. Every incoming message is checked (envelope, then the procedure's
 * request schema) before a handler sees it, and every result and progress report is checked against
 * the contract before it is posted, so a handler that drifts from the contract fails loudly here
 * instead of confusing the page. Calls run concurrently; a long handler awaits `pause()` between
 * chunks, which is when a `cancel` for it gets in and aborts its signal.
 * @module
 */
import * as z from 'zod/mini';
import type { Contract, ParamsOf, ProcedureOf, ProgressIn, ResultIn } from './rpc-contract';
import type { RpcEndpoint, RpcEndpointEvent } from './rpc-endpoint';
import { RpcError, describeIssues, rpcErrorToData, type RpcErrorCode } from './rpc-error';
import { rpcRequestEnvelopeSchema, type RpcResponseEnvelope } from './rpc-wire';

/** What a handler gets besides its parameters. */
export interface HandlerContext<Progress> {
  /** Sends a progress report (checked against the procedure's progress schema first). */
  readonly onProgress: (progress: Progress) => void;
  /** Aborted when the caller cancels. */
  readonly signal: AbortSignal;
  /** `signal.aborted`, as a function for loops that poll it. */
  readonly isCancelled: () => boolean;
  /** Resolves after the messages already queued (a cancel) have been handled. */
  readonly pause: () => Promise<void>;
}

/** The handler table a contract asks for: each handler's parameters and result typed from its schemas. */
export type HandlersOf<C extends Contract> = {
  readonly [P in ProcedureOf<C>]: (
    params: ParamsOf<C, P>,
    context: HandlerContext<ProgressIn<C, P>>,
  ) => ResultIn<C, P> | Promise<ResultIn<C, P>>;
};

/** Options of {@link serveContract}. */
export interface ServeOptions {
  /** The pause between chunks (lib/attack-lab/message-pause.ts in a worker); default: a zero timeout. */
  readonly pause?: () => Promise<void>;
  /**
   * The code of an error a handler threw that is not an RpcError (e.g. a RangeError from a parser
   * that the learner should read: `user-error`); default `internal`.
   */
  readonly codeFor?: (error: unknown) => RpcErrorCode | undefined;
  /** Messages that are not calls for this host (e.g. a port being connected) go here instead. */
  readonly onOtherMessage?: (event: RpcEndpointEvent) => boolean;
}

/** A running host. */
export interface RpcHost {
  /** Calls started and not yet answered. */
  readonly active: number;
  /** Stops listening (calls in flight still answer). */
  close(): void;
}

const zeroTimeout = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Answers calls on `endpoint` with `handlers`. */
export function serveContract<C extends Contract>(
  contract: C,
  handlers: HandlersOf<C>,
  endpoint: RpcEndpoint,
  options: ServeOptions = {},
): RpcHost {
  const running = new Map<number, AbortController>();
  const pause = options.pause ?? zeroTimeout;
  const post = (message: RpcResponseEnvelope) => endpoint.postMessage(message);
  const postError = (id: number, error: unknown) => {
    const data = rpcErrorToData(error);
    const code = error instanceof RpcError ? data.code : (options.codeFor?.(error) ?? data.code);
    post({ rpc: 'error', id, error: { ...data, code } });
  };

  async function answer(
    id: number,
    procedure: ProcedureOf<C>,
    params: unknown,
    controller: AbortController,
  ): Promise<void> {
    const schemas = contract[procedure]!;
    const handler = handlers[procedure] as (params: unknown, context: HandlerContext<unknown>) => unknown;
    try {
      const checked = z.safeParse(schemas.request, params);
      if (!checked.success)
        throw new RpcError('bad-request', `${procedure}: bad request: ${describeIssues(checked.error.issues)}`);
      const context: HandlerContext<unknown> = {
        onProgress: (progress) => {
          if (!schemas.progress) throw new RpcError('protocol', `${procedure}: reports no progress in its contract`);
          const ok = z.safeParse(schemas.progress, progress);
          if (!ok.success)
            throw new RpcError(
              'protocol',
              `${procedure}: progress broke the contract: ${describeIssues(ok.error.issues)}`,
            );
          post({ rpc: 'progress', id, progress });
        },
        signal: controller.signal,
        isCancelled: () => controller.signal.aborted,
        pause,
      };
      const result = await handler(checked.data, context);
      const ok = z.safeParse(schemas.result, result);
      if (!ok.success)
        throw new RpcError('protocol', `${procedure}: result broke the contract: ${describeIssues(ok.error.issues)}`);
      // The wire form is posted as the handler built it; the caller checks and decodes it again.
      post({ rpc: 'result', id, result });
    } catch (error) {
      // A failure after a cancel is the cancel's doing, whatever the handler threw.
      postError(
        id,
        controller.signal.aborted && !(error instanceof RpcError && error.code !== 'internal')
          ? new RpcError('cancelled', error instanceof Error ? error.message : 'cancelled')
          : error,
      );
    } finally {
      running.delete(id);
    }
  }

  const listener = (event: RpcEndpointEvent) => {
    if (options.onOtherMessage?.(event)) return;
    const envelope = z.safeParse(rpcRequestEnvelopeSchema, event.data);
    if (!envelope.success) {
      const id = (event.data as { id?: unknown } | null)?.id;
      postError(
        Number.isSafeInteger(id) ? (id as number) : 0,
        new RpcError('bad-request', `bad envelope: ${describeIssues(envelope.error.issues)}`),
      );
      return;
    }
    const message = envelope.data;
    if (message.rpc === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    if (!Object.hasOwn(contract, message.procedure) || running.has(message.id)) {
      postError(
        message.id,
        new RpcError('bad-request', `unknown procedure '${message.procedure}' or id ${message.id} in use`),
      );
      return;
    }
    const controller = new AbortController();
    running.set(message.id, controller);
    void answer(message.id, message.procedure, message.params, controller);
  };
  endpoint.addEventListener('message', listener);
  endpoint.start?.();
  return {
    get active() {
      return running.size;
    },
    close: () => endpoint.removeEventListener('message', listener),
  };
}
