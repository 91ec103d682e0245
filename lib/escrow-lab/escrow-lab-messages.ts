/**
 * The escrow lab worker's contract (lib/worker-rpc): one procedure per widget action, each with
 * the schema of its request and of its result, and every type the widgets and the worker share,
 * inferred from those schemas. The worker checks each request before a handler sees it and each
 * result before it is posted; the page checks each result again when it arrives (DESIGN.md: worker
 * messages are outside input). The secrets a widget's scene needs (the authority's secret key, a
 * captured scene, a recorded world) stay in the worker; only what the widgets display crosses.
 *
 * zod/mini keeps the page's bundle small, as in lib/attack-lab/world-messages.ts.
 * @module
 */
import * as z from 'zod/mini';
import { RECOMBINED_KEY_CHECK } from '@/lib/crypto/secret-sharing';
import { defineContract } from '@/lib/worker-rpc/rpc-contract';

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
/** An X25519 key (RFC 7748 §5: 32 bytes). */
const key32 = z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length === 32, 'expected 32 bytes');
const count = z.int().check(z.minimum(0));
const simTime = z.int().check(z.minimum(0), z.maximum(2 ** 40));
/** Lists arrive read-only, as the producers' types have them. */
const list = <T extends z.ZodMiniType>(item: T) => z.readonly(z.array(item));
const participantId = z.string().check(z.minLength(1), z.maxLength(32));

/** A key pair made on the page (the switch's Alice and Bob, lib/crypto/x25519.ts). */
const keyPairSchema = z.strictObject({ secretKey: key32, publicKey: key32, randomness: z.enum(['csprng', 'demo']) });

/** How the escrow field is sealed (escrow-binding-scene.ts). */
const bindingModeSchema = z.enum(['bound', 'unbound']);
/** How the key is split (lib/scenarios/split-custody.ts). */
const splitSchemeSchema = z.enum(['xor', 'shamir']);

/** An envelope (lib/protocol/envelope.ts): header, ciphertext ‖ tag, and the escrow field when escrow is on. */
const envelopeSchema = z.strictObject({
  header: z.strictObject({
    version: z.literal(1),
    mode: z.enum(['static', 'ratchet']),
    sender: participantId,
    recipient: participantId,
    conversationId: z.string(),
    counter: count,
    sentAt: simTime,
    ephemeralPublicKey: z.optional(key32),
    ratchet: z.optional(z.strictObject({ publicKey: key32, previousChainLength: count, messageNumber: count })),
    escrow: z.optional(z.strictObject({ epoch: count })),
  }),
  ciphertext: bytes,
  escrow: z.optional(
    z.strictObject({
      epochBlob: z.strictObject({
        header: z.strictObject({
          conversationId: z.string(),
          sender: participantId,
          recipient: participantId,
          epoch: count,
          startedAt: simTime,
          firstCounter: count,
        }),
        seals: list(z.strictObject({ authorityId: z.string(), enc: bytes, ciphertext: bytes })),
      }),
      wrappedKey: bytes,
    }),
  ),
});

/** What the recipient's client did with an envelope (lib/protocol/forgery.ts). */
const deliverySchema = z.discriminatedUnion('accepted', [
  z.strictObject({ accepted: z.literal(true), plaintext: z.string() }),
  z.strictObject({ accepted: z.literal(false), reason: z.enum(['tag-failed', 'rejected']), message: z.string() }),
]);

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/** One sealed envelope of the switch, taken apart for display (escrow-switch.ts). */
const switchEnvelopeSchema = z.strictObject({
  envelope: envelopeSchema,
  headerBytes: bytes,
  nonce: bytes,
  body: bytes,
  tag: bytes,
  escrow: z.nullable(
    z.strictObject({ epochHeaderBytes: bytes, hpkeInfo: bytes, enc: bytes, sealedEpochKey: bytes, wrappedKey: bytes }),
  ),
  size: z.strictObject({ header: count, ciphertext: count, escrow: count, total: count }),
});

