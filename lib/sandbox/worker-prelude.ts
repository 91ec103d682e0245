/**
 * Browser glue: strips the learner-code worker of every way out before learner code runs. The
 * worker's own CSP (next.config.js, `/sandbox/:path*`: `connect-src 'none'`, a `script-src` of one
 * hash and 'unsafe-eval', no fetchable source at all) is the boundary that holds even if something here is missed;
 * this prelude turns what would be a CSP violation into a clear message, and removes the capabilities
 * CSP does not govern (storage, channels to other contexts of this origin, `postMessage` itself).
 * @module
 */

/** Globals replaced by a function that throws: network, script loading, nested workers, channels. */
export const BLOCKED_CALLABLES: Readonly<Record<string, string>> = {
  fetch: 'the sandbox has no network',
  XMLHttpRequest: 'the sandbox has no network',
  WebSocket: 'the sandbox has no network',
  WebSocketStream: 'the sandbox has no network',
  EventSource: 'the sandbox has no network',
  WebTransport: 'the sandbox has no network',
  importScripts: 'only the allowlisted modules can be loaded (use import)',
  Worker: 'learner code cannot start other workers',
  SharedWorker: 'learner code cannot start other workers',
  BroadcastChannel: 'learner code cannot talk to other parts of the app',
  MessageChannel: 'learner code cannot talk to other parts of the app',
  postMessage: 'learner code cannot send messages to the page; export your results instead',
  close: 'learner code cannot close the sandbox',
  requestFileSystemSync: "learner code cannot use the browser's storage",
  webkitRequestFileSystemSync: "learner code cannot use the browser's storage",
  webkitRequestFileSystem: "learner code cannot use the browser's storage",
};

/** Globals replaced by an object whose every property access throws: storage APIs. */
export const BLOCKED_OBJECTS: Readonly<Record<string, string>> = {
  indexedDB: "learner code cannot use the browser's storage",
  caches: "learner code cannot use the browser's storage",
  cookieStore: 'learner code cannot read cookies',
};

/** Properties removed from `navigator`. */
const BLOCKED_NAVIGATOR = ['storage', 'locks', 'serviceWorker', 'usb', 'serial', 'hid', 'bluetooth', 'permissions'];

function unavailable(name: string, why: string): Error {
  return new Error(`${name} is not available in the code lab: ${why}.`);
}

/** Removes `name` from `target` and every object on its prototype chain. */
function deleteEverywhere(target: object, name: string): void {
  for (let o: object | null = target; o !== null; o = Object.getPrototypeOf(o)) {
    const descriptor = Object.getOwnPropertyDescriptor(o, name);
    if (descriptor?.configurable) Reflect.deleteProperty(o, name);
  }
}

function lockDown(scope: object, name: string, value: unknown): void {
  deleteEverywhere(scope, name);
  try {
    Object.defineProperty(scope, name, { value, writable: false, configurable: false, enumerable: false });
  } catch {
    // A non-configurable original that we could not delete: nothing more we can do; CSP still holds.
  }
}

/**
 * Neutralises the worker's global scope. Returns the original `postMessage`, bound, for the runner's
 * own use: after this call learner code has no way to post to the page.
 */
export function lockDownWorkerScope(scope: typeof globalThis): (message: unknown) => void {
  const originalPost = (scope as unknown as { postMessage: (m: unknown) => void }).postMessage.bind(scope);
  for (const [name, why] of Object.entries(BLOCKED_CALLABLES)) {
    const blocked = function blockedApi() {
      throw unavailable(name, why);
    };
    lockDown(scope, name, blocked);
  }
  for (const [name, why] of Object.entries(BLOCKED_OBJECTS)) {
    const blocked = new Proxy(Object.create(null) as object, {
      get: () => {
        throw unavailable(name, why);
      },
      set: () => {
        throw unavailable(name, why);
      },
      has: () => false,
    });
    lockDown(scope, name, blocked);
  }
  const nav = (scope as unknown as { navigator?: object }).navigator;
  if (nav) for (const name of BLOCKED_NAVIGATOR) deleteEverywhere(nav, name);
  return originalPost;
}
