/**
 * Drivers for lessons/exceptional-access: seal one message with escrow off and on (same ciphertext,
 * a new tag, one more party that opens it), then execute a warrant and check that it opens exactly
 * the target's messages inside the window, and that the same key opens all the others.
 */
import { expect } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { generateKeyPair, press } from './crypto-steps';
import { chooseOption, flip, shownHex, typeInto } from './escrow-steps';

const MESSAGE = 'Escrow check: the blue door at noon';

export const drivers: LessonDrivers = {
  keys: async ({ page, panel }) => {
    await generateKeyPair(page, panel, 'alice');
    await generateKeyPair(page, panel, 'bob');
  },
  'escrow-on': async ({ page, panel }) => {
    await typeInto(page, panel.getByRole('textbox', { name: "Alice's message to Bob" }), MESSAGE);
    await flip(page, panel, 'switch', 'Escrow');
    await expect(panel.getByRole('switch', { name: 'Escrow' })).toHaveAttribute('aria-checked', 'true');
    await expect(panel.getByTestId('envelope-on')).toBeVisible();
    expect(await shownHex(panel, 'escrow-public-key')).toMatch(/^[0-9a-f]{64}$/);
    // Same key and nonce: the ciphertext is byte for byte the same; the escrow field is real bytes.
    const off = await shownHex(panel, 'envelope-off-ciphertext');
    expect(off).toHaveLength(MESSAGE.length * 2);
    expect(await shownHex(panel, 'envelope-on-ciphertext')).toBe(off);
    expect(await shownHex(panel, 'envelope-on-enc')).toMatch(/^[0-9a-f]{64}$/);
    expect(await shownHex(panel, 'envelope-on-wrapped')).toMatch(/^[0-9a-f]{96}$/);
    const totalOff = Number((await panel.getByTestId('envelope-off-total').innerText()).replace(/\D/g, ''));
    const totalOn = Number((await panel.getByTestId('envelope-on-total').innerText()).replace(/\D/g, ''));
    expect(totalOn - totalOff).toBeGreaterThanOrEqual(4 + 32 + 48 + 48);
    // Who opens what, by trying: Bob both; the authority only the escrowed one; the server neither.
    const table = panel.getByTestId('who-can-open');
    const cell = (party: string, col: 'off' | 'on') => table.locator(`li[data-party="${party}"] [data-col="${col}"]`);
    await expect(cell('bob', 'off')).toContainText(MESSAGE);
    await expect(cell('bob', 'on')).toContainText(MESSAGE);
    await expect(cell('escrow', 'on')).toContainText(MESSAGE);
    await expect(cell('escrow', 'off')).toContainText('no key');
    await expect(cell('server', 'off')).toContainText('no key');
    await expect(cell('server', 'on')).toContainText('no key');
  },
  evasion: async ({ page, panel }) => {
    await press(page, panel, 'Send from all three clients');
    const row = (client: string) => panel.getByTestId(`evasion-${client}`);
    await expect(row('compliant')).toContainText('read:');
    for (const client of ['dropped', 'garbled']) {
      await expect(row(client)).toContainText('accepted:');
      await expect(row(client)).toContainText('reads nothing');
    }
    await expect(row('dropped')).toContainText('none');
  },
  'how-it-is-sealed': async ({ page, panel }) => {
    await press(page, panel, 'Send three messages with escrow on');
    for (const stage of [
      'The epoch key',
      'The wrap chain',
      'The message key, wrapped',
      'The envelope',
      'The authority',
    ])
      await press(page, panel, new RegExp(`^Next: ${stage}`));
    // The authority's path ends in the text Alice sent, recovered through the escrow field.
    await expect(panel.getByTestId('pipeline-stage-authority')).toContainText('"Meet me at the station at 9"');
  },
  warrant: async ({ page, panel }) => {
    // Out of order: executing before any traffic is recorded is refused with a reason.
    await press(page, panel, 'Execute the warrant');
    await expect(panel.getByRole('alert')).toContainText("Record the day's traffic first");
    await press(page, panel, "Record the day's traffic");
    const rows = panel.getByTestId('warrant-table').locator('tbody tr');
    await expect(rows).toHaveCount(12);
    const records = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        seq: Number(tr.getAttribute('data-seq')),
        sender: tr.getAttribute('data-sender')!,
        recipient: tr.getAttribute('data-recipient')!,
        at: Number(tr.getAttribute('data-sent-at')),
      })),
    );
    // The target is Bob (the default); the window runs from the hour of his first message to the
    // hour after his middle one, so it covers some of his messages and leaves others out.
    const bobs = records.filter((r) => r.sender === 'bob' || r.recipient === 'bob').map((r) => r.at);
    expect(bobs.length).toBeGreaterThan(0);
    const fromHour = Math.floor(bobs[0]! / 60);
    const toHour = Math.min(24, Math.floor(bobs[Math.floor(bobs.length / 2)]! / 60) + 1);
    await chooseOption(page, panel.getByRole('combobox', { name: 'From' }), fromHour);
    await chooseOption(page, panel.getByRole('combobox', { name: 'To' }), toHour - 1);
    const from = fromHour * 60;
    const to = toHour * 60;
    const covered = records
      .filter((r) => (r.sender === 'bob' || r.recipient === 'bob') && r.at >= from && r.at <= to)
      .map((r) => r.seq);
    expect(covered.length).toBeGreaterThan(0);
    await press(page, panel, 'Execute the warrant');
    await expect(panel.getByTestId('warrant-summary')).toContainText(
      `${covered.length} of ${covered.length} covered message`,
    );
    await expect(panel.getByTestId('warrant-summary')).toContainText(
      `${records.length - covered.length} left untouched`,
    );
    const opened = await rows.evaluateAll((trs) =>
      trs.filter((tr) => tr.getAttribute('data-outcome') === 'opened').map((tr) => Number(tr.getAttribute('data-seq'))),
    );
    expect(opened).toEqual(covered);
    await press(page, panel, 'Try the same key on the other messages');
    const outside = records.length - covered.length;
    await expect(panel.getByTestId('beyond-summary')).toContainText(`${outside} of ${outside}`);
    const openedAnyway = await rows.evaluateAll(
      (trs) => trs.filter((tr) => tr.getAttribute('data-outcome') === 'beyond-opened').length,
    );
    expect(openedAnyway).toBe(outside);
  },
};
