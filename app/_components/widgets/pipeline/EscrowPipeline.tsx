'use client';
/**
 * The escrow wrap, stepped through with real values (lib/scenarios/escrow-pipeline.ts): Alice's
 * client sends Bob three messages with escrow on, and the learner follows the third one's escrow
 * field from the message key to the envelope and back out through the authority's key. Reports
 * `escrow-pipeline` once the last stage is shown. Spec: lib/lessons/widget-names.ts.
 */
import { useCallback, useState } from 'react';
import { utf8ToBytes } from '@/lib/crypto/bytes';
import { createLabAuthority } from '@/lib/scenarios/lab-people';
import { traceEscrowPipeline, type EscrowPipelineTrace } from '@/lib/scenarios/escrow-pipeline';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorIcon } from '../../actors';
import { useLab, useLabStore } from '../crypto/lab-hooks';
import w from '../crypto/widgets.module.css';
import { PipelineView, type PipelineStage } from './PipelineView';

const TEXTS = ['Running late, sorry', 'Still on for tonight?', 'Meet me at the station at 9'];

function stagesOf(t: EscrowPipelineTrace): PipelineStage[] {
  const escrow = t.envelope.escrow!;
  const seal = escrow.epochBlob.seals[0]!;
  const hpke = (name: string) => t.hpke.find((v) => v.name === name)!;
  const node = (name: string, label: string, actor?: 'alice' | 'escrow') => ({
    label,
    value: hpke(name).bytes,
    from: hpke(name).from,
    secret: hpke(name).secret,
    actor,
  });
  const link = t.chain[t.position]!;
  return [
    {
      id: 'message',
      title: "Alice's message, sealed as always",
      op: '',
      caption: `Message ${t.position + 1} of the epoch. The client seals it with the conversation's message key (X25519, then HKDF, as in the earlier lessons); escrow does not change this part.`,
      inputs: [
        { label: 'text', value: utf8ToBytes(t.text), from: 'what Alice typed', text: t.text, actor: 'alice' },
        { label: 'message key', value: t.trafficKey, from: 'HKDF of X25519(Alice, Bob)', secret: true, actor: 'alice' },
      ],
      outputs: [{ label: 'ciphertext ‖ tag', value: t.envelope.ciphertext, from: 'ChaCha20-Poly1305, aad = header' }],
    },
    {
      id: 'hpke',
      title: 'The epoch key, sealed to the authority (HPKE)',
      op: 'HPKE base mode: X25519 → HKDF → ChaCha20-Poly1305',
      caption:
        "Once per epoch the phone draws a random epoch key and seals it to the authority's public key: a fresh ephemeral key pair (its public half is enc), X25519 with the authority's key, HKDF into a key and nonce, then the AEAD. info names the epoch; aad is the epoch header. (The lab's HPKE is RFC 9180 base mode, simplified: one seal per epoch.)",
      inputs: [
        {
          label: 'epoch key',
          value: t.epochKey,
          from: "32 random bytes from Alice's phone",
          secret: true,
          actor: 'alice',
        },
        {
          label: 'epoch header (aad)',
          value: t.epochHeaderBytes,
          from: 'conversation, sender, recipient, epoch, start',
        },
        node('dh', 'dh = X25519(ephemeral, authority)'),
        node('key', 'HPKE key'),
        node('base_nonce', 'HPKE nonce'),
      ],
      outputs: [
        node('enc', 'enc (ephemeral public key)'),
        {
          label: 'sealed epoch key',
          value: seal.ciphertext,
          from: 'ChaCha20-Poly1305(key, base_nonce, aad, epoch key)',
        },
      ],
    },
    {
      id: 'chain',
      title: 'The wrap chain',
      op: 'HMAC-SHA256 steps (one-way)',
      caption: `Each message of the epoch takes the next link of a one-way chain from the epoch key: chain key → (next chain key, wrap key). This message is link ${t.position}; the phone keeps only the current link, so it cannot go back.`,
      inputs: t.chain.map((l) => ({
        label: `chain key ${l.position}`,
        value: l.chainKey,
        from: l.position === 0 ? 'the epoch key' : `HMAC-SHA256(chain key ${l.position - 1}, 0x02)`,
        secret: true,
      })),
      outputs: [
        {
          label: `wrap key ${link.position}`,
          value: link.wrapKey,
          from: `HMAC-SHA256(chain key ${link.position}, 0x01)`,
          secret: true,
        },
      ],
    },
    {
      id: 'wrap',
      title: 'The message key, wrapped',
      op: 'ChaCha20-Poly1305 (wrap key, aad = message header)',
      caption:
        "The message key is sealed under the wrap key with the message's own header as associated data, so the wrap opens only on this message.",
      inputs: [
        { label: 'message key', value: t.trafficKey, from: 'stage 1', secret: true, actor: 'alice' },
        {
          label: 'message header (aad)',
          value: t.headerBytes,
          from: 'sender, recipient, conversation, counter, time, epoch',
        },
      ],
      outputs: [
        {
          label: 'wrapped key',
          value: escrow.wrappedKey,
          from: 'ChaCha20-Poly1305(wrap key, counter, header, message key)',
        },
      ],
    },
    {
      id: 'envelope',
      title: 'The envelope on the wire',
      op: 'concatenated',
      caption: `Header, ciphertext and tag as before, plus the escrow field: the epoch header, enc, the sealed epoch key and the wrapped key. Bob's client ignores the field.`,
      inputs: [],
      outputs: [
        { label: 'header', value: t.headerBytes, from: 'the message header' },
        { label: 'ciphertext ‖ tag', value: t.envelope.ciphertext, from: 'stage 1' },
        { label: 'escrow: epoch header', value: t.epochHeaderBytes, from: 'stage 2' },
        { label: 'escrow: enc', value: seal.enc, from: 'stage 2' },
        { label: 'escrow: sealed epoch key', value: seal.ciphertext, from: 'stage 2' },
        { label: 'escrow: wrapped key', value: escrow.wrappedKey, from: 'stage 4' },
      ],
    },
    {
      id: 'authority',
      title: 'The authority opens it',
      op: "X25519(authority's secret, enc) → the same path backwards",
      caption:
        'With its secret key and enc the authority computes the same dh, so the same HPKE key: it opens the epoch key, walks the chain to this link, unwraps the message key, and reads the message. Anyone holding that secret key can do the same.',
      inputs: [
        {
          label: 'dh (recomputed)',
          value: hpke('dh').bytes,
          from: "X25519(authority's secret key, enc)",
          secret: true,
          actor: 'escrow',
        },
        {
          label: 'epoch key (opened)',
          value: t.epochKey,
          from: 'HPKE open of the sealed epoch key',
          secret: true,
          actor: 'escrow',
        },
        {
          label: 'message key (unwrapped)',
          value: t.unwrappedKey,
          from: `unwrap with wrap key ${t.position}`,
          secret: true,
          actor: 'escrow',
        },
      ],
      outputs: [
        {
          label: 'text',
          value: utf8ToBytes(t.plaintext),
          from: 'ChaCha20-Poly1305 open: the tag verified',
          text: t.plaintext,
          actor: 'escrow',
        },
      ],
    },
  ];
}

