import type { DeviceSnapshot } from '@/lib/protocol/device-snapshot';
import { ByteView } from '../../bytes/ByteView';
import styles from '../crypto/widgets.module.css';
import { hexPreview } from './relay-conversation';

/** The key material the thief copied off Bob's phone: its identity secret key and the session state it held. */
export function StolenPhoneKeys({ phone, demo }: { phone: DeviceSnapshot; demo: boolean }) {
  const state = Object.values(phone.conversations)[0];
  const session = state?.session;
  return (
    <>
      <ByteView
        label="Bob's identity secret key"
        value={phone.identity.secretKey}
        actor="thief"
        secret
        demo={demo}
        from="on the phone for as long as Bob keeps this key pair"
      />
      {session?.kind === 'static' && (
        <ByteView
          label="Conversation key"
          value={session.conversationKey}
          actor="thief"
          secret
          demo={demo}
          from="HKDF-SHA256(X25519(Bob's identity secret key, Alice's public key)): the key of every message, past and future"
        />
      )}
      {session?.kind === 'ratchet' && (
        <>
          <ByteView
            label="Root key"
            value={session.rootKey}
            actor="thief"
            secret
            demo={demo}
            from="the ratchet's running secret, as the phone held it"
          />
          <ByteView
            label="Current ratchet secret key"
            value={session.sendingRatchetKey.secretKey}
            actor="thief"
            secret
            demo={demo}
            from={`Bob's current X25519 ratchet key pair (public key ${hexPreview(session.sendingRatchetKey.publicKey, 4)})`}
          />
          {session.sendingChainKey && (
            <ByteView
              label="Sending chain key"
              value={session.sendingChainKey}
              actor="thief"
              secret
              demo={demo}
              from="gives the keys of Bob's next messages on this chain"
            />
          )}
          {session.receivingChainKey && (
            <ByteView
              label="Receiving chain key"
              value={session.receivingChainKey}
              actor="thief"
              secret
              demo={demo}
              from="gives the keys of Alice's next messages on this chain"
            />
          )}
          <p className={styles.hint}>
            Message keys on the phone:{' '}
            {session.skippedMessageKeys.length === 0
              ? 'none; each was deleted once its message was opened or sent.'
              : session.skippedMessageKeys.length}
          </p>
        </>
      )}
    </>
  );
}
