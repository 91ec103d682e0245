/**
 * The escrow widgets' worker: runs lib/escrow-lab's service off the main thread. A classic worker
 * (bundlers drop `type: 'module'`), so no top-level await and no import.meta here.
 */
import { EscrowLabRequestError, parseEscrowLabRequest, type EscrowLabResponse } from '@/lib/escrow-lab/escrow-lab-messages';
import { EscrowLabService, EscrowLabUserError } from '@/lib/escrow-lab/escrow-lab-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: EscrowLabResponse): void;
}

const scope = globalThis as unknown as WorkerScope;
const service = new EscrowLabService();

/** Learner-facing text for a failure: our own refusals verbatim, anything else marked as a lab fault. */
function describe(e: unknown): string {
  if (e instanceof EscrowLabUserError || e instanceof RangeError) return e.message;
  if (e instanceof EscrowLabRequestError) return `The lab sent its worker a malformed request (${e.message}).`;
  return `Something went wrong in the lab's worker: ${e instanceof Error ? e.message : String(e)}`;
}

scope.onmessage = (event) => {
  let id = -1;
  try {
    const { id: requestId, request } = parseEscrowLabRequest(event.data);
    id = requestId;
    service.handle(request).then(
      (reply) => scope.postMessage({ id, ok: true, kind: request.kind, reply }),
      (e: unknown) => scope.postMessage({ id, ok: false, error: describe(e) }),
    );
  } catch (e) {
    scope.postMessage({ id, ok: false, error: describe(e) });
  }
};