/** Who tried to open an envelope, with what, and what happened. */
const openingAttemptSchema = z.strictObject({
  who: z.enum(['alice', 'bob', 'server', 'escrow']),
  holds: z.string(),
  outcome: z.enum(['opened', 'no-key', 'tag-failed', 'refused']),
  plaintext: z.optional(z.string()),
  detail: z.string(),
});

/** What the switch returns: the authority's public key (its secret stays in the worker) and both envelopes with every opening attempt. */
const switchReplySchema = z.strictObject({
  authorityPublicKey: z.nullable(key32),
  result: z.strictObject({
    off: switchEnvelopeSchema,
    on: z.nullable(switchEnvelopeSchema),
    attemptsOff: list(openingAttemptSchema),
    attemptsOn: z.nullable(list(openingAttemptSchema)),
  }),
});

/** How the scene's forgery was made and what Bob's client did with it (lib/scenarios/forgery.ts). */
const forgeryOutcomeSchema = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('resealed-with-escrowed-key'),
    recoveredKey: bytes,
    forged: envelopeSchema,
    delivery: deliverySchema,
  }),
  z.strictObject({
    method: z.literal('edited-ciphertext-without-key'),
    noKeyReason: z.string(),
    attemptedText: z.string(),
    forged: envelopeSchema,
    delivery: deliverySchema,
  }),
]);

/** What a forgery returns: the captured envelope, the thief's copy of the escrow key (null with escrow off: there is none), and the outcome. */
const forgeReplySchema = z.strictObject({
  original: envelopeSchema,
  originalText: z.string(),
  authorityPublicKey: z.nullable(key32),
  thiefKey: z.nullable(key32),
  outcome: forgeryOutcomeSchema,
});

/** What the authority got out of one envelope: every stage it reached, and the plaintext if all passed. */
const authorityReadingSchema = z.strictObject({
  stages: list(
    z.strictObject({
      stage: z.enum(['field-check', 'hpke-open', 'unwrap', 'message-tag']),
      ok: z.boolean(),
      detail: z.string(),
    }),
  ),
  plaintext: z.nullable(z.string()),
});

/** One of Alice's two messages in the binding scene. */
const bindingMessageSchema = z.strictObject({
  number: z.union([z.literal(1), z.literal(2)]),
  recipient: z.enum(['bob', 'carol']),
  text: z.string(),
  envelope: envelopeSchema,
});

/** Two sealed messages and the normal check on each. */
const bindingSealReplySchema = z.strictObject({
  binding: bindingModeSchema,
  authorityPublicKey: key32,
  messages: list(bindingMessageSchema),
  readings: list(authorityReadingSchema),
  deliveries: list(deliverySchema),
});

/** The swap: the doctored message 2, the authority's attempt on it, and Carol's client's verdict. */
const fieldSwapSchema = z.strictObject({
  moved: envelopeSchema,
  authority: authorityReadingSchema,
  recipient: deliverySchema,
});

/** What the relay logged of one message: metadata, no text (lib/scenarios/warrant.ts). */
const recordedMessageSchema = z.strictObject({
  seq: count,
  sender: z.string(),
  recipient: z.string(),
  conversationId: z.string(),
  sentAt: simTime,
  size: count,
});

/** The recorded day, as the relay logged it. */
const warrantRecordReplySchema = z.strictObject({
  people: list(z.strictObject({ id: z.string(), name: z.string() })),
  messages: list(recordedMessageSchema),
  authorityPublicKey: key32,
});

/** A warrant run (each message's fate, by seq), with the warrant the worker checked. */
const warrantRunReplySchema = z.strictObject({
  outcomes: list(
    z.strictObject({
      seq: count,
      kind: z.enum(['opened', 'tag-failed', 'no-key', 'outside-warrant']),
      plaintext: z.optional(z.string()),
    }),
  ),
  opened: count,
  tried: count,
  warrant: z.strictObject({ target: z.string(), from: simTime, to: simTime }),
});

