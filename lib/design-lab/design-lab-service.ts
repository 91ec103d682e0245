/**
 * The design lab worker's handlers (app/_components/widgets/mitigations/design-lab.worker.ts only
 * wires {@link serveDesignLab} to `self`). Each call computes its scene afresh from the request and
 * answers with plain data for display; nothing secret is kept or sent. A RangeError from a scenario
 * ("Type a message ...") is a refusal worded for the learner and crosses as `user-error`.
 * @module
 */
import { csprng, seededRandom, type RandomSource } from '@/lib/crypto/random';
import { runEvasion } from '@/lib/scenarios/evasion';
import { runGhostScene } from '@/lib/scenarios/ghost-group';
import { runMitigation } from '@/lib/scenarios/mitigations';
import type { RpcEndpoint } from '@/lib/worker-rpc/rpc-endpoint';
import { serveContract, type HandlersOf, type RpcHost } from '@/lib/worker-rpc/rpc-host';
import { designLabContract } from './design-lab-messages';

function randomFor(seed: string | undefined, purpose: string): RandomSource {
  return seed ? seededRandom(`${seed}|${purpose}`) : csprng();
}

/** One handler per procedure of {@link designLabContract}. */
const designLabHandlers: HandlersOf<typeof designLabContract> = {
  evasion: (r) => {
    const scene = runEvasion(r.text, randomFor(r.seed, 'evasion'));
    return {
      runs: scene.runs.map((run) => ({
        client: run.client,
        escrowFieldBytes: run.escrowFieldBytes,
        wrappedKey: run.envelope.escrow?.wrappedKey ?? null,
        recipient: run.recipient,
        authority: run.authority,
      })),
    };
  },
  mitigation: (r) => {
    const report = runMitigation(r.design, randomFor(r.seed, `mitigation|${r.design}|${r.agenciesRobbed}`), {
      agenciesRobbed: r.agenciesRobbed,
    });
    // The per-message list stays in the worker: the widgets show counts, the forgery and the log.
    const { mitigation, stolen, total, opened, before, after, conversations, forgery, log } = report;
    return { mitigation, stolen, total, opened, before, after, conversations, forgery, log };
  },
  ghost: (r) => {
    const scene = runGhostScene(
      { signedMembership: r.signedMembership, holder: r.holder, text: r.text },
      randomFor(r.seed, `ghost|${r.holder}|${r.signedMembership}`),
    );
    const { message, ...rest } = scene;
    return { ...rest, wrappedTo: message.wrapped.map((w) => w.to) };
  },
};

/** Answers the design lab contract on `endpoint` (a worker's scope, or one end of an in-process pair). */
export function serveDesignLab(endpoint: RpcEndpoint): RpcHost {
  return serveContract(designLabContract, designLabHandlers, endpoint, {
    codeFor: (error) => (error instanceof RangeError ? 'user-error' : undefined),
  });
}