export function EscrowPipeline() {
  const store = useLabStore();
  const alice = useLab((s) => s.keys.alice);
  const bob = useLab((s) => s.keys.bob);
  const [trace, setTrace] = useState<EscrowPipelineTrace | null>(null);
  const [error, setError] = useState<string | null>(null);
  const finished = useCallback(() => recordLessonAction('escrow-pipeline'), []);

  const run = () => {
    if (!alice || !bob) {
      setError(
        `Generate ${[!alice && "Alice's", !bob && "Bob's"].filter(Boolean).join(' and ')} key pair first (the "Two key pairs" step).`,
      );
      return;
    }
    const random = store.getState().random;
    try {
      setTrace(traceEscrowPipeline({ alice, bob, authority: createLabAuthority(random), texts: TEXTS, random }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className={w.widget} aria-label="The escrow wrap, step by step">
      <h3 className={w.title}>
        <ActorIcon actor="escrow" /> The escrow wrap, step by step
      </h3>
      <p className={w.hint}>
        Alice sends Bob three messages with escrow on, to a fresh authority key; follow the third one&apos;s key into
        its envelope and back out.
      </p>
      <div className={w.actions}>
        <button type="button" className={trace ? undefined : 'primary'} onClick={run}>
          {trace ? 'Send them again (new keys)' : 'Send three messages with escrow on'}
        </button>
      </div>
      {error && (
        <p role="alert" className={w.error}>
          {error}
        </p>
      )}
      {trace && (
        <PipelineView
          key={trace.envelope.ciphertext.join(',')}
          label="The escrow wrap"
          stages={stagesOf(trace)}
          stepwise
          onFinished={finished}
        />
      )}
    </section>
  );
}
