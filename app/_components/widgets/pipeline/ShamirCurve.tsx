'use client';
/**
 * Shamir's secret sharing as a picture (lib/scenarios/polynomial-shares.ts): the key is the value
 * at 0 of a random polynomial of degree k − 1, each agency holds one point. The learner picks which
 * shares the thief holds; below k, curves through the held points reach any value at 0 (four are
 * drawn); at k, one curve remains and its value at 0, computed exactly, is the key. Drawn over
 * ordinary numbers; the lab's real split works byte by byte in GF(2^8). Reports `shamir-curve`
 * when k shares fix the key. Spec: lib/lessons/widget-names.ts.
 */
import { useId, useMemo, useState } from 'react';
import { csprng, seededRandom } from '@/lib/crypto/random';
import {
  curvesThrough,
  interpolateAt,
  interpolateAtFloat,
  splitIntoPoints,
  type SharePoint,
} from '@/lib/scenarios/polynomial-shares';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorIcon } from '../../actors';
import { currentSeed } from '../../seed/use-seed';
import w from '../crypto/widgets.module.css';
import styles from './shamir.module.css';

const K = 3;
const N = 5;
/** Candidate keys drawn below the threshold: fixed, so they say nothing about the real one. */
const CANDIDATES = [-20, -5, 10, 25];
const WIDTH = 600;
const HEIGHT = 320;
const PAD = { left: 48, right: 16, top: 16, bottom: 32 };

function newPolynomial(round: number) {
  const seed = currentSeed();
  const random = seed ? seededRandom(`${seed}|shamir-curve|${round}`) : csprng();
  const secret = 1 + (random.bytes(1)[0]! % 30);
  return splitIntoPoints(secret, K, N, random);
}

export function ShamirCurve() {
  const id = useId();
  const [round, setRound] = useState(0);
  const poly = useMemo(() => newPolynomial(round), [round]);
  const [held, setHeld] = useState<ReadonlySet<number>>(new Set());
  const points = poly.shares.filter((s) => held.has(s.x));
  const fixed = points.length >= K;
  const recovered = fixed ? interpolateAt(points, 0) : null;
  const curves: { key: string; points: readonly SharePoint[]; at0: number }[] = fixed
    ? [{ key: 'fixed', points, at0: Number(recovered!.num) / Number(recovered!.den) }]
    : points.length > 0
      ? curvesThrough(points, K, CANDIDATES).map((c) => ({ key: String(c.secret), points: c.points, at0: c.secret }))
      : [];

  // y range: the held points, the curves' values at 0, and a margin; the plot clips anything beyond.
  const ys = [...points.map((p) => p.y), ...curves.map((c) => c.at0), 0];
  const yMin = Math.min(...ys) - 10;
  const yMax = Math.max(...ys) + 10;
  const sx = (x: number) => PAD.left + ((x + 0.3) / (N + 0.6)) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) => PAD.top + ((yMax - y) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const path = (pts: readonly SharePoint[]) => {
    const d: string[] = [];
    for (let i = 0; i <= 80; i++) {
      const x = -0.3 + (i / 80) * (N + 0.6);
      d.push(`${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(interpolateAtFloat(pts, x)).toFixed(1)}`);
    }
    return d.join(' ');
  };

  const toggle = (x: number) => {
    const next = new Set(held);
    if (next.has(x)) next.delete(x);
    else next.add(x);
    setHeld(next);
    if (next.size >= K) recordLessonAction('shamir-curve');
  };

  const summary = fixed
    ? `${points.length} points fix the curve: its value at 0 is ${recovered!.num}${recovered!.den === 1n ? '' : `/${recovered!.den}`}, the key (exact, by Lagrange interpolation).`
    : points.length === 0
      ? `Pick shares for the thief. The key is the curve's value at 0; ${K} of the ${N} points fix the curve.`
      : `With ${points.length} of the ${K} points needed, a curve of degree ${K - 1} still passes through any value at 0: the four drawn reach ${CANDIDATES.join(', ')}. The key could be any number.`;

  return (
    <section className={w.widget} aria-label="Shares as points on a curve">
      <h3 className={w.title}>
        <ActorIcon actor="escrow" /> Shares as points: {K} of {N} fix the curve
      </h3>
      <fieldset className={styles.shares}>
        <legend>Shares the thief holds</legend>
        {poly.shares.map((s) => (
          <label key={s.x} className={styles.shareOption}>
            <input type="checkbox" checked={held.has(s.x)} onChange={() => toggle(s.x)} />
            Agency {s.x}&apos;s share{held.has(s.x) ? ` (${s.x}, ${s.y})` : ''}
          </label>
        ))}
      </fieldset>
      <div className={w.actions}>
        <button
          type="button"
          onClick={() => {
            setRound(round + 1);
            setHeld(new Set());
          }}
        >
          New key and polynomial
        </button>
      </div>
      <svg
        className={styles.plot}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-summary`}
        data-testid="shamir-plot"
      >
        <defs>
          <clipPath id={`${id}-clip`}>
            <rect
              x={PAD.left}
              y={PAD.top}
              width={WIDTH - PAD.left - PAD.right}
              height={HEIGHT - PAD.top - PAD.bottom}
            />
          </clipPath>
        </defs>
        <line className={styles.axis} x1={sx(0)} x2={sx(0)} y1={PAD.top} y2={HEIGHT - PAD.bottom} />
        <line className={styles.axis} x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(0)} y2={sy(0)} />
        {poly.shares.map((s) => (
          <text key={s.x} className={styles.tick} x={sx(s.x)} y={HEIGHT - 8} textAnchor="middle">
            {s.x}
          </text>
        ))}
        <text className={styles.tick} x={sx(0)} y={HEIGHT - 8} textAnchor="middle">
          0
        </text>
        <g clipPath={`url(#${id}-clip)`}>
          {curves.map((c) => (
            <path
              key={`${round}-${c.key}-${points.length}`}
              className={fixed ? styles.fixed : styles.candidate}
              d={path(c.points)}
            />
          ))}
        </g>
        {curves.map((c) => (
          <g key={`at0-${c.key}`}>
            <circle
              className={fixed ? styles.keyPoint : styles.candidatePoint}
              cx={sx(0)}
              cy={sy(c.at0)}
              r={fixed ? 7 : 4}
            />
            <text
              className={fixed ? styles.keyLabel : styles.candidateLabel}
              x={sx(0) - 10}
              y={sy(c.at0) + 4}
              textAnchor="end"
            >
              {fixed ? `key ${c.at0}` : c.at0}
            </text>
          </g>
        ))}
        {points.map((p) => (
          <g key={p.x}>
            <circle className={styles.share} cx={sx(p.x)} cy={sy(p.y)} r={7} />
            <text className={styles.pointLabel} x={sx(p.x)} y={sy(p.y) - 12} textAnchor="middle">
              ({p.x}, {p.y})
            </text>
          </g>
        ))}
      </svg>
      <p id={`${id}-summary`} className={fixed ? styles.found : w.hint} aria-live="polite" data-testid="shamir-summary">
        {summary}
      </p>
      <p className={w.hint}>
        Drawn over ordinary numbers so the curve can be seen; the lab&apos;s split (shamir-secret-sharing) does the same
        byte by byte in a finite field, where no picture fits but the counting is the same.
      </p>
    </section>
  );
}
