/**
 * The walk over a lesson's MDX tree: the rules that hold node by node (no ESM, no expressions but
 * comments, only registered elements with valid props, everything inside one `<Step>`, headings
 * and images), collecting where each step, question and exercise is placed for the checks against
 * meta.ts (`mdx-placement-checks.ts`).
 *
 * @module
 */
import { closestName } from './closest-name';
import { checkElementProps } from './mdx-element-props';
import { describeNode, ELEMENT_TYPES, EXPRESSION_TYPES, isCommentOnly, type MdNode } from './mdx-nodes';
import type { MdxIssueReporter, MdxValidationInput } from './mdx-validation-input';
import { htmlElementSpecs, widgetActions, type WidgetSpec } from './widget-spec';

/** A `<Step id>` block as placed in content.mdx. */
export interface StepSeen {
  id: string;
  line: number | undefined;
  actions: string[];
  /** `<Exercise id>`s placed in the step, with their lines. */
  exercises: { id: string; line: number | undefined }[];
}

/** Where the content places its steps, questions and exercises. */
export interface ContentPlacements {
  /** Step blocks with an id, in document order. */
  readonly steps: readonly StepSeen[];
  /** Quiz id → line of its first (valid) placement. */
  readonly quizLines: ReadonlyMap<string, number | undefined>;
  /** Exercise id → line of its first (valid) placement. */
  readonly exerciseLines: ReadonlyMap<string, number | undefined>;
}

