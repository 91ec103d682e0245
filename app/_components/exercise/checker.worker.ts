/**
 * The checker worker: runs code exercises' checks off the page's main thread (lib/sandbox/checker-host.ts
 * over lib/worker-rpc), so a learner value that makes a check slow never blocks a click. Our own code
 * only: learner code runs in the sandbox frame, never here. Bundlers load it as a classic worker
 * (no top-level await, no import.meta here: platform-pitfalls.md §8).
 */
import { DEFAULT_CHECK_REGISTRY } from '@/lib/sandbox/check-registry';
import { LESSON_CHECK_REGISTRY } from '@/lib/lessons/exercise-checks';
import { serveChecker } from '@/lib/sandbox/checker-host';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';

serveChecker(self as unknown as RpcEndpoint, { default: DEFAULT_CHECK_REGISTRY, lessons: LESSON_CHECK_REGISTRY });
