/**
 * Declarations of the globals learner code has in the runner, for Monaco (which is set to the
 * ES2022 library only, so `document`, `fetch` and `localStorage` are flagged as the errors they
 * would be at run time).
 * @module
 */

/** The runner's globals as TypeScript declarations. */
export const LEARNER_GLOBALS_DECLARATION = `
/** Output shown under the editor (at most 500 lines / 64 KB per run). */
declare const console: {
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
  table(...data: unknown[]): void;
};
declare function setTimeout(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: unknown[]) => void, timeout?: number, ...args: unknown[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
declare class TextEncoder { encode(input?: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string, options?: { fatal?: boolean }); decode(input?: Uint8Array): string; }
declare const crypto: { getRandomValues<T extends Uint8Array | Uint16Array | Uint32Array>(array: T): T; randomUUID(): string };
declare const performance: { now(): number };
`;
