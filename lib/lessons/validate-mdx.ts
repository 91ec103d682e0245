/**
 * Checks a lesson's `content.mdx` against the closed vocabulary (`widget-names.ts`) and against
 * its metadata, without running it. MDX is parsed to mdast with `@mdx-js/mdx` (the same parser
 * the build uses, `mdx-nodes.ts`), then walked (`mdx-content-walk.ts`, props in
 * `mdx-element-props.ts`), and what it places is compared with meta.ts and exercises.ts
 * (`mdx-placement-checks.ts`). Content is prose plus registered widgets with string-literal
 * props: no `import`/`export`, no `{expressions}` other than `{/* comments *\/}`, so a lesson is
 * data that an instructor can write and a reviewer can read.
 *
 * @module
 */
import type { LessonIssue } from './lesson-issue';
import { walkLessonContent } from './mdx-content-walk';
import { parseLessonMdx } from './mdx-nodes';
import { checkPlacementsAgainstMeta } from './mdx-placement-checks';
import type { MdxIssueReporter, MdxValidationInput } from './mdx-validation-input';
import { widgetSpecs } from './widget-names';

/** Validates one content.mdx; returns every problem found (empty when the file is fine). */
export function validateLessonMdx(input: MdxValidationInput): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const report: MdxIssueReporter = (rule, line, message) => issues.push({ rule, file: input.file, line, message });

  const parsed = parseLessonMdx(input.source);
  if (!('tree' in parsed)) {
    report(
      'mdx-syntax',
      parsed.line,
      `MDX does not parse: ${parsed.reason}. Fix the markup (every <Tag> needs a matching </Tag> or must self-close as <Tag />).`,
    );
    return issues;
  }
  const placements = walkLessonContent(parsed.tree, input, input.vocabulary ?? widgetSpecs, report);
  checkPlacementsAgainstMeta(input, placements, issues);
  return issues;
}
