/**
 * The messages between the escrow widgets and their Web Worker: one request kind per widget
 * action, one reply type per kind. Requests arrive in the worker as `unknown` and pass
 * {@link parseEscrowLabRequest}; replies arrive in the page as `unknown` and pass
 * {@link parseEscrowLabResponse}. Everything is plain data (structured clone carries Uint8Array).
 * @module
 */
import type { X25519KeyPair } from '@/lib/crypto/x25519';
import type { Envelope } from '@/lib/protocol/envelope';
import type { EscrowKeyPieceKind } from '@/lib/protocol/escrow-setup';
import type { DeliveryResult } from '@/lib/protocol/forgery';
import type { SimTime } from '@/lib/protocol/sim-time';
import type { AuthorityReading, BindingMessage, EscrowBindingMode, FieldSwap } from './escrow-binding-scene';
import type { EscrowSwitchResult } from './escrow-switch';
import type { ForgeryOutcome } from '@/lib/scenarios/forgery';
import type { Recombination, SplitScheme } from '@/lib/scenarios/split-custody';
import type { RecordedMessage, WarrantRun } from '@/lib/scenarios/warrant';

/** Fields every request carries: which widget state it belongs to, and the lab's seed in seeded mode. */
interface RequestBase {
  /** Names one widget's state in the worker (one id per lesson-scoped store). */
  readonly scope: string;
  /** Seeded (demo) mode: every random value derives from this. */
  readonly seed?: string;
}

/** Every request the worker accepts. */
export type EscrowLabRequest = RequestBase &
  (
    | { readonly kind: 'switch'; readonly alice: X25519KeyPair; readonly bob: X25519KeyPair; readonly text: string; readonly escrow: boolean }
    | { readonly kind: 'forge'; readonly escrow: boolean; readonly text: string }
    | { readonly kind: 'binding-seal'; readonly binding: EscrowBindingMode }
    | { readonly kind: 'binding-move'; readonly binding: EscrowBindingMode }
    | { readonly kind: 'warrant-record' }
    | { readonly kind: 'warrant-execute'; readonly target: string; readonly from: SimTime; readonly to: SimTime }
    | { readonly kind: 'warrant-beyond' }
    | { readonly kind: 'split'; readonly scheme: SplitScheme; readonly shares: number; readonly threshold: number }
    | { readonly kind: 'recombine'; readonly agencies: readonly string[]; readonly corrupt: readonly string[] }
    /** The widget unmounted: forget its state. */
    | { readonly kind: 'release' }
  );

/** The kinds of request. */
export type EscrowLabRequestKind = EscrowLabRequest['kind'];

/** The request of kind `K`. */
export type EscrowLabRequestOf<K extends EscrowLabRequestKind> = Extract<EscrowLabRequest, { kind: K }>;

/** What the switch returns: the authority's public key (its secret stays in the worker) and both envelopes. */
export interface SwitchReply {
  readonly authorityPublicKey: Uint8Array | null;
  readonly result: EscrowSwitchResult;
}

/** What a forgery returns: the captured envelope, the thief's copy of the escrow key, and the outcome. */
export interface ForgeReply {
  readonly original: Envelope;
  readonly originalText: string;
  readonly authorityPublicKey: Uint8Array | null;
  /** The thief's copy of the escrow secret key (null with escrow off: there is none). */
  readonly thiefKey: Uint8Array | null;
  readonly outcome: ForgeryOutcome;
}

/** Two sealed messages and the normal check on each. */
export interface BindingSealReply {
  readonly binding: EscrowBindingMode;
  readonly authorityPublicKey: Uint8Array;
  readonly messages: readonly BindingMessage[];
  readonly readings: readonly AuthorityReading[];
  readonly deliveries: readonly DeliveryResult[];
}

/** The recorded day, as the relay logged it. */
export interface WarrantRecordReply {
  readonly people: readonly { readonly id: string; readonly name: string }[];
  readonly messages: readonly RecordedMessage[];
  readonly authorityPublicKey: Uint8Array;
}

/** A warrant run, with the warrant the worker checked. */
export interface WarrantRunReply extends WarrantRun {
  readonly warrant: { readonly target: string; readonly from: SimTime; readonly to: SimTime };
}

/** The split key and its pieces. */
export interface SplitReply {
  readonly scheme: SplitScheme;
  readonly publicKey: Uint8Array;
  /** The authority's secret key, shown by the widget as the thing being split. */
  readonly secretKey: Uint8Array;
  readonly pieces: readonly { readonly agencyId: string; readonly agencyName: string; readonly kind: EscrowKeyPieceKind; readonly bytes: Uint8Array }[];
  readonly threshold: number;
  readonly messages: number;
}

/** Reply type by request kind. */
export interface EscrowLabReplies {
  readonly switch: SwitchReply;
  readonly forge: ForgeReply;
  readonly 'binding-seal': BindingSealReply;
  readonly 'binding-move': FieldSwap;
  readonly 'warrant-record': WarrantRecordReply;
  readonly 'warrant-execute': WarrantRunReply;
  readonly 'warrant-beyond': WarrantRunReply;
  readonly split: SplitReply;
  readonly recombine: Recombination;
  /** Whether the scope held any state. */
  readonly release: { readonly released: boolean };
}

