/**
 * The exposure heat map: one row per user or conversation, one column per time bucket, then
 * before / after the theft and the total. Each cell says "opened/captured" in text; the shading
 * only repeats it (colour is never the only cue).
 */
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { ExposureMatrix, MatrixCell, MatrixRow } from '@/lib/attack-lab/world-messages';
import styles from './attack.module.css';

function shade(c: MatrixCell): string | undefined {
  if (c.total === 0) return undefined;
  const share = c.opened / c.total;
  if (share === 0) return undefined;
  return `color-mix(in srgb, var(--thief) ${Math.round(8 + share * 34)}%, transparent)`;
}

function Cell({ cell, split, label }: { cell: MatrixCell | null; split?: boolean; label: string }) {
  if (!cell) return null;
  return (
    <td
      className={styles.heat}
      data-split={split || undefined}
      style={{ background: shade(cell) }}
      aria-label={
        cell.total === 0
          ? `${label}: nothing captured`
          : `${label}: ${cell.opened} of ${cell.total} opened${cell.tagFailed ? `, ${cell.tagFailed} failed the tag` : ''}`
      }
    >
      {cell.total === 0 ? '·' : `${cell.opened}/${cell.total}`}
    </td>
  );
}

function Rows({ rows, matrix, heading }: { rows: readonly MatrixRow[]; matrix: ExposureMatrix; heading: string }) {
  return (
    <>
      <tr>
        <th scope="rowgroup" colSpan={matrix.buckets.length + (matrix.splitAt !== null ? 4 : 2)}>
          {heading}
        </th>
      </tr>
      {rows.map((r) => (
        <tr key={r.id}>
          <th scope="row">{r.label}</th>
          {r.cells.map((c, i) => (
            <Cell key={i} cell={c} label={`${r.label}, ${bucketLabel(matrix.buckets[i]!)}`} />
          ))}
          {matrix.splitAt !== null && (
            <>
              <Cell cell={r.before} split label={`${r.label}, before the theft`} />
              <Cell cell={r.after} label={`${r.label}, after the theft`} />
            </>
          )}
          <Cell cell={r.total} split={matrix.splitAt === null} label={`${r.label}, in total`} />
        </tr>
      ))}
    </>
  );
}

function bucketLabel(b: { from: number; to: number }): string {
  const day = (t: number) => Math.floor(t / 1440) + 1;
  if (b.to - b.from >= 1440 && b.from % 1440 === 0) {
    const last = day(b.to - 1);
    return day(b.from) === last ? `day ${last}` : `days ${day(b.from)}–${last}`;
  }
  return `${formatSimTime(b.from)}–${formatSimTime(b.to - 1).replace(/^day \d+, /, '')}`;
}

/** Users × time and conversations × time, as "opened/captured" cells. */
export function ExposureMatrixTable({ matrix, caption }: { matrix: ExposureMatrix; caption: string }) {
  return (
    <>
      <p className={styles.tableTitle} aria-hidden="true">
        {caption}
      </p>
      <div className={styles.legend} aria-hidden="true">
        <span>
          <span className={styles.swatch} /> nothing opened
        </span>
        <span>
          <span className={styles.swatch} style={{ background: 'color-mix(in srgb, var(--thief) 25%, transparent)' }} />{' '}
          some opened
        </span>
        <span>
          <span className={styles.swatch} style={{ background: 'color-mix(in srgb, var(--thief) 42%, transparent)' }} />{' '}
          all opened
        </span>
        <span>cells read opened/captured; · = none captured</span>
      </div>
      <div className={styles.scroll} tabIndex={0} role="region" aria-label={caption}>
        <table className={styles.table}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Who / what</th>
              {matrix.buckets.map((b) => (
                <th key={b.from} scope="col" className={styles.heat}>
                  {bucketLabel(b)}
                </th>
              ))}
              {matrix.splitAt !== null && (
                <>
                  <th scope="col" className={`${styles.heat} ${styles.splitCol}`}>
                    Sent before the theft
                    <br />
                    <small>(≤ {formatSimTime(matrix.splitAt)})</small>
                  </th>
                  <th scope="col" className={styles.heat}>
                    Sent after
                  </th>
                </>
              )}
              <th scope="col" className={`${styles.heat} ${matrix.splitAt === null ? styles.splitCol : ''}`}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            <Rows rows={matrix.users} matrix={matrix} heading="Users (messages sent or received)" />
            <Rows rows={matrix.conversations} matrix={matrix} heading="Conversations" />
          </tbody>
        </table>
      </div>
    </>
  );
}
