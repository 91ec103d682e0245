/**
 * An SVG sequence diagram: one lifeline per actor, one arrow per message, in order. Messages an
 * eavesdropper copies are marked where they cross her tap. Pure and server-renderable; it scales
 * to its container through its viewBox.
 */
import { ACTORS, type ActorId } from '../actors';
import styles from './SequenceDiagram.module.css';

export interface SequenceMessage {
  readonly id: string | number;
  readonly from: ActorId;
  readonly to: ActorId;
  readonly label: string;
  /** A short detail under the label, e.g. "32 bytes". */
  readonly detail?: string;
  /** Drawn in the danger colour with a ✗: changed in transit, refused, forged. */
  readonly alarm?: boolean;
}

export interface SequenceDiagramProps {
  readonly actors: readonly ActorId[];
  readonly messages: readonly SequenceMessage[];
  /**
   * An eavesdropper who sees every message. Listed in `actors`: drawn as a tapped lifeline between
   * the others, marked where messages cross it. Not listed: she sits on every link, and each
   * message is marked in her colour at its midpoint.
   */
  readonly tap?: ActorId;
  /** Accessible name of the figure. */
  readonly title: string;
}

const COL = 170;
const TOP = 56;
const ROW = 54;

export function SequenceDiagram({ actors, messages, tap, title }: SequenceDiagramProps) {
  const width = COL * actors.length;
  const height = TOP + Math.max(1, messages.length) * ROW + 20;
  const x = (a: ActorId) => COL / 2 + actors.indexOf(a) * COL;
  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} className={styles.svg}>
        <title>{title}</title>
        <defs>
          <marker
            id="seq-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0L10 5L0 10z" fill="currentColor" />
          </marker>
          {/* A box of the background behind each label: a lifeline (Eve's dotted tap runs through
              the middle of every message) passes behind the words instead of striking them out. */}
          <filter id="seq-label-bg" x="-0.04" y="-0.08" width="1.08" height="1.16">
            <feFlood className={styles.labelBackground} />
            <feComposite in="SourceGraphic" operator="over" />
          </filter>
        </defs>
        {actors.map((a) => (
          <g key={a}>
            <line
              x1={x(a)}
              x2={x(a)}
              y1={TOP - 8}
              y2={height - 6}
              stroke={ACTORS[a].color}
              strokeWidth={a === tap ? 2 : 1.5}
              strokeDasharray={a === tap ? '3 5' : '6 4'}
            />
            <rect x={x(a) - 62} y={6} width={124} height={32} rx={16} fill={ACTORS[a].color} />
            <text x={x(a)} y={27} textAnchor="middle" className={styles.actor}>
              {ACTORS[a].name}
            </text>
          </g>
        ))}
        {messages.length === 0 && (
          <text x={width / 2} y={TOP + 28} textAnchor="middle" className={styles.empty}>
            Nothing has crossed the wire yet.
          </text>
        )}
        {messages.map((m, i) => {
          const y = TOP + i * ROW + 28;
          const x1 = x(m.from);
          const x2 = x(m.to);
          const dir = Math.sign(x2 - x1) || 1;
          const mid = (x1 + x2) / 2;
          const tapOnLifeline = tap !== undefined && actors.includes(tap);
          const tapX = tap === undefined ? null : tapOnLifeline ? x(tap) : mid;
          const crossesTap = tapX !== null && (!tapOnLifeline || (tapX - x1) * (tapX - x2) < 0);
          return (
            <g key={m.id} className={m.alarm ? styles.alarm : styles.msg}>
              <line
                x1={x1 + dir * 4}
                x2={x2 - dir * 6}
                y1={y}
                y2={y}
                stroke="currentColor"
                strokeWidth={1.8}
                markerEnd="url(#seq-arrow)"
              />
              <text x={mid} y={y - 8} textAnchor="middle" className={styles.label} filter="url(#seq-label-bg)">
                {m.alarm ? '✗ ' : ''}
                {m.label}
              </text>
              {m.detail && (
                <text x={mid} y={y + 17} textAnchor="middle" className={styles.detail} filter="url(#seq-label-bg)">
                  {m.detail}
                </text>
              )}
              {crossesTap && <circle cx={tapX!} cy={y} r={5} fill={ACTORS[tap!].color} />}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
