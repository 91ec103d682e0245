/**
 * The exposure heat map: one row per user or conversation, one column per time bucket, then
 * before / after the theft and the total. Each cell says "opened/captured" in text, and three
 * fills repeat it that differ in pattern as well as colour: empty (nothing opened), stripes (some
 * opened), solid with bold text (all opened), so "some" and "all" never read alike.
 */
import { formatSimTime } from '@/lib/protocol/sim-time';
import type { ExposureMatrix, MatrixCell, MatrixRow } from '@/lib/attack-lab/world-messages';
import { ScrollRegion } from './ScrollRegion';
import styles from './attack.module.css';
import heat from './heat.module.css';

function level(c: MatrixCell): 'some' | 'all' | undefined {
  if (c.total === 0 || c.opened === 0) return undefined;
  return c.opened === c.total ? 'all' : 'some';
}

function Cell({ cell, split, label }: { cell: MatrixCell | null; split?: boolean; label: string }) {
  if (!cell) return null;
  return (
    <td
      className={`${styles.heat} ${level(cell) === 'all' ? heat.heatAll : level(cell) === 'some' ? heat.heatSome : ''}`}
      data-split={split || undefined}
      data-level={level(cell) ?? 'none'}
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
          <span className={`${styles.swatch} ${heat.heatSome}`} /> some opened (stripes)
        </span>
        <span>
          <span className={`${styles.swatch} ${heat.heatAll}`} /> all opened (solid, bold)
        </span>
        <span>cells read opened/captured; · = none captured</span>
      </div>
      <ScrollRegion label={caption}>
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
      </ScrollRegion>
    </>
  );
}
