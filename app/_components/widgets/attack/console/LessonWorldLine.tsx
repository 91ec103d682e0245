import { MINUTES_PER_DAY } from '@/lib/protocol/sim-time';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';
import type { AttackConsoleState } from '@/lib/store/attack-console-store';
import w from '../../crypto/widgets.module.css';

/** A lesson console's line about its world: not loaded yet, being recorded, or what it holds. */
export function LessonWorldLine({
  world,
  status,
}: {
  world: WorldSummary | null;
  status: AttackConsoleState['worldStatus'];
}) {
  if (status === 'generating')
    return (
      <p className={w.hint} role="status">
        Recording two days of traffic (generating the world in a worker)…
      </p>
    );
  if (!world)
    return (
      <p className={w.hint}>
        The relay has recorded Alice, Bob and Carol&apos;s traffic; the first capability you use loads it.
      </p>
    );
  return (
    <p className={w.hint}>
      World: {world.participants.map((p) => p.name).join(', ')}; {world.counts.conversations} conversations,{' '}
      {world.counts.messages} envelopes over {Math.round(world.endsAt / MINUTES_PER_DAY) || 1} days,{' '}
      {world.mode === 'ratchet' ? 'Double Ratchet' : 'static keys'}
      {world.escrow ? `, escrow on (${world.escrow.authorities.map((a) => a.name).join(' and ')})` : ', escrow off'}.
      Seed &lsquo;{world.seed}&rsquo; (reproducible demo randomness).
    </p>
  );
}