/** Walks the parsed content, reporting node rules, and returns what it placed where. */
export function walkLessonContent(
  tree: MdNode,
  input: MdxValidationInput,
  vocabulary: Readonly<Record<string, WidgetSpec>>,
  report: MdxIssueReporter,
): ContentPlacements {
  const widgetNames = Object.keys(vocabulary).filter((name) => !vocabulary[name]?.planned);
  const allNames = [...Object.keys(vocabulary), ...Object.keys(htmlElementSpecs)];
  const findElementSpec = (name: string): WidgetSpec | undefined =>
    Object.hasOwn(vocabulary, name)
      ? vocabulary[name]
      : Object.hasOwn(htmlElementSpecs, name)
        ? htmlElementSpecs[name as keyof typeof htmlElementSpecs]
        : undefined;

  const stepsSeen: StepSeen[] = [];
  const quizUses = new Map<string, number | undefined>();
  const exerciseUses = new Map<string, number | undefined>();
  /** <Notes> elements placed directly in a <Step>: the presenter window reads them from there. */
  const notesInStep = new WeakSet<MdNode>();

  const visit = (node: MdNode, step: StepSeen | null): void => {
    const line = node.position?.start.line;
    if (node.type === 'mdxjsEsm') {
      report(
        'mdx-esm',
        line,
        'import/export is not allowed in lesson content: widgets are provided by the lesson player, and data belongs in meta.ts. Remove this line.',
      );
      return;
    }
    if (EXPRESSION_TYPES.has(node.type)) {
      if (!isCommentOnly(node)) {
        report(
          'mdx-expression',
          line,
          `JavaScript expression {${String(node.value).trim()}} is not allowed in lesson content: write the text itself, or escape a literal brace as \\{. Only {/* comments */} are allowed.`,
        );
      }
      return;
    }
    if (ELEMENT_TYPES.has(node.type)) {
      visitElement(node, step, line);
      return;
    }
    if (node.type === 'heading' && step && (node.depth ?? 0) < 3) {
      report(
        'heading-depth',
        line,
        `Heading level ${node.depth} inside a step: the step title (from meta.steps) is the h2, so use ### or deeper for sub-headings.`,
      );
    }
    if (node.type === 'image' && typeof node.url === 'string' && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(node.url)) {
      report(
        'remote-image',
        line,
        `Image "${node.url}" is loaded from another origin; the lab never makes requests outside its own origin. Put the image in public/ and use a path like /lessons/<slug>/figure.svg.`,
      );
    }
    for (const child of node.children ?? []) visit(child, step);
  };

  const visitElement = (node: MdNode, step: StepSeen | null, line: number | undefined): void => {
    const name = node.name;
    if (!name) {
      report('unknown-element', line, 'Fragments (<>...</>) are not allowed in lesson content: remove the empty tags.');
      return;
    }
    const spec = findElementSpec(name);
    if (!spec) {
      const suggestion = closestName(name, allNames);
      report(
        'unknown-element',
        line,
        `Unknown element <${name}>${suggestion ? `: did you mean <${suggestion}>?` : '.'} Lesson content may use only registered widgets (${widgetNames.join(', ')}) and ${Object.keys(
          htmlElementSpecs,
        )
          .map((n) => `<${n}>`)
          .join(', ')}; new widgets are added in lib/lessons/widget-names.ts.`,
      );
      for (const child of node.children ?? []) visit(child, step);
      return;
    }
    if (spec.planned) {
      report(
        'planned-widget',
        line,
        `<${name}> is not available yet (marked planned in lib/lessons/widget-names.ts): remove it until the widget is built.`,
      );
    }
    const props = checkElementProps(node, name, spec, line, report);

    if (!spec.children && (node.children ?? []).length > 0) {
      report('unexpected-children', line, `<${name}> takes no content: write it self-closing as <${name} ... />.`);
    }

    if (name === 'Step') {
      if (step) {
        report(
          'nested-step',
          line,
          `<Step> inside <Step id="${step.id}">: close the first step with </Step> before opening the next.`,
        );
      }
      const seen: StepSeen = { id: props.id ?? '', line, actions: [], exercises: [] };
      if (props.id !== undefined) stepsSeen.push(seen);
      for (const child of node.children ?? []) if (child.name === 'Notes') notesInStep.add(child);
      for (const child of node.children ?? []) visit(child, seen);
      return;
    }
    if (name === 'Notes' && step && !notesInStep.has(node)) {
      report(
        'notes-placement',
        line,
        `<Notes> must sit directly inside <Step id="${step.id}">, not inside another element: the presenter window shows a step's notes from there. Move it out to the step's level.`,
      );
    }
    if (!step) {
      report(
        'content-outside-step',
        line,
        `<${name}> is outside any <Step>: every part of a lesson belongs to a step; move it into one.`,
      );
    } else {
      step.actions.push(...widgetActions(spec, props));
    }
    if (name === 'Quiz' && props.id !== undefined) {
      if (!input.quizIds.includes(props.id)) {
        const suggestion = closestName(props.id, input.quizIds);
        report(
          'quiz-unknown',
          line,
          `<Quiz id="${props.id}"> has no question in meta.quiz${suggestion ? `: did you mean "${suggestion}"?` : '.'} Add it to meta.quiz or fix the id (known: ${input.quizIds.join(', ') || 'none'}).`,
        );
      } else if (quizUses.has(props.id)) {
        report(
          'quiz-duplicate',
          line,
          `<Quiz id="${props.id}"> is placed twice (first on line ${quizUses.get(props.id)}): each question appears once; remove one.`,
        );
      } else {
        quizUses.set(props.id, line);
      }
    }
    if (name === 'Exercise' && props.id !== undefined && input.exerciseIds !== undefined) {
      const known = input.exerciseIds;
      if (!known.includes(props.id)) {
        const suggestion = closestName(props.id, known);
        const where =
          known.length === 0
            ? `This lesson has no exercises.ts: create ${input.exercisesFile ?? 'exercises.ts'} exporting \`exercises\` (see lib/lessons/lesson-exercises.ts)`
            : `Define it in ${input.exercisesFile ?? 'exercises.ts'} or fix the id (defined: ${known.join(', ')})`;
        report(
          'exercise-unknown',
          line,
          `<Exercise id="${props.id}"> has no exercise in exercises.ts${suggestion ? `: did you mean "${suggestion}"?` : '.'} ${where}.`,
        );
      } else if (exerciseUses.has(props.id)) {
        report(
          'exercise-placed-twice',
          line,
          `<Exercise id="${props.id}"> is placed twice (first on line ${exerciseUses.get(props.id)}): an exercise appears once (its draft and progress are keyed by its id); remove one.`,
        );
      } else {
        exerciseUses.set(props.id, line);
        step?.exercises.push({ id: props.id, line });
      }
    }
    for (const child of node.children ?? []) visit(child, step);
  };

  for (const child of tree.children ?? []) {
    const isStep = ELEMENT_TYPES.has(child.type) && child.name === 'Step';
    const isComment = EXPRESSION_TYPES.has(child.type) && isCommentOnly(child);
    const isInvalidAnyway =
      child.type === 'mdxjsEsm' || EXPRESSION_TYPES.has(child.type) || ELEMENT_TYPES.has(child.type);
    if (!isStep && !isComment && !isInvalidAnyway) {
      report(
        'content-outside-step',
        child.position?.start.line,
        `${describeNode(child)} is outside any <Step>: every part of a lesson belongs to a step; move it into one (the lesson's objectives are shown from meta.ts).`,
      );
    }
    visit(child, null);
  }
  return { steps: stepsSeen, quizLines: quizUses, exerciseLines: exerciseUses };
}
