/**
 * Drivers for lessons/end-to-end: Alice and Bob chat through the relay; Bob's client shows what
 * Alice typed; the server's view (and Eve's) holds the same ciphertext and never the text; the
 * server's own key trial opens nothing; the metadata is computed from the stored rows.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { LessonDrivers } from '../lesson-driver';
import { tabTo } from '../lesson-driver';
import { generateKeyPair, press, shownHex } from './crypto-steps';

const FROM_ALICE = 'Meet me by the north gate at 7';
const FROM_BOB = 'OK, bring the blue folder';
const utf8Length = (s: string) => new TextEncoder().encode(s).length;
let aliceCiphertext = '';

async function send(page: Page, panel: Locator, from: 'Alice' | 'Bob', text: string) {
  const to = from === 'Alice' ? 'Bob' : 'Alice';
  const box = panel.getByRole('textbox', { name: `Message from ${from} to ${to}` });
  await tabTo(page, box);
  await page.keyboard.type(text);
  await press(page, panel, 'Send through the server');
}

/** The visible text of a section, whitespace collapsed, for "never appears" checks. */
async function flatText(scope: Locator): Promise<string> {
  return (await scope.innerText()).replace(/\s+/g, ' ');
}

export const drivers: LessonDrivers = {
  keys: async ({ page, panel }) => {
    await generateKeyPair(page, panel, 'alice');
    await generateKeyPair(page, panel, 'bob');
  },
  send: async ({ page, panel }) => {
    // Sending nothing is refused with a message, and nothing reaches the server.
    await press(page, panel, 'Send through the server');
    await expect(panel.getByRole('status').filter({ hasText: 'Type a message for Alice to send.' })).toBeVisible();

    await send(page, panel, 'Alice', FROM_ALICE);
    await expect(panel.getByTestId('delivered-0')).toContainText(`Bob's phone opened it (tag verified): ${FROM_ALICE}`);
    aliceCiphertext = await shownHex(panel, 'envelope-ciphertext');
    expect(aliceCiphertext).toHaveLength(2 * (utf8Length(FROM_ALICE) + 16));
    expect(aliceCiphertext).not.toContain(Buffer.from(FROM_ALICE).toString('hex'));

    // Switch the sender to Bob with the arrow keys of the radio group.
    await tabTo(page, panel.getByRole('radio', { name: 'Alice' }));
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByRole('radio', { name: 'Bob' })).toBeChecked();
    await send(page, panel, 'Bob', FROM_BOB);
    await expect(panel.getByTestId('delivered-1')).toContainText(`Alice's phone opened it (tag verified): ${FROM_BOB}`);
    await expect(panel.getByRole('list', { name: 'The conversation' }).getByRole('listitem')).toHaveCount(2);
  },
  'server-view': async ({ page, panel }) => {
    const server = panel.getByRole('region', { name: 'What the server stores' });
    const rows = server.getByTestId('server-log').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText(`Alice`);
    await expect(rows.nth(0).locator('td').nth(4)).toHaveText(`${utf8Length(FROM_ALICE) + 16} B`);
    const text = await flatText(server);
    expect(text).not.toContain(FROM_ALICE);
    expect(text).not.toContain(FROM_BOB);
    await expect(server.getByTestId('server-trial')).toContainText('0 of 2 opened');
    // The stored ciphertext is the one Alice's phone sent, byte for byte.
    const picker = server.getByRole('combobox', { name: 'Envelope to inspect' });
    await tabTo(page, picker);
    await page.keyboard.press('ArrowUp');
    await expect(picker).toHaveValue('0');
    expect(await shownHex(server, 'server-ciphertext')).toBe(aliceCiphertext);
  },
  'wire-view': async ({ panel }) => {
    const captured = panel.getByRole('list', { name: 'Captured items' }).getByRole('listitem');
    // Two public keys and two envelopes, each on both hops.
    await expect(captured).toHaveCount(8);
    const hops = captured.filter({ hasText: 'Envelope 1: header ‖ ciphertext ‖ tag' });
    await expect(hops).toHaveCount(2);
    const up = (await hops.nth(0).locator('pre').innerText()).replace(/\s/g, '');
    const down = (await hops.nth(1).locator('pre').innerText()).replace(/\s/g, '');
    expect(down).toBe(up);
    expect(up.endsWith(aliceCiphertext)).toBe(true);
    const text = await flatText(panel);
    expect(text).not.toContain(FROM_ALICE);
    expect(text).not.toContain(FROM_BOB);
  },
  metadata: async ({ panel }) => {
    const facts = panel.getByTestId('server-metadata');
    await expect(facts).toContainText('Alice and Bob: 2 messages');
    await expect(facts).toContainText('Alice → Bob: 1; Bob → Alice: 1');
    await expect(facts).toContainText(
      `message lengths (size − 16): ${utf8Length(FROM_ALICE)} B, ${utf8Length(FROM_BOB)} B`,
    );
    expect(await flatText(panel)).not.toContain(FROM_ALICE);
  },
};
