/**
 * The envelopes every call travels in, the same for every contract: a call, a cancel; a progress
 * report, a result, an error. The procedure's own request, result and progress schemas check what
 * is inside (rpc-host.ts, rpc-client.ts).
 * @module
 */
import * as z from 'zod/mini';
import { rpcErrorDataSchema } from './rpc-error';

const callId = z.int().check(z.minimum(1));

/** Caller → host. */
export const rpcRequestEnvelopeSchema = z.discriminatedUnion('rpc', [
  z.strictObject({
    rpc: z.literal('call'),
    id: callId,
    procedure: z.string().check(z.maxLength(64)),
    params: z.unknown(),
  }),
  z.strictObject({ rpc: z.literal('cancel'), id: callId }),
]);

/** Host → caller. */
export const rpcResponseEnvelopeSchema = z.discriminatedUnion('rpc', [
  z.strictObject({ rpc: z.literal('progress'), id: callId, progress: z.unknown() }),
  z.strictObject({ rpc: z.literal('result'), id: callId, result: z.unknown() }),
  z.strictObject({ rpc: z.literal('error'), id: z.int(), error: rpcErrorDataSchema }),
]);

/** A message to the host. */
export type RpcRequestEnvelope = z.infer<typeof rpcRequestEnvelopeSchema>;
/** A message to the caller. */
export type RpcResponseEnvelope = z.infer<typeof rpcResponseEnvelopeSchema>;
