'use client';
/**
 * The ghost user: Alice, Bob and Carol in a group whose roster the server supplies; the server adds
 * a ghost with no join notice and Alice sends (lib/scenarios/ghost-group.ts).
 * Runs in the design lab worker. A switch turns on signed membership. `holder` says whose ghost it is: the authority's, or a
 * thief's who took over the provider's ghost capability. Reports `ghost:read`, `ghost:refused`
 * and `ghost:stolen`.
 */
import { startTransition, useId, useState } from 'react';
import type { GhostReply as GhostScene } from '@/lib/design-lab/design-lab-messages';
import type { GhostHolder } from '@/lib/scenarios/ghost-group';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { ActorBadge, type ActorId } from '../../actors';
import widgetStyles from '../crypto/widgets.module.css';
import { TaskStatus } from '../escrow/EscrowToggle';
import { useLabTask } from '../escrow/use-lab-task';
import { callDesignLab } from './design-lab-client';
import styles from './mitigations.module.css';

const WHO: Readonly<Record<string, { actor: ActorId; suffix?: string }>> = {
  alice: { actor: 'alice' },
  bob: { actor: 'bob' },
  carol: { actor: 'carol' },
};

function Who({ id, holder }: { id: string; holder: GhostHolder }) {
  const known = WHO[id];
  if (known) return <ActorBadge actor={known.actor} />;
  return <ActorBadge actor={holder === 'thief' ? 'thief' : 'escrow'} suffix=" (ghost)" />;
}

export function GhostGroup({ holder = 'authority' }: { holder?: GhostHolder }) {
  const id = useId();
  const [signed, setSigned] = useState(false);
  const [text, setText] = useState('Plan for Friday: the usual place, 8 pm');
  const [scene, setScene] = useState<GhostScene | null>(null);
  const task = useLabTask();

  const run = () =>
    task.run('Adding the ghost and sending…', async () => {
      const s = await callDesignLab('ghost', { signedMembership: signed, holder, text });
      startTransition(() => setScene(s));
      const ghostRead = s.reads.find((r) => r.id === 'ghost')?.text != null;
      if (ghostRead) recordLessonAction(holder === 'thief' ? 'ghost:stolen' : 'ghost:read');
      if (signed && !s.addition.accepted) recordLessonAction('ghost:refused');
    });

  return (
    <section className={widgetStyles.widget} aria-label={holder === 'thief' ? 'The stolen ghost' : 'The ghost user'}>
      <h3 className={widgetStyles.title}>
        {holder === 'thief' ? 'The ghost capability, stolen' : 'A group chat and a silent ghost'}
      </h3>
      <div className={widgetStyles.field}>
        <label htmlFor={`${id}-text`}>Alice&apos;s message to the group</label>
        <textarea id={`${id}-text`} rows={2} value={text} maxLength={500} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className={styles.checkRow}>
        <label>
          <input type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} />
          Signed membership: a roster change counts only if a member signed it
        </label>
      </div>
      <div className={widgetStyles.actions}>
        <button type="button" className="danger" onClick={() => void run()} disabled={task.busy !== null}>
          Add the ghost silently, then send
        </button>
      </div>
      <TaskStatus error={task.error} busy={task.busy} />
      {scene ? <SceneView scene={scene} /> : <p className={widgetStyles.hint}>Nothing sent yet.</p>}
    </section>
  );
}

function SceneView({ scene }: { scene: GhostScene }) {
  const changed = scene.safetyNumberAfter !== scene.safetyNumberBefore;
  return (
    <div data-testid={`ghost-${scene.holder}-${scene.signedMembership ? 'signed' : 'unsigned'}`}>
      <p>
        The server&apos;s roster change (signed with the provider&apos;s own key, not a member&apos;s):{' '}
        <span className={`${widgetStyles.verdict} ${scene.addition.accepted ? widgetStyles.bad : widgetStyles.ok}`}>
          {scene.addition.accepted ? 'taken' : 'refused'}
        </span>{' '}
        {scene.addition.reason}.
      </p>
      <p>
        Join notices shown in the apps:{' '}
        {scene.notices.length === 0 ? 'none (the server held it back)' : scene.notices.join(', ')}.
      </p>
      <p>
        Alice&apos;s client wrapped the message key to:{' '}
        {scene.wrappedTo.map((to, i) => (
          <span key={to}>
            {i > 0 ? ', ' : ''}
            <Who id={to} holder={scene.holder} />
          </span>
        ))}
        .
      </p>
      <h4>Who decrypted Alice&apos;s message</h4>
      <ul className={styles.bars} aria-label="Who decrypted Alice's message">
        {scene.reads.map((r) => (
          <li key={r.id} data-party={r.id}>
            <Who id={r.id} holder={scene.holder} />:{' '}
            <span className={r.id === 'ghost' ? (r.text ? styles.opened : styles.closed) : undefined}>
              {r.text !== null ? `“${r.text}”` : 'nothing: no key was wrapped to it'}
            </span>
          </li>
        ))}
      </ul>
      <p>The group&apos;s safety number {changed ? <strong>changed</strong> : 'did not change'}:</p>
      <dl>
        <dt>Before</dt>
        <dd className={styles.number}>{scene.safetyNumberBefore}</dd>
        <dt>Now</dt>
        <dd className={styles.number}>{scene.safetyNumberAfter}</dd>
      </dl>
    </div>
  );
}
