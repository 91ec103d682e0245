'use client';
import { dayOptions } from '@/lib/attack-lab/console-deck';
import type { WorldSummary } from '@/lib/attack-lab/world-messages';

/** A labelled choice of one of the world's days (the phone and escrow cards both pick one). */
export function DaySelect({
  id,
  label,
  world,
  value,
  onChange,
}: {
  id: string;
  label: string;
  world: WorldSummary;
  value: number;
  onChange: (day: number) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {dayOptions(world).map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </>
  );
}
