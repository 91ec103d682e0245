/**
 * Two connected endpoints in one process, as a MessageChannel's two ports would be: what one posts
 * the other receives, structured-cloned (so a Uint8Array arrives as a copy and a function fails to
 * send, as across a real worker boundary), one macrotask later. Node tests run a real host and a
 * real client with them. Transfer lists are ignored (everything is copied).
 * @module
 */
import type { RpcEndpoint, RpcEndpointEvent, RpcEndpointEventType } from './rpc-endpoint';

/** An in-process endpoint; `close()` ends the channel and both sides see `close` (a MessagePort's `close` event). */
export interface InProcessEndpoint extends RpcEndpoint {
  close(): void;
}

type Listener = (event: RpcEndpointEvent) => void;

/** Two connected endpoints. */
export function createEndpointPair(): readonly [InProcessEndpoint, InProcessEndpoint] {
  const channel = { open: true };
  const listeners = [
    new Map<RpcEndpointEventType, Set<Listener>>(),
    new Map<RpcEndpointEventType, Set<Listener>>(),
  ] as const;
  const emit = (side: 0 | 1, type: RpcEndpointEventType, event: RpcEndpointEvent) => {
    for (const l of [...(listeners[side].get(type) ?? [])]) l(event);
  };
  const end = (side: 0 | 1): InProcessEndpoint => {
    const other = side === 0 ? 1 : 0;
    return {
      postMessage(message) {
        if (!channel.open) return;
        const data: unknown = structuredClone(message);
        setTimeout(() => {
          if (channel.open) emit(other, 'message', { data, ports: [] });
        }, 0);
      },
      addEventListener(type, listener) {
        (listeners[side].get(type) ?? listeners[side].set(type, new Set()).get(type)!).add(listener);
      },
      removeEventListener(type, listener) {
        listeners[side].get(type)?.delete(listener);
      },
      close() {
        if (!channel.open) return;
        channel.open = false;
        setTimeout(() => {
          emit(side, 'close', {});
          emit(other, 'close', {});
        }, 0);
      },
    };
  };
  return [end(0), end(1)];
}