/** A request on the wire to the worker, numbered so the reply can find its caller. */
export interface EscrowLabEnvelope {
  readonly id: number;
  readonly request: EscrowLabRequest;
}

/** A reply on the wire from the worker. `error` is learner-facing ("Seal the two messages first."). */
export type EscrowLabResponse =
  | { readonly id: number; readonly ok: true; readonly kind: EscrowLabRequestKind; readonly reply: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** A request the worker refuses (wrong shape); the message names the field. */
export class EscrowLabRequestError extends Error {
  override readonly name = 'EscrowLabRequestError';
}

const KINDS: readonly EscrowLabRequestKind[] = ['switch', 'forge', 'binding-seal', 'binding-move', 'warrant-record', 'warrant-execute', 'warrant-beyond', 'split', 'recombine', 'release'];

type Shape = Record<string, unknown>;

function fail(what: string): never {
  throw new EscrowLabRequestError(`escrow lab request: ${what}`);
}

function str(v: Shape, key: string, max = 2000): string {
  const x = v[key];
  if (typeof x !== 'string' || x.length > max) fail(`${key} must be a string of at most ${max} characters`);
  return x;
}

function bool(v: Shape, key: string): boolean {
  if (typeof v[key] !== 'boolean') fail(`${key} must be true or false`);
  return v[key] as boolean;
}

function int(v: Shape, key: string): number {
  const x = v[key];
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) fail(`${key} must be a whole number >= 0`);
  return x;
}

function strings(v: Shape, key: string): string[] {
  const x = v[key];
  if (!Array.isArray(x) || x.length > 16 || !x.every((s) => typeof s === 'string' && s.length <= 64)) fail(`${key} must be a short list of ids`);
  return x as string[];
}

function keyPair(v: Shape, key: string): X25519KeyPair {
  const x = v[key];
  if (typeof x !== 'object' || x === null) fail(`${key} must be a key pair`);
  const k = x as Shape;
  if (!(k.secretKey instanceof Uint8Array) || k.secretKey.length !== 32) fail(`${key}.secretKey must be 32 bytes`);
  if (!(k.publicKey instanceof Uint8Array) || k.publicKey.length !== 32) fail(`${key}.publicKey must be 32 bytes`);
  if (k.randomness !== 'csprng' && k.randomness !== 'demo') fail(`${key}.randomness must be 'csprng' or 'demo'`);
  return { secretKey: k.secretKey, publicKey: k.publicKey, randomness: k.randomness };
}

function binding(v: Shape): EscrowBindingMode {
  if (v.binding !== 'bound' && v.binding !== 'unbound') fail("binding must be 'bound' or 'unbound'");
  return v.binding;
}

/** Checks a message that arrived in the worker. Throws {@link EscrowLabRequestError} naming the bad field. */
export function parseEscrowLabRequest(value: unknown): EscrowLabEnvelope {
  if (typeof value !== 'object' || value === null) fail('expected an object');
  const outer = value as Shape;
  if (typeof outer.id !== 'number' || !Number.isSafeInteger(outer.id)) fail('id must be a whole number');
  if (typeof outer.request !== 'object' || outer.request === null) fail('request must be an object');
  const v = outer.request as Shape;
  const kind = v.kind as EscrowLabRequestKind;
  if (!KINDS.includes(kind)) fail(`unknown kind ${String(v.kind)}`);
  const base: RequestBase = { scope: str(v, 'scope', 64), ...(v.seed === undefined ? {} : { seed: str(v, 'seed', 64) }) };
  let request: EscrowLabRequest;
  switch (kind) {
    case 'switch':
      request = { ...base, kind, alice: keyPair(v, 'alice'), bob: keyPair(v, 'bob'), text: str(v, 'text'), escrow: bool(v, 'escrow') };
      break;
    case 'forge':
      request = { ...base, kind, escrow: bool(v, 'escrow'), text: str(v, 'text') };
      break;
    case 'binding-seal':
    case 'binding-move':
      request = { ...base, kind, binding: binding(v) };
      break;
    case 'warrant-record':
    case 'warrant-beyond':
    case 'release':
      request = { ...base, kind };
      break;
    case 'warrant-execute':
      request = { ...base, kind, target: str(v, 'target', 32), from: int(v, 'from'), to: int(v, 'to') };
      break;
    case 'split':
      if (v.scheme !== 'xor' && v.scheme !== 'shamir') fail("scheme must be 'xor' or 'shamir'");
      request = { ...base, kind, scheme: v.scheme, shares: int(v, 'shares'), threshold: int(v, 'threshold') };
      break;
    case 'recombine':
      request = { ...base, kind, agencies: strings(v, 'agencies'), corrupt: strings(v, 'corrupt') };
      break;
  }
  return { id: outer.id, request };
}

/** Checks a message that arrived from the worker: its frame, not the reply's inner shape (the worker is ours). */
export function parseEscrowLabResponse(value: unknown): EscrowLabResponse | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Shape;
  if (typeof v.id !== 'number') return null;
  if (v.ok === true && typeof v.kind === 'string' && KINDS.includes(v.kind as EscrowLabRequestKind) && 'reply' in v) {
    return { id: v.id, ok: true, kind: v.kind as EscrowLabRequestKind, reply: v.reply };
  }
  if (v.ok === false && typeof v.error === 'string') return { id: v.id, ok: false, error: v.error };
  return null;
}
