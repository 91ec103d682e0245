import { ESCROW_THEFT_STORIES, type EscrowTheftScenario } from '@/lib/protocol/capability';
import styles from '../attack.module.css';

const SCENARIOS = Object.keys(ESCROW_THEFT_STORIES) as EscrowTheftScenario[];

/** How the escrow key is stolen: one radio per story (the key is the same in each). */
export function ScenarioPicker({
  value,
  onChange,
  name,
}: {
  value: EscrowTheftScenario | null;
  onChange: (s: EscrowTheftScenario) => void;
  name: string;
}) {
  return (
    <fieldset className={styles.scenarios}>
      <legend>How the key is stolen</legend>
      {SCENARIOS.map((s) => (
        <label key={s} className={styles.scenario}>
          <input type="radio" name={name} value={s} checked={value === s} onChange={() => onChange(s)} />
          <span>{ESCROW_THEFT_STORIES[s].title}</span>
          <small>{ESCROW_THEFT_STORIES[s].story}</small>
        </label>
      ))}
    </fieldset>
  );
}
