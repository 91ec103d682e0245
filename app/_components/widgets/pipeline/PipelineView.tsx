'use client';
/**
 * A pipeline drawn as boxes joined by arrows, each box one operation with the real values that
 * went in and came out. Values show as a short hex excerpt (whole 4-byte groups); every byte is one
 * press away ("Show the bytes" opens the stage's byte views). With `stepwise`, the learner reveals
 * one stage at a time (Next / Back); a newly shown stage fades in unless reduced motion is asked
 * for. `onFinished` runs when the last stage is shown.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { bytesToHex } from '@/lib/crypto/bytes';
import type { ActorId } from '../../actors';
import { ActorIcon } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import styles from './pipeline.module.css';

/** One value in a stage. */
export interface PipelineNode {
  readonly label: string;
  readonly value: Uint8Array;
  readonly from: string;
  readonly actor?: ActorId;
  readonly secret?: boolean;
  /** Shown as text (a plaintext) rather than hex in the excerpt. */
  readonly text?: string;
}

/** One operation: what it takes, what it makes. */
export interface PipelineStage {
  readonly id: string;
  readonly title: string;
  /** The operation on the arrow into this stage, e.g. "X25519" or "HKDF-SHA256". */
  readonly op: string;
  readonly caption: string;
  readonly inputs: readonly PipelineNode[];
  readonly outputs: readonly PipelineNode[];
}

function excerpt(node: PipelineNode): string {
  if (node.text !== undefined) return `"${node.text}"`;
  const groups = bytesToHex(node.value.subarray(0, 8)).match(/.{1,8}/g) ?? [];
  return `${groups.join(' ')}${node.value.length > 8 ? ' …' : ''}`;
}

function Node({ node, kind }: { node: PipelineNode; kind: 'in' | 'out' }) {
  return (
    <li className={kind === 'out' ? styles.out : styles.in} data-secret={node.secret || undefined}>
      <span className={styles.nodeLabel}>
        {node.actor && <ActorIcon actor={node.actor} size={14} />} {node.label}
        <span className={styles.len}> · {node.value.length} B</span>
      </span>
      <code className={styles.hex}>{excerpt(node)}</code>
    </li>
  );
}

function Stage({ stage, index }: { stage: PipelineStage; index: number }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li className={styles.stage} data-testid={`pipeline-stage-${stage.id}`}>
      <p className={styles.op} aria-hidden="true">
        <span className={styles.arrow}>↓</span> {stage.op}
      </p>
      <section className={styles.box} aria-labelledby={`${id}-title`}>
        <h4 id={`${id}-title`} className={styles.stageTitle}>
          <span className={styles.stageNumber}>{index + 1}</span> {stage.title}
          <span className="visually-hidden"> ({stage.op})</span>
        </h4>
        <p className={styles.caption}>{stage.caption}</p>
        <div className={styles.flow}>
          {stage.inputs.length > 0 && (
            <ul className={styles.nodes} aria-label="In">
              {stage.inputs.map((n) => (
                <Node key={n.label} node={n} kind="in" />
              ))}
            </ul>
          )}
          {stage.inputs.length > 0 && (
            <span className={styles.into} aria-hidden="true">
              →
            </span>
          )}
          <ul className={styles.nodes} aria-label="Out">
            {stage.outputs.map((n) => (
              <Node key={n.label} node={n} kind="out" />
            ))}
          </ul>
        </div>
        <button type="button" className={styles.more} aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide the bytes' : 'Show the bytes'}
        </button>
        {open &&
          [...stage.inputs, ...stage.outputs].map((n) => (
            <ByteView
              key={n.label}
              label={n.label}
              value={n.value}
              from={n.from}
              actor={n.actor}
              secret={n.secret}
              formats={n.text !== undefined ? ['text', 'hex'] : undefined}
            />
          ))}
      </section>
    </li>
  );
}

/** The pipeline; `stepwise` reveals it one stage at a time. */
export function PipelineView({
  label,
  stages,
  stepwise = false,
  onFinished,
}: {
  label: string;
  stages: readonly PipelineStage[];
  stepwise?: boolean;
  onFinished?: () => void;
}) {
  const [step, setShown] = useState(1);
  // Without stepping, every stage given is shown (a pipeline that grows as the learner acts).
  const shown = stepwise ? step : stages.length;
  const finished = useRef(false);
  const visible = stages.slice(0, shown);
  useEffect(() => {
    if (stages.length > 0 && shown >= stages.length && !finished.current) {
      finished.current = true;
      onFinished?.();
    }
  }, [shown, stages.length, onFinished]);
  return (
    <div className={styles.pipeline}>
      <ol className={styles.stages} aria-label={label}>
        {visible.map((s, i) => (
          <Stage key={s.id} stage={s} index={i} />
        ))}
      </ol>
      {stepwise && (
        <div className={styles.controls}>
          <button type="button" disabled={shown <= 1} onClick={() => setShown(shown - 1)}>
            Back
          </button>
          {shown < stages.length ? (
            <button type="button" className="primary" onClick={() => setShown(shown + 1)}>
              Next: {stages[shown]!.title}
            </button>
          ) : (
            <button type="button" onClick={() => setShown(1)}>
              Start over
            </button>
          )}
          <span className={styles.count} aria-live="polite">
            Stage {shown} of {stages.length}
          </span>
        </div>
      )}
    </div>
  );
}
