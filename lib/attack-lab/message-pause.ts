/**
 * A zero-delay pause for a worker's long loops, so a message (a `cancel`) can be handled between
 * chunks. A MessageChannel round trip is not clamped to 4 ms the way nested setTimeout(0) is.
 * @module
 */

/** Returns a `pause()` that resolves after the messages already queued have been handled. */
export function createMessagePause(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  // addEventListener + start(), not onmessage: the same calls are typed in both the DOM library and
  // Node's worker_threads, so lib/ type-checks without the DOM (tsconfig.lib.json).
  channel.port1.addEventListener('message', () => waiting.shift()?.());
  channel.port1.start();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(0);
    });
}
