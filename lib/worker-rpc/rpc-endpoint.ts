/**
 * The little the RPC needs from a message channel, so it runs over a Worker, a worker's own scope,
 * a MessagePort, or the in-process pair of in-process-endpoints.ts, without the DOM library.
 * @module
 */

/**
 * What a listener receives: a message's data (structured-cloned) and transferred ports; for an
 * `error` event (a Worker that failed to load or threw), its message and `preventDefault`.
 */
export interface RpcEndpointEvent {
  readonly data?: unknown;
  readonly ports?: readonly unknown[];
  readonly message?: string;
  preventDefault?(): void;
}

/** The events the RPC listens to: messages, and the signs that the other side is gone. */
export type RpcEndpointEventType = 'message' | 'messageerror' | 'error' | 'close';

/**
 * One end of a message channel. Method syntax on purpose: a `Worker`, a worker's scope and a
 * `MessagePort` fit it as they are. `close` is MessagePort's (Chromium 122+), `error` a Worker's.
 */
export interface RpcEndpoint {
  postMessage(message: unknown, transfer?: unknown[]): void;
  addEventListener(type: RpcEndpointEventType, listener: (event: RpcEndpointEvent) => void): void;
  removeEventListener(type: RpcEndpointEventType, listener: (event: RpcEndpointEvent) => void): void;
  /** A MessagePort delivers nothing to addEventListener listeners until `start()`. */
  start?(): void;
}
