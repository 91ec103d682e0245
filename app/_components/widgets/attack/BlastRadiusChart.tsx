/**
 * The blast radius as a picture: per theft, one bar per world spanning every captured message,
 * split at the compromise moment (left: sent before, right: sent after). The filled part is what
 * decryption opened, one pattern per kind of key that opened it, so "which key" reads without
 * colour. Every number comes from the comparison's decryption outcomes (three-worlds.ts); each
 * row's exact counts are text beside the bar and a sentence for screen readers.
 */
import { useId } from 'react';
import type { KeySource } from '@/lib/protocol/opened-by-key';
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { ExposureCounts } from '@/lib/protocol/blast-radius';
import { COMPARED_WORLDS, type ComparisonCellSummary, type ComparisonResult } from '@/lib/scenarios/three-worlds';
import styles from './blast-chart.module.css';

/** How each key source is drawn and named. */
const SOURCES: Record<KeySource, { label: string; fill: 'phone' | 'chain' | 'escrow' }> = {
  'device-static-key': { label: "the phone's static key", fill: 'phone' },
  'device-ratchet-chain': { label: "the phone's ratchet keys", fill: 'phone' },
  'device-escrow-chain': { label: "the phone's escrow wrap chain", fill: 'chain' },
  'escrow-key': { label: 'the escrow key', fill: 'escrow' },
  'conversation-key-from-escrow': { label: 'a key recovered through escrow', fill: 'escrow' },
};

const LEGEND: readonly { fill: 'phone' | 'chain' | 'escrow'; label: string }[] = [
  { fill: 'phone', label: "opened with the phone's own keys (solid)" },
  { fill: 'chain', label: "opened with the phone's escrow wrap chain (stripes)" },
  { fill: 'escrow', label: 'opened with the escrow key (checks)' },
];

function Patterns({ ids }: { ids: Record<'chain' | 'escrow', string> }) {
  return (
    <svg width="0" height="0" className={styles.defs} aria-hidden="true" focusable="false">
      <defs>
        <pattern id={ids.chain} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" className={styles.chainBack} />
          <rect width="4" height="8" className={styles.chainStripe} />
        </pattern>
        <pattern id={ids.escrow} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className={styles.escrowBack} />
          <rect width="4" height="4" className={styles.escrowCheck} />
          <rect x="4" y="4" width="4" height="4" className={styles.escrowCheck} />
        </pattern>
      </defs>
    </svg>
  );
}

interface Segment {
  readonly fill: 'phone' | 'chain' | 'escrow';
  readonly count: number;
}

function segmentsOf(cell: ComparisonCellSummary, side: 'before' | 'after'): Segment[] {
  return cell.openedBy.map((o) => ({ fill: SOURCES[o.source].fill, count: o[side] })).filter((s) => s.count > 0);
}

const of = (c: ExposureCounts | null) => (c ? `${c.opened} of ${c.total}` : 'none');

/** "6 with the phone's ratchet keys, 4 with the phone's escrow wrap chain" */
function byKey(cell: ComparisonCellSummary, side: 'before' | 'after'): string {
  const parts = cell.openedBy.filter((o) => o[side] > 0).map((o) => `${o[side]} with ${SOURCES[o.source].label}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** One world's bar: the before part and the after part, each as wide as its share of the messages. */
function Bar({
  cell,
  total,
  patternIds,
}: {
  cell: ComparisonCellSummary;
  total: number;
  patternIds: Record<'chain' | 'escrow', string>;
}) {
  const pct = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  const fillOf = (f: Segment['fill']) =>
    f === 'phone' ? undefined : `url(#${f === 'chain' ? patternIds.chain : patternIds.escrow})`;
  const beforeTotal = cell.before?.total ?? 0;
  const rects: { x: number; w: number; fill: Segment['fill'] }[] = [];
  for (const [side, start] of [
    ['before', 0],
    ['after', beforeTotal],
  ] as const) {
    let x = start;
    for (const s of segmentsOf(cell, side)) {
      rects.push({ x: pct(x), w: pct(s.count), fill: s.fill });
      x += s.count;
    }
  }
  return (
    <svg className={styles.bar} aria-hidden="true" focusable="false">
      <rect className={styles.track} x="0" y="0" width="100%" height="100%" />
      {rects.map((r, i) => (
        <rect
          key={i}
          className={r.fill === 'phone' ? styles.phone : styles.patterned}
          x={`${r.x}%`}
          y="0"
          width={`${r.w}%`}
          height="100%"
          style={{ fill: fillOf(r.fill) }}
        />
      ))}
      <line className={styles.theft} x1={`${pct(beforeTotal)}%`} x2={`${pct(beforeTotal)}%`} y1="0" y2="100%" />
    </svg>
  );
}

/** The chart: one group per theft, one bar per world. */
export function BlastRadiusChart({ result, victimName }: { result: ComparisonResult; victimName: string }) {
  const base = useId();
  const patternIds = { chain: `${base}-chain`, escrow: `${base}-escrow` };
  const when = formatSimTime(result.compromiseAt);
  return (
    <figure className={styles.chart} aria-labelledby={`${base}-caption`}>
      <figcaption id={`${base}-caption`} className={styles.caption}>
        Messages opened, sent before and after {when} (the line in each bar)
      </figcaption>
      <Patterns ids={patternIds} />
      <ul className={styles.legend} aria-label="Key">
        {LEGEND.map((l) => (
          <li key={l.fill}>
            <svg className={styles.swatch} aria-hidden="true" focusable="false">
              <rect
                width="100%"
                height="100%"
                className={l.fill === 'phone' ? styles.phone : styles.patterned}
                style={{ fill: l.fill === 'phone' ? undefined : `url(#${patternIds[l.fill]})` }}
              />
            </svg>
            {l.label}
          </li>
        ))}
        <li>
          <svg className={styles.swatch} aria-hidden="true" focusable="false">
            <rect width="100%" height="100%" className={styles.track} />
          </svg>
          not opened
        </li>
      </ul>
      <div className={`${styles.world} ${styles.head}`} aria-hidden="true">
        <span />
        <span className={styles.headBar}>
          <span>← sent before {when}</span>
          <span>sent after →</span>
        </span>
        <span className={styles.numbers}>before | after</span>
      </div>
      {result.rows.map((row) => (
        <section key={row.id} className={styles.group} aria-labelledby={`${base}-${row.id}`}>
          <h4 id={`${base}-${row.id}`} className={styles.theftLabel}>
            {row.label}
          </h4>
          <ul className={styles.worlds}>
            {row.cells.map((cell) => {
              const world = COMPARED_WORLDS.find((w) => w.kind === cell.world)!;
              return (
                <li key={cell.world} className={styles.world} data-testid={`chart-${row.id}-${cell.world}`}>
                  <span className={styles.worldLabel} aria-hidden="true">
                    {world.label}
                  </span>
                  <Bar cell={cell} total={cell.counts.total} patternIds={patternIds} />
                  <span className={styles.numbers} aria-hidden="true">
                    <span data-part="before">{of(cell.before)}</span>
                    <span className={styles.sep}> | </span>
                    <span data-part="after">{of(cell.after)}</span>
                  </span>
                  <span className="visually-hidden" data-part="sentence">
                    {world.label}: sent before {when}, {of(cell.before)} opened{byKey(cell, 'before')}; sent after,{' '}
                    {of(cell.after)} opened{byKey(cell, 'after')}.
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <p className={styles.axis} aria-hidden="true">
        Numbers: messages opened of captured. {victimName === '' ? '' : `The phone is ${victimName}'s.`}
      </p>
    </figure>
  );
}
