/**
 * Presenters rely on speaker notes for every step of the core path and the backdoor track: each
 * <Step> of those lessons holds a <Notes> block (directly, where the presenter window reads it).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tracks } from '../lessons/index';
import { parseLessonMdx, type MdNode } from '../lib/lessons/mdx-nodes';

const LESSONS = path.resolve(__dirname, '../lessons');
const presented = tracks.filter((t) => t.id === 'core' || t.id === 'backdoor').flatMap((t) => t.lessons);

describe('speaker notes', () => {
  it('covers the core path and the backdoor track', () => {
    expect(presented.length).toBeGreaterThanOrEqual(9);
  });

  it.each(presented)('every step of %s has <Notes>', (slug) => {
    const parsed = parseLessonMdx(readFileSync(path.join(LESSONS, slug, 'content.mdx'), 'utf8'));
    if (!('tree' in parsed)) throw new Error(`${slug}/content.mdx does not parse: ${parsed.reason}`);
    const steps = (parsed.tree.children ?? []).filter((n: MdNode) => n.name === 'Step');
    expect(steps.length).toBeGreaterThan(0);
    const withoutNotes = steps
      .filter((step) => !(step.children ?? []).some((child) => child.name === 'Notes'))
      .map((step) => step.attributes?.find((a) => a.name === 'id')?.value);
    expect(withoutNotes).toEqual([]);
  });
});
