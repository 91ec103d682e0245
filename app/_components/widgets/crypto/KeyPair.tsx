'use client';
import { ActorBadge, ACTORS } from '../../actors';
import { ByteView } from '../../bytes/ByteView';
import { recordLessonAction } from '@/lib/store/lesson-session-store';
import { useLab } from './lab-hooks';
import styles from './widgets.module.css';

/** Generates one party's X25519 key pair and shows both halves. */
export function KeyPair({ actor }: { actor: 'alice' | 'bob' }) {
  const pair = useLab((s) => s.keys[actor]);
  const generate = useLab((s) => s.generateKeyPair);
  const name = ACTORS[actor].name;
  const demo = pair?.randomness === 'demo';
  return (
    <section className={styles.widget} aria-label={`${name}'s key pair`}>
      <h3 className={styles.title}>
        <ActorBadge actor={actor} suffix="'s key pair" />
      </h3>
      <div className={styles.actions}>
        <button
          type="button"
          className={pair ? undefined : 'primary'}
          onClick={() => {
            generate(actor);
            recordLessonAction(`keypair:${actor}`);
          }}
        >
          {pair ? `Generate a new key pair for ${name}` : `Generate ${name}'s key pair`}
        </button>
      </div>
      <ByteView
        label={`${name}'s secret key`}
        value={pair?.secretKey}
        actor={actor}
        secret
        demo={demo}
        from={demo ? 'seeded demo randomness (32 bytes)' : '32 bytes from the platform CSPRNG'}
        empty="No key yet."
        testId={`${actor}-secret-key`}
      />
      <ByteView
        label={`${name}'s public key`}
        value={pair?.publicKey}
        actor={actor}
        demo={demo}
        from="X25519(secret key, 9): the secret scalar times the curve's base point"
        empty="No key yet."
        testId={`${actor}-public-key`}
      />
    </section>
  );
}