/** The split key and its pieces; `secretKey` is the authority's, shown by the widget as the thing being split. */
const splitReplySchema = z.strictObject({
  scheme: splitSchemeSchema,
  publicKey: key32,
  secretKey: key32,
  pieces: list(
    z.strictObject({
      agencyId: z.string(),
      agencyName: z.string(),
      kind: z.enum(['whole-key', 'xor-half', 'shamir-share']),
      bytes,
    }),
  ),
  threshold: count,
  messages: count,
});

/** One recombination and its test on the recorded traffic (lib/scenarios/split-custody.ts). */
const recombinationSchema = z.strictObject({
  candidate: z.nullable(bytes),
  candidatePublicKey: z.nullable(bytes),
  combineError: z.nullable(z.string()),
  check: z.strictObject({ name: z.literal(RECOMBINED_KEY_CHECK), passed: z.boolean(), message: z.string() }),
  agencies: list(z.string()),
  corrupted: list(z.string()),
  pieces: list(z.strictObject({ agencyId: z.string(), bytes })),
  opened: count,
  total: count,
});

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

/**
 * Fields every request carries: `scope` names one widget's state in the worker (one id per
 * lesson-scoped store); `seed`, in seeded (demo) mode, is what every random value derives from.
 */
const requestBase = {
  scope: z.string().check(z.minLength(1), z.maxLength(64)),
  seed: z.optional(z.string().check(z.maxLength(64))),
};
const agencyIds = list(z.string().check(z.maxLength(64))).check(z.maxLength(16));
const text = z.string().check(z.maxLength(2000));

/** The escrow lab worker's procedures. */
export const escrowLabContract = defineContract({
  switch: {
    request: z.strictObject({ ...requestBase, alice: keyPairSchema, bob: keyPairSchema, text, escrow: z.boolean() }),
    result: switchReplySchema,
  },
  forge: { request: z.strictObject({ ...requestBase, escrow: z.boolean(), text }), result: forgeReplySchema },
  'binding-seal': {
    request: z.strictObject({ ...requestBase, binding: bindingModeSchema }),
    result: bindingSealReplySchema,
  },
  'binding-move': { request: z.strictObject({ ...requestBase, binding: bindingModeSchema }), result: fieldSwapSchema },
  'warrant-record': { request: z.strictObject(requestBase), result: warrantRecordReplySchema },
  'warrant-execute': {
    request: z.strictObject({ ...requestBase, target: z.string().check(z.maxLength(32)), from: simTime, to: simTime }),
    result: warrantRunReplySchema,
  },
  'warrant-beyond': { request: z.strictObject(requestBase), result: warrantRunReplySchema },
  split: {
    request: z.strictObject({ ...requestBase, scheme: splitSchemeSchema, shares: count, threshold: count }),
    result: splitReplySchema,
  },
  recombine: {
    request: z.strictObject({ ...requestBase, agencies: agencyIds, corrupt: agencyIds }),
    result: recombinationSchema,
  },
  /** The widget unmounted: forget its state. `released`: whether the scope held any. */
  release: { request: z.strictObject(requestBase), result: z.strictObject({ released: z.boolean() }) },
});

/** The lab's procedures. */
export type EscrowLabProcedure = keyof typeof escrowLabContract;
/** The switch's reply. */
export type SwitchReply = z.output<typeof switchReplySchema>;
/** A forgery's reply. */
export type ForgeReply = z.output<typeof forgeReplySchema>;
/** The binding scene's two sealed messages. */
export type BindingSealReply = z.output<typeof bindingSealReplySchema>;
/** The recorded day. */
export type WarrantRecordReply = z.output<typeof warrantRecordReplySchema>;
/** A warrant run. */
export type WarrantRunReply = z.output<typeof warrantRunReplySchema>;
/** The split key. */
export type SplitReply = z.output<typeof splitReplySchema>;
/** A recombination. */
export type Recombination = z.output<typeof recombinationSchema>;
