import { describe, expect, it } from 'vitest';
import { createEndpointPair } from '@/lib/worker-rpc/in-process-endpoints';
import { RpcClient } from '@/lib/worker-rpc/rpc-client';
import { UserError } from '@/lib/worker-rpc/rpc-error';
import { designLabContract } from './design-lab-messages';
import { serveDesignLab } from './design-lab-service';

describe('design lab worker contract', () => {
  const [host, page] = createEndpointPair();
  serveDesignLab(host);
  const client = new RpcClient(designLabContract, page);

  it('evasion: every result crosses the contract; the modified senders are read by Bob and not by the authority', async () => {
    const { runs } = await client.call('evasion', { seed: 't', text: 'hello' });
    expect(runs.map((r) => [r.client, r.recipient.accepted, r.authority.plaintext])).toEqual([
      ['compliant', true, 'hello'],
      ['dropped', true, null],
      ['garbled', true, null],
    ]);
  });

  it('mitigation: a report crosses, with the log for the public-log design', async () => {
    const r = await client.call('mitigation', { seed: 't', design: 'public-log', agenciesRobbed: 1 });
    expect(r.opened).toBe(36);
    expect(r.log?.withoutWarrant).toBe(36);
  });

  it('ghost: the refused addition crosses; an empty message is a user error', async () => {
    const g = await client.call('ghost', { seed: 't', signedMembership: true, holder: 'authority', text: 'hi' });
    expect(g.addition.accepted).toBe(false);
    expect(g.wrappedTo).toEqual(['alice', 'bob', 'carol']);
    await expect(
      client.call('ghost', { seed: 't', signedMembership: false, holder: 'thief', text: '  ' }),
    ).rejects.toBeInstanceOf(UserError);
  });
});
