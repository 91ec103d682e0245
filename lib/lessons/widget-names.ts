/**
 * The closed vocabulary of lesson content: every element a `content.mdx` may use, with the string
 * props it accepts. The validator (`validate-mdx.ts`) and the registry of React components
 * (`app/_components/widgets/registry.tsx`, typed `Record<WidgetName, ...>`) both read this list,
 * so registering a widget is: add its spec here, with an `example` (the props the widget gallery at
 * /authoring renders it with, and copies as an MDX snippet: one line, e.g. `example: { actor:
 * 'alice' }`; a widget without one fails widget-gallery.test.ts), then add its component to the
 * registry (the type checker points at the registry until you do).
 *
 * @module
 */
import { KEBAB_CASE } from './id-patterns';
import type { WidgetPropSpec, WidgetSpec } from './widget-spec';

const kebabIdProp = (description: string): WidgetPropSpec => ({
  description,
  required: true,
  pattern: { regex: KEBAB_CASE, description: 'kebab-case, e.g. "why-public"' },
});

const actorProp: WidgetPropSpec = {
  description: 'Whose key pair this is (the two-party lab has Alice and Bob)',
  required: true,
  values: ['alice', 'bob'],
};

/** Every widget content.mdx may use, by element name. */
export const widgetSpecs = {
  Step: {
    description: 'One step of the lesson; its heading and gating come from meta.steps with the same id.',
    props: { id: kebabIdProp('The step id from meta.steps') },
    children: true,
    example: { id: 'example' },
  },
  Quiz: {
    description: 'A multiple-choice question from meta.quiz; the learner checks an answer and sees why.',
    props: { id: kebabIdProp('The question id from meta.quiz') },
    children: false,
    example: { id: 'example-question' },
    actions: ['quiz:{id}'],
  },
  Callout: {
    description: 'A boxed aside.',
    props: {
      kind: { description: 'What sort of aside', required: true, values: ['note', 'warning', 'history', 'tip'] },
      title: { description: 'Optional heading of the box' },
    },
    children: true,
    example: { kind: 'note', title: 'Heads up' },
  },

  Notes: {
    description:
      "Speaker notes for this step: what to say, what to click, the question to ask the room. Shown only in the presenter window (/learn/<slug>/present); the learner's page renders nothing for it and its text is never in that page's HTML. Place it directly inside a <Step>.",
    props: {},
    example: {},
    children: true,
  },

  Exercise: {
    description:
      'A code exercise from the lesson\'s exercises.ts (lessons/<slug>/exercises.ts, matched by id): instructions, the starter code (read-only until "Open editor" loads the editor), Run / Stop / Reset, output, the checks, hints one at a time and the solution after two failed runs. The learner\'s TypeScript runs in an isolated worker; the checks run on the page. When every check passes it reports `exercise:<id>` and records the pass in progress.',
    props: { id: kebabIdProp("The exercise id from the lesson's exercises.ts") },
    children: false,
    example: { id: 'example-exercise' },
    actions: ['exercise:{id}'],
  },

  // Crypto widgets (app/_components/widgets/crypto/). All of a lesson's crypto widgets share one
  // two-party lab: Alice, Bob, one message, Eve on the wire. Keys made in one step persist to the
  // later steps of the same lesson, not to other lessons.
  KeyPair: {
    description:
      'Generates an X25519 key pair for Alice or Bob (32 secret bytes from the platform CSPRNG, public key = X25519(secret, 9)) and shows both halves. A new pair clears everything computed from the old one.',
    props: { actor: actorProp },
    children: false,
    example: { actor: 'alice' },
    actions: ['keypair:{actor}'],
  },
  KeyExchange: {
    description:
      'Swap public keys over the wire ("Swap public keys"), then each side computes X25519 with its own secret key ("Compute shared secrets"); shows both shared secrets and whether they are equal.',
    props: {},
    children: false,
    example: {},
    actions: ['exchange', 'shared'],
  },
  Derive: {
    description:
      'HKDF-SHA256 of the shared secret (salt = both public keys, a fixed info string) into a 32-byte message key on each side; shows salt, info, PRK and both keys.',
    props: {},
    children: false,
    example: {},
    actions: ['derive'],
  },
  EncryptDecrypt: {
    description:
      'Alice types a message and seals it with ChaCha20-Poly1305 under the derived key ("Encrypt and send"; shows nonce, ciphertext, tag); "Bob decrypts" opens what arrived, reporting decrypt:ok when the tag verifies and decrypt:rejected when it fails.',
    props: {
      message: {
        description:
          "The message Alice's box starts with, a real value she can send or edit (default: 'Meet me at the library at 6')",
      },
    },
    children: false,
    example: {},
    actions: ['encrypt', 'decrypt:ok', 'decrypt:rejected'],
  },
  Tamper: {
    description:
      'Eve picks a bit of the sealed message (ciphertext or tag) and flips it in transit ("Flip the bit in transit"); Bob\'s next decryption is then rejected.',
    props: {},
    children: false,
    example: {},
    actions: ['tamper'],
  },
  Wire: {
    description: "Eve's view: a sequence diagram and every item that crossed the wire in this lesson's lab, as bytes.",
    props: {},
    children: false,
    example: {},
  },
  NonceReuse: {
    description:
      "Seals two messages the learner types under one key and one nonce; shows ct1 ⊕ ct2 = pt1 ⊕ pt2 and Eve recovering message 2 from message 1. Uses its own fresh key, not the lab's.",
    props: {},
    children: false,
    example: {},
    actions: ['nonce-reuse'],
  },
  KeyPipeline: {
    description:
      "The path of one message as a picture, from the lesson lab's own values (it computes nothing): X25519 (Alice's secret key, Bob's public key → the shared secret), HKDF-SHA256 (salt, info, PRK → the message key), ChaCha20-Poly1305 (key, nonce, associated data, plaintext → ciphertext ‖ tag) and Bob's open (his key, what arrived → the text, or the refusal). Stages appear as the learner reaches them with the widgets above; until then it names the next button to press. Short hex excerpts, every byte on \"Show the bytes\". No actions.",
    props: {},
    example: {},
    children: false,
  },
  SelfTest: {
    description:
      '"Prove it\'s real": runs the RFC 7748 §6.1 X25519 vector live through the code that makes the lab\'s keys.',
    props: {},
    children: false,
    example: {},
  },

  // Lesson 4 (end-to-end).
  Conversation: {
    description:
      "Alice and Bob chat through the relay server. Needs the lesson's Alice and Bob key pairs (from <KeyPair> earlier in the lesson; if one is missing it says which to generate). With the first message each phone hands its public key to the server, which passes it on; each phone then derives the conversation key on its own (static key agreement, lib/protocol static-session.ts: X25519 of its identity secret key and the other's public key, HKDF-SHA256). The learner picks who writes (\"Who writes?\": Alice or Bob), types in \"Message from <sender> to <recipient>\" and presses \"Send through the server\". The sender's client (lib/protocol sendMessage) seals an envelope: a header (sender, recipient, conversation, counter, time sent) that is the AEAD's associated data, and ChaCha20-Poly1305 ciphertext ‖ tag; the 12-byte nonce is direction ‖ counter, computed from the header on both phones and never sent. The relay logs the envelope and forwards it; the recipient's client (receiveMessage) opens it, and the thread shows the text under the recipient's name (or the refusal). Shows a sequence diagram (Alice → Server → Bob, Eve on every link) and the latest envelope's header, nonce and ciphertext ‖ tag. Every public key and envelope enters the lab's wire log on both hops (sender to server, server to recipient), so <Wire /> and <ServerView /> show them. A new key pair starts the conversation over. Reports `send` after each message the recipient opened.",
    props: {},
    children: false,
    example: {},
    actions: ['send'],
  },
  ServerView: {
    description:
      "What the relay server holds for this lesson's <Conversation />: the key material it has (the two public keys it relayed), then one row per stored envelope (#, sender, recipient, time received on the server's clock, size in bytes of ciphertext ‖ tag, the ciphertext's first bytes; no plaintext column) with an \"Envelope to inspect\" picker showing that envelope's header and ciphertext ‖ tag as byte views. It then runs real decryption with every key the server can make from what it holds (each public key, and HKDF of X25519 with one public key in place of a secret) on every stored envelope and reports how many opened (none). Below, computed from the same rows: messages and bytes per pair of users and per direction, first and last time seen, the gaps between messages, total bytes and each message's length (size − 16). Updates live as <Conversation /> sends. No actions.",
    props: {},
    children: false,
    example: {},
  },

  LowOrderKey: {
    description:
      "Bob receives a public key the learner picks (\"Public key Bob receives\": Alice's public key from the lesson's <KeyPair>, or one of the five canonical low-order points, lib/crypto/low-order-points.ts) and \"Bob computes X25519 with this key\" runs the lab's X25519 (lib/crypto/x25519.ts sharedSecret) with Bob's secret key: Alice's key gives a shared secret (shown as bytes); a low-order point is refused with the lab's message (RFC 7748 §6.1). Reports `low-order:refused` on a refusal.",
    props: {},
    example: {},
    children: false,
    actions: ['low-order:refused'],
  },

  // Lesson 5 (forward-secrecy).
  DeviceTheft: {
    description:
      'A 10-message conversation between Alice and Bob (alternating turns from Alice, one every 7 simulated minutes from 09:00; the texts are editable under "Edit the messages") in the mode given by the prop, run with lib/protocol\'s device code and recorded on the wire. static: every message key comes from X25519 of the two identity key pairs (the lesson\'s <KeyPair> keys) and HKDF. ratchet: lib/protocol\'s Double Ratchet (after a simplified X3DH with a prekey Bob publishes): each new turn the sender makes a fresh X25519 ratchet key pair, mixes the new DH output into a root key with HKDF, derives the turn\'s message keys from a chain key with HMAC, and deletes each message key once used. The learner picks "Bob\'s phone is stolen right after message" (1 to 9) and presses "Steal Bob\'s phone": the thief copies exactly the key material on the phone at that moment (device snapshot: identity secret key; static: the conversation key; ratchet: root key, chain keys, current ratchet secret key; never a deleted key), shown as byte views, then only listens. lib/protocol\'s decryption run tries every recorded message with what the thief holds and can derive from it and the wire. A timeline lists each message as opened (with the recovered text) or not opened (tag rejected, or no key to try), marks the theft and, in ratchet mode, the first message under a ratchet key pair Bob\'s phone made after the theft (healing), with totals "Before the theft: x of n earlier messages opened" and "After the theft: y of m opened". Each instance is independent and keeps its recording, so a second theft point can be tried on the same conversation. Reports `theft:<mode>`.',
    props: {
      mode: { description: 'Key agreement of the conversation', required: true, values: ['static', 'ratchet'] },
    },
    children: false,
    example: { mode: 'ratchet' },
    actions: ['theft:{mode}'],
  },

  RatchetHealing: {
    description:
      "Healing, caused by the learner. \"Record four messages and steal Bob's phone\" runs a ratchet conversation between the lesson's Alice and Bob (lib/protocol two-party-conversation, Alice first, turn about) and copies Bob's phone right after message 4. \"Alice writes\" and \"Bob writes\" add one message each (up to 8); after each, lib/protocol's decryption run tries every recorded message with what the phone held, and the timeline (TheftReport) marks each opened or not and the first message Bob sent under a ratchet key pair made after the theft. Bob's messages on his old chain and Alice's replies open; from Bob's first message after Alice's new ratchet key, nothing does. Reports `ratchet:healed` once two or more messages from the healing point on were tried and none opened.",
    props: {},
    example: {},
    children: false,
    actions: ['ratchet:healed'],
  },
  RatchetChains: {
    description:
      'The Double Ratchet\'s chains as a picture (lib/scenarios/ratchet-chains.ts): "Run the conversation" has Alice send 2 messages, Bob 3, Alice 2 through lib/protocol\'s ratchet (simplified X3DH, fresh key pairs). Each turn, revealed with "Next turn", shows the sender\'s root key and new ratchet public key, then the chain: chain key n → message key n (HMAC(chain key, 0x01)), chain keys left to right (HMAC(chain key, 0x02)), and whether the receiver derived the same message key. Short hex excerpts. No actions.',
    props: {},
    example: {},
    children: false,
  },

  // Lesson 6 (exceptional-access).
  EscrowSwitch: {
    description:
      "One message from Alice to Bob, sealed by the real client (lib/protocol/device.ts, static key agreement from the lesson's Alice and Bob key pairs, as in lessons 2-3) twice: with escrow off and with escrow on, side by side. The learner types the text and turns \"Escrow\" on (a switch) or presses \"Seal the message\"; the first switch-on creates the escrow authority's X25519 key pair (public key shown; secret key kept by the authority, shown masked). With escrow on the envelope gains the escrow field: the epoch header, the epoch key sealed to the authority with HPKE base mode (RFC 9180; DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305; info = \"backdoor-lab escrow v1\" ‖ epoch header, aad = epoch header) as enc (32 bytes) and the sealed key (48 bytes), and this message's key wrapped under the epoch key's chain (48 bytes, aad = the header), with each envelope's size by part. Header, nonce, ciphertext and tag are computed the same way; the widget notes that the ciphertext is identical and the tag differs (the header now names the escrow epoch). A table shows who opens each envelope, found by trying: Alice, Bob (his client's receive path), the server (no key) and the authority (its escrow key, through lib/protocol's decryption run). Needs the lesson's Alice and Bob key pairs (says which to generate). Reports `escrow:on`.",
    props: {},
    children: false,
    example: {},
    actions: ['escrow:on'],
  },
  EscrowPipeline: {
    description:
      'The escrow wrap as a picture the learner steps through with real values (lib/scenarios/escrow-pipeline.ts). "Send three messages with escrow on" has Alice\'s real client (static mode, the lesson\'s Alice and Bob key pairs; says which to generate if one is missing) send Bob three messages escrowed to a fresh authority key; the third one\'s escrow field is then followed in six stages, revealed with Next / Back: the message sealed as always (message key, ciphertext ‖ tag); the epoch key sealed to the authority with HPKE (epoch header as aad, dh, HPKE key and nonce, enc, sealed epoch key); the wrap chain (chain keys by HMAC-SHA256 to this message\'s wrap key); the wrap (wrapped key, aad = message header); the envelope on the wire; and the authority opening it (the same dh from its secret key and enc, the epoch key, the unwrapped message key, the text). Each stage shows short hex excerpts and every byte on "Show the bytes". Reports `escrow-pipeline` when the last stage is shown.',
    props: {},
    example: {},
    children: false,
    actions: ['escrow-pipeline'],
  },
  Warrant: {
    description:
      'The authority\'s side of exceptional access. "Record the day\'s traffic" builds an escrowed world (lib/protocol/world.ts: Alice, Bob and Carol, 12 messages over one simulated day, ratchet mode, escrow on) and lists the relay\'s record of it (time, sender → recipient, size; no text). The learner fills in a warrant: a target (Alice, Bob or Carol) and a time window (from, to, by the hour). "Execute the warrant" runs the authority\'s software (decrypt-capture with the warrant): it opens the escrow field of each message that involves the target inside the window, decrypts those, and refuses the rest; the table marks each message as opened under the warrant (with its text) or untouched, with counts (reports `warrant` when the warrant covered at least one message and all of them opened). "Try the same key on the other messages" runs the same decryption without the check on every message outside the warrant and counts what opens (reports `warrant:beyond`): the limits are checks in the authority\'s software, not a property of the key. Runs in a Web Worker.',
    props: {},
    children: false,
    example: {},
    actions: ['warrant', 'warrant:beyond'],
  },

  // Lesson 7 (steal-the-key).
  AttackConsole: {
    description:
      'The thief\'s console over an escrowed world that the relay has recorded: Alice, Bob and Carol in three conversations (ratchet mode, escrow on, about 12 messages each over two simulated days). Instances in one lesson with the same `authorities` value share one world and one wallet, so a later step continues where an earlier one left off. Capabilities are buttons that add their loot to the wallet: "Tap the wire" (every envelope in transit; reports `capability:wire`), "Take over the server" (stored envelopes and their metadata; `capability:server`), "Steal Bob\'s phone" (its key material now; `capability:device`), and "Steal the escrow key" after choosing how (insider, breach or phishing: the choice changes only the story text; `steal:escrow`). "Decrypt everything captured" runs real decryption of every captured envelope with everything in the wallet and shows opened / failed counts per conversation and per user, and how many of the opened messages were sent before the theft (reports `decrypt-all`, and also `decrypt-all:escrow` when the wallet holds an escrow key). With authorities="two", every envelope carries two escrow fields, one per government (the Government of Northland and the Government of Southland, each with its own HPKE key pair), and the steal button becomes one per government, named as the world names it; stealing the Government of Southland\'s key reports `steal:escrow-second`, and either key alone opens every message.',
    props: {
      authorities: {
        description: 'How many escrow authorities each envelope is sealed to (default "one")',
        values: ['one', 'two'],
      },
    },
    children: false,
    example: { authorities: 'one' },
    actions: [
      'capability:wire',
      'capability:server',
      'capability:device',
      'steal:escrow',
      'steal:escrow-second',
      'decrypt-all',
      'decrypt-all:escrow',
    ],
  },
  Forge: {
    description:
      "The thief writes a message Alice never sent. The widget has Alice's real client (ratchet mode) send Bob an escrowed envelope and gives the thief, who holds the relay, a copy of the authority's escrow secret key. \"Forge and deliver to Bob\" opens the envelope's escrow field (HPKE open of the epoch key, the wrap chain, unwrap), recovers the message key, seals the learner's text (default \"Change of plan: send the files to this address instead\") under that key with the same header, and delivers it in place of the original; Bob's ordinary client (the receive path, from its state before the original arrived) derives the same key, the tag verifies, and the text is shown in Bob's phone as from Alice (reports `forge`). With the switch \"Escrow\" off the same attempt runs on an envelope without an escrow field: there is no key to recover, so the thief makes the best keyless attempt, editing the ciphertext in place as if it knew Alice's text exactly, and Bob's client rejects the tag (reports `forge:no-escrow`). Runs in a Web Worker.",
    props: {},
    children: false,
    example: {},
    actions: ['forge', 'forge:no-escrow'],
  },
  BlastRadius: {
    description:
      "Three worlds side by side, each generated and run by the widget from the same script (Alice, Bob and Carol, three conversations, messages before and after a compromise time T): static keys without escrow, ratchet without escrow, ratchet with escrow. For each world and each compromise at T (Bob's phone stolen; the escrow key stolen), the thief decrypts every recorded envelope with its loot, and the grid shows messages opened / total, sent before T and after T, the users and conversations exposed, and whether a message the thief forges is accepted. Every number is the result of running decryption or the recipient's tag check. No actions.",
    props: {},
    children: false,
    example: {},
  },
  EscrowBinding: {
    description:
      "One line of escrow code and what it decides. Alice sends two escrowed messages (1 to Bob, 2 to Carol). A radio group chooses how the escrow field is sealed: \"bound\" (lib/protocol's construction: HPKE info = \"backdoor-lab escrow v1\" ‖ epoch header, aad = epoch header; the message key wrapped with the message header as aad) or \"unbound\" (a deliberately broken variant computed live: HPKE info = the label alone, empty aad, wrap without aad). \"Seal two messages\" runs the normal check in that setting: the authority's software opens each message through its own field, stage by stage (field names this message, HPKE open, unwrap, decrypt), and both pass; Bob's and Carol's clients accept. \"Move message 1's escrow field onto message 2\" does what a faulty or rogue client could: it puts message 1's sealed epoch key and wrapped key into message 2's field, keeping message 2's epoch header, and the authority executes a warrant on message 2. Unbound: every escrow stage passes, the key is message 1's, and message 2's tag fails: lawful access is silently lost (reports `blob-swap:unbound`). Bound: HPKE open fails at once, because the field was sealed under another message's epoch header (reports `blob-swap:bound`). In both settings Carol's client accepts message 2: it never checks the escrow field. Runs in a Web Worker.",
    props: {},
    children: false,
    example: {},
    actions: ['blob-swap:unbound', 'blob-swap:bound'],
  },

  // Lesson 8 (split-keys).
  ShamirCurve: {
    description:
      'Shamir\'s secret sharing as a picture (lib/scenarios/polynomial-shares.ts): a small key (1 to 30) is the value at 0 of a random polynomial of degree 2, and five agencies each hold one point (i, f(i)). The learner ticks which shares the thief holds ("Agency i\'s share"). With one or two points, four dashed curves of degree 2 pass through them and reach -20, -5, 10 and 25 at 0: the key could be anything. With three or more, one curve remains and its value at 0, computed exactly by Lagrange interpolation, is the key. "New key and polynomial" starts over. Drawn over ordinary numbers; the lab\'s split (shamir-secret-sharing) works byte by byte in GF(2^8). Reports `shamir-curve` when three shares fix the key.',
    props: {},
    example: {},
    children: false,
    actions: ['shamir-curve'],
  },
  SplitKeys: {
    description:
      'The escrow authority\'s secret key (X25519, 32 bytes) split among agencies, with recorded escrowed traffic to test keys on (lib/protocol/world.ts: 10 messages, ratchet mode, escrow on; lib/protocol/escrow-setup.ts does the split). scheme="xor": two components as in Clipper, KU1 = 32 random bytes and KU2 = key ⊕ KU1, held by NIST and the Treasury. scheme="shamir": k-of-n Shamir shares (shamir-secret-sharing 0.0.4; default 2 of 3, the learner may choose k and n from 2 to 5). "Split the key" shows the key, every piece and who holds it (reports `split:<scheme>`). The thief ticks the agencies it breaks into; "Recombine and decrypt" combines whatever it holds, shows the recombined value and its public key, runs the named check (publicKeyFromSecret(recombined secret) == escrow public key) and tries the value on the recorded traffic by real decryption, showing messages opened / total; when the check passes and everything opens it reports `stolen:<scheme>`. "Use the key (warrant)" shows the authority\'s own recombination of k pieces: the whole key in one place again. For Shamir, "Corrupt a share and recombine" flips one bit of the chosen share before the authority recombines k shares: the result fails the named check (and opens nothing), so the bad share is detected instead of silently giving a wrong key (reports `split:bad-share`). Instances in one lesson with the same scheme share their key, shares and thief. Runs in a Web Worker.',
    props: {
      scheme: { description: 'How the key is split', required: true, values: ['xor', 'shamir'] },
    },
    children: false,
    example: { scheme: 'shamir' },
    actions: ['split:{scheme}', 'stolen:{scheme}', 'split:bad-share'],
  },

  // Evasion (exceptional-access), mitigations, ghost-user.
  EscrowEvasion: {
    description:
      "Alice's message (editable) sent to Bob by three clients running lib/protocol's send path (static key agreement): compliant (escrow on), modified with the escrow code removed (no escrow field), and modified to fill the escrow field with random bytes of the right lengths. For each, Bob's ordinary client receives it (all three accepted: it never checks the escrow field) and the authority executes a warrant on Alice for the day (HPKE open, unwrap, decrypt: only the compliant one opens). lib/scenarios/evasion.ts, run in a Web Worker (lib/design-lab). Reports `evasion`.",
    props: {},
    example: {},
    children: false,
    actions: ['evasion'],
  },
  Mitigation: {
    description:
      "The steal-the-key theft (noon, day 4 of 6; Alice, Bob and Carol, 36 messages) against one escrow design (lib/scenarios/mitigations.ts, run in a Web Worker: lib/design-lab): none (one global key), rotation (a key per day, deleted a day later), per-user (sealed to the sender's and the recipient's own keys; Bob's is stolen), decryption-only (only an encryption key is escrowed; a MAC key stays on the phones), threshold (threshold ElGamal on ristretto255, 2 of 3 agencies; the learner picks one or two robbed), public-log (an insider opens through the logged service). \"Steal, then decrypt everything\" decrypts every message with what the thief took and shows opened / total before and after the theft, per conversation, whether Bob's client accepts a forgery, the log's entries, and what risk remains. Reports `mitigation:<design>`.",
    props: {
      design: {
        description: 'Which escrow design',
        required: true,
        values: ['none', 'rotation', 'per-user', 'decryption-only', 'threshold', 'public-log'],
      },
    },
    example: { design: 'threshold' },
    children: false,
    actions: ['mitigation:{design}'],
  },
  MitigationChart: {
    description:
      'Runs the theft of <Mitigation /> against all six designs in turn and draws messages exposed per design as SVG bars (opened of 36), with the forgery verdict, logged openings and the risk that remains. Reports `mitigation-chart`.',
    props: {},
    example: {},
    children: false,
    actions: ['mitigation-chart'],
  },
  GhostGroup: {
    description:
      "A group chat (Alice, Bob, Carol) with client fan-out: Alice's client encrypts the message once and HPKE-wraps its key to every member on the roster. \"Add the ghost silently, then send\" has the server add a ghost (the authority's, or with holder=\"thief\" a thief's) with no join notice, signed with the provider's own Ed25519 key; Alice sends the learner's text. Shows whether the roster change was taken, the join notices (none), whom the key was wrapped to, who decrypted the message, and the group's safety number (a SHA-256 roster fingerprint) before and now. A checkbox turns on signed membership: a change counts only if a current member signed it, so the server's addition is refused. lib/scenarios/ghost-group.ts, run in a Web Worker (lib/design-lab). Reports `ghost:read`, `ghost:refused`, `ghost:stolen`.",
    props: {
      holder: { description: 'Who holds the ghost (default "authority")', values: ['authority', 'thief'] },
    },
    example: { holder: 'authority' },
    children: false,
    actions: ['ghost:read', 'ghost:refused', 'ghost:stolen'],
  },
} as const satisfies Record<string, WidgetSpec>;

/** Names in the vocabulary, built or planned. */
export type VocabularyName = keyof typeof widgetSpecs;

/** Names of the widgets that exist: the keys the component registry must provide. */
export type WidgetName = {
  [K in VocabularyName]: (typeof widgetSpecs)[K] extends { planned: true } ? never : K;
}[VocabularyName];
