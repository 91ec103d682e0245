/**
 * Checks a lesson's `content.mdx` against the closed vocabulary (`widget-names.ts`) and against
 * its metadata, without running it. MDX is parsed to mdast with `@mdx-js/mdx` (the same parser
 * the build uses), then walked. Content is prose plus registered widgets with string-literal
 * props: no `import`/`export`, no `{expressions}` other than `{/* comments *\/}`, so a lesson is
 * data that an instructor can write and a reviewer can read.
 *
 * @module
 */
import { createProcessor } from '@mdx-js/mdx';
import type { LessonIssue, LessonRule } from './lesson-issue';
import type { LessonStep } from './lesson-types';
import { htmlElementSpecs, widgetActions, widgetSpecs, type WidgetSpec } from './widget-names';

/** What the MDX validator needs to know about the lesson. */
export interface MdxValidationInput {
  /** Path of content.mdx relative to the lessons root, e.g. `welcome/content.mdx`. */
  readonly file: string;
  /** Path of meta.ts relative to the lessons root, for errors that are fixed there. */
  readonly metaFile: string;
  /** The MDX source. */
  readonly source: string;
  /** meta.steps (ids in order, with their requirements and exercise). */
  readonly steps: readonly Pick<LessonStep, 'id' | 'requires' | 'exercise'>[];
  /** meta.quiz ids. */
  readonly quizIds: readonly string[];
  /**
   * Ids of the exercises the lesson's exercises.ts defines, in order (empty when it has none);
   * undefined when exercises.ts could not be loaded, so `<Exercise>` ids cannot be checked.
   */
  readonly exerciseIds?: readonly string[];
  /** Path of exercises.ts relative to the lessons root, for errors that are fixed there. */
  readonly exercisesFile?: string;
  /** The widget vocabulary; defaults to `widgetSpecs` (tests pass their own). */
  readonly vocabulary?: Readonly<Record<string, WidgetSpec>>;
}

/** The few mdast / mdx-jsx node fields this walker reads. */
interface MdNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  depth?: number;
  attributes?: MdAttribute[];
  children?: MdNode[];
  position?: { start: { line: number } };
  data?: { estree?: { body?: unknown[] } | null };
}

interface MdAttribute {
  type: string;
  name?: string;
  value?: unknown;
  position?: { start: { line: number } };
}

interface StepSeen {
  id: string;
  line: number | undefined;
  actions: string[];
  /** `<Exercise id>`s placed in the step, with their lines. */
  exercises: { id: string; line: number | undefined }[];
}

const ELEMENT_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
const EXPRESSION_TYPES = new Set(['mdxFlowExpression', 'mdxTextExpression']);

/** Validates one content.mdx; returns every problem found (empty when the file is fine). */
export function validateLessonMdx(input: MdxValidationInput): LessonIssue[] {
  const vocabulary: Readonly<Record<string, WidgetSpec>> = input.vocabulary ?? widgetSpecs;
  const widgetNames = Object.keys(vocabulary).filter((name) => !vocabulary[name]?.planned);
  const allNames = [...Object.keys(vocabulary), ...Object.keys(htmlElementSpecs)];
  const findElementSpec = (name: string): WidgetSpec | undefined =>
    Object.hasOwn(vocabulary, name)
      ? vocabulary[name]
      : Object.hasOwn(htmlElementSpecs, name)
        ? htmlElementSpecs[name as keyof typeof htmlElementSpecs]
        : undefined;
  const issues: LessonIssue[] = [];
  const report = (rule: LessonRule, line: number | undefined, message: string) =>
    issues.push({ rule, file: input.file, line, message });

  let tree: MdNode;
  try {
    tree = createProcessor({ format: 'mdx' }).parse(input.source) as unknown as MdNode;
  } catch (error) {
    report('mdx-syntax', syntaxErrorLine(error), `MDX does not parse: ${syntaxErrorReason(error)}. Fix the markup (every <Tag> needs a matching </Tag> or must self-close as <Tag />).`);
    return issues;
  }

  const stepsSeen: StepSeen[] = [];
  const quizUses = new Map<string, number | undefined>();
  const exerciseUses = new Map<string, number | undefined>();

  const visit = (node: MdNode, step: StepSeen | null): void => {
    const line = node.position?.start.line;
    if (node.type === 'mdxjsEsm') {
      report('mdx-esm', line, 'import/export is not allowed in lesson content: widgets are provided by the lesson player, and data belongs in meta.ts. Remove this line.');
      return;
    }
    if (EXPRESSION_TYPES.has(node.type)) {
      if (!isCommentOnly(node)) {
        report('mdx-expression', line, `JavaScript expression {${String(node.value).trim()}} is not allowed in lesson content: write the text itself, or escape a literal brace as \\{. Only {/* comments */} are allowed.`);
      }
      return;
    }
    if (ELEMENT_TYPES.has(node.type)) {
      visitElement(node, step, line);
      return;
    }
    if (node.type === 'heading' && step && (node.depth ?? 0) < 3) {
      report('heading-depth', line, `Heading level ${node.depth} inside a step: the step title (from meta.steps) is the h2, so use ### or deeper for sub-headings.`);
    }
    if (node.type === 'image' && typeof node.url === 'string' && /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(node.url)) {
      report('remote-image', line, `Image "${node.url}" is loaded from another origin; the lab never makes requests outside its own origin. Put the image in public/ and use a path like /lessons/<slug>/figure.svg.`);
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
      report('unknown-element', line, `Unknown element <${name}>${suggestion ? `: did you mean <${suggestion}>?` : '.'} Lesson content may use only registered widgets (${widgetNames.join(', ')}) and ${Object.keys(htmlElementSpecs).map((n) => `<${n}>`).join(', ')}; new widgets are added in lib/lessons/widget-names.ts.`);
      for (const child of node.children ?? []) visit(child, step);
      return;
    }
    if (spec.planned) {
      report('planned-widget', line, `<${name}> is not available yet (marked planned in lib/lessons/widget-names.ts): remove it until the widget is built.`);
    }
    const props = checkAttributes(node, name, spec, line);

    if (!spec.children && (node.children ?? []).length > 0) {
      report('unexpected-children', line, `<${name}> takes no content: write it self-closing as <${name} ... />.`);
    }

    if (name === 'Step') {
      if (step) {
        report('nested-step', line, `<Step> inside <Step id="${step.id}">: close the first step with </Step> before opening the next.`);
      }
      const seen: StepSeen = { id: props.id ?? '', line, actions: [], exercises: [] };
      if (props.id !== undefined) stepsSeen.push(seen);
      for (const child of node.children ?? []) visit(child, seen);
      return;
    }
    if (!step) {
      report('content-outside-step', line, `<${name}> is outside any <Step>: every part of a lesson belongs to a step; move it into one.`);
    } else {
      step.actions.push(...widgetActions(spec, props));
    }
    if (name === 'Quiz' && props.id !== undefined) {
      if (!input.quizIds.includes(props.id)) {
        const suggestion = closestName(props.id, input.quizIds);
        report('quiz-unknown', line, `<Quiz id="${props.id}"> has no question in meta.quiz${suggestion ? `: did you mean "${suggestion}"?` : '.'} Add it to meta.quiz or fix the id (known: ${input.quizIds.join(', ') || 'none'}).`);
      } else if (quizUses.has(props.id)) {
        report('quiz-duplicate', line, `<Quiz id="${props.id}"> is placed twice (first on line ${quizUses.get(props.id)}): each question appears once; remove one.`);
      } else {
        quizUses.set(props.id, line);
      }
    }
    if (name === 'Exercise' && props.id !== undefined && input.exerciseIds !== undefined) {
      const known = input.exerciseIds;
      if (!known.includes(props.id)) {
        const suggestion = closestName(props.id, known);
        const where = known.length === 0
          ? `This lesson has no exercises.ts: create ${input.exercisesFile ?? 'exercises.ts'} exporting \`exercises\` (see lib/lessons/lesson-exercises.ts)`
          : `Define it in ${input.exercisesFile ?? 'exercises.ts'} or fix the id (defined: ${known.join(', ')})`;
        report('exercise-unknown', line, `<Exercise id="${props.id}"> has no exercise in exercises.ts${suggestion ? `: did you mean "${suggestion}"?` : '.'} ${where}.`);
      } else if (exerciseUses.has(props.id)) {
        report('exercise-placed-twice', line, `<Exercise id="${props.id}"> is placed twice (first on line ${exerciseUses.get(props.id)}): an exercise appears once (its draft and progress are keyed by its id); remove one.`);
      } else {
        exerciseUses.set(props.id, line);
        step?.exercises.push({ id: props.id, line });
      }
    }
    for (const child of node.children ?? []) visit(child, step);
  };

  /** Checks props and returns the literal ones by name. */
  const checkAttributes = (node: MdNode, name: string, spec: WidgetSpec, line: number | undefined): Record<string, string> => {
    const props: Record<string, string> = {};
    for (const attr of node.attributes ?? []) {
      const attrLine = attr.position?.start.line ?? line;
      if (attr.type !== 'mdxJsxAttribute' || attr.name === undefined) {
        report('attribute-spread', attrLine, `Spread props {${String(attr.value)}} on <${name}> are not allowed: write each prop as name="value".`);
        continue;
      }
      const propSpec = Object.hasOwn(spec.props, attr.name) ? spec.props[attr.name] : undefined;
      if (!propSpec) {
        const known = Object.keys(spec.props);
        const suggestion = closestName(attr.name, known);
        report('unknown-attribute', attrLine, `<${name}> has no prop "${attr.name}"${suggestion ? `: did you mean "${suggestion}"?` : '.'} Allowed: ${known.length ? known.join(', ') : 'none'}.`);
        continue;
      }
      if (attr.value === null || attr.value === undefined) {
        report('attribute-without-value', attrLine, `Prop "${attr.name}" on <${name}> has no value: write ${attr.name}="...".`);
        continue;
      }
      if (typeof attr.value !== 'string') {
        const expr = (attr.value as { value?: unknown }).value;
        report('attribute-expression', attrLine, `Prop ${attr.name}={${String(expr)}} on <${name}> is an expression: props must be string literals, e.g. ${attr.name}="value".`);
        continue;
      }
      props[attr.name] = attr.value;
      if (propSpec.values && !propSpec.values.includes(attr.value)) {
        report('attribute-value', attrLine, `${attr.name}="${attr.value}" is not allowed on <${name}>: use one of ${propSpec.values.map((v) => `"${v}"`).join(', ')}.`);
      } else if (propSpec.pattern && !propSpec.pattern.regex.test(attr.value)) {
        report('attribute-value', attrLine, `${attr.name}="${attr.value}" on <${name}> must be ${propSpec.pattern.description}.`);
      }
    }
    for (const [prop, propSpec] of Object.entries(spec.props)) {
      if (propSpec.required && !(node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
        report('missing-attribute', line, `<${name}> needs a ${prop}="..." prop (${propSpec.description}).`);
      }
    }
    return props;
  };

  for (const child of tree.children ?? []) {
    const isStep = ELEMENT_TYPES.has(child.type) && child.name === 'Step';
    const isComment = EXPRESSION_TYPES.has(child.type) && isCommentOnly(child);
    const isInvalidAnyway = child.type === 'mdxjsEsm' || EXPRESSION_TYPES.has(child.type) || ELEMENT_TYPES.has(child.type);
    if (!isStep && !isComment && !isInvalidAnyway) {
      report('content-outside-step', child.position?.start.line, `${describeNode(child)} is outside any <Step>: every part of a lesson belongs to a step; move it into one (the lesson's objectives are shown from meta.ts).`);
    }
    visit(child, null);
  }

  checkStepsAgainstMeta(input, stepsSeen, report);
  for (const [index, id] of input.quizIds.entries()) {
    if (!quizUses.has(id)) {
      issues.push({ rule: 'quiz-unused', file: input.metaFile, path: `quiz[${index}]`, message: `Question "${id}" is never placed in content.mdx: add <Quiz id="${id}" /> to a step or remove it from meta.quiz.` });
    }
  }
  for (const [index, id] of (input.exerciseIds ?? []).entries()) {
    if (!exerciseUses.has(id)) {
      issues.push({ rule: 'exercise-unused', file: input.exercisesFile ?? input.metaFile, path: `exercises[${index}]`, message: `Exercise "${id}" is never placed in content.mdx: add <Exercise id="${id}" /> to a step or remove it from exercises.ts.` });
    }
  }
  checkRequirementsReachable(input, stepsSeen, issues);
  checkExerciseSteps(input, stepsSeen, issues);
  return issues;
}

/**
 * Each placed exercise is named by its step in meta.steps (`exercise: '<id>'`) and each named one
 * is placed in that step, so the step list and catalogue show passes on the right step. Exercises
 * placed nowhere are left to `exercise-unused`, unknown ones to `exercise-unknown`.
 */
function checkExerciseSteps(input: MdxValidationInput, seen: readonly StepSeen[], issues: LessonIssue[]): void {
  if (input.exerciseIds === undefined) return; // exercises.ts did not load: placements were not checked
  const byId = new Map(seen.map((s) => [s.id, s]));
  const placedSomewhere = new Set(seen.flatMap((s) => s.exercises.map((e) => e.id)));
  input.steps.forEach((step, stepIndex) => {
    const placed = byId.get(step.id)?.exercises ?? [];
    for (const exercise of placed) {
      if (exercise.id === step.exercise) continue;
      issues.push({
        rule: 'exercise-step',
        file: input.file,
        line: exercise.line,
        message: step.exercise === undefined
          ? `<Exercise id="${exercise.id}"> is in step "${step.id}", but that step in meta.steps does not name it: add exercise: '${exercise.id}' to { id: '${step.id}', ... } in ${input.metaFile} (the step list and the catalogue show its pass from there).`
          : `<Exercise id="${exercise.id}"> is in step "${step.id}", which names exercise "${step.exercise}" in meta.steps: a step holds one exercise; move one of them to its own step.`,
      });
    }
    if (step.exercise !== undefined && !placed.some((e) => e.id === step.exercise) && (placedSomewhere.has(step.exercise) || !(input.exerciseIds ?? []).includes(step.exercise))) {
      const where = seen.find((s) => s.exercises.some((e) => e.id === step.exercise));
      issues.push({
        rule: 'exercise-step',
        file: input.metaFile,
        path: `steps[${stepIndex}].exercise`,
        message: where
          ? `Step "${step.id}" names exercise "${step.exercise}", but content.mdx places it in step "${where.id}": name it on that step instead.`
          : `Step "${step.id}" names exercise "${step.exercise}", but its <Step> block places no such exercise: add <Exercise id="${step.exercise}" /> to it, or fix the id.`,
      });
    }
  });
}

/** Step blocks must match meta.steps one to one and in the same order. */
function checkStepsAgainstMeta(
  input: MdxValidationInput,
  seen: readonly StepSeen[],
  report: (rule: LessonRule, line: number | undefined, message: string) => void,
): void {
  const metaIds = input.steps.map((s) => s.id);
  const firstLine = new Map<string, number | undefined>();
  for (const step of seen) {
    if (firstLine.has(step.id)) {
      report('step-duplicate', step.line, `<Step id="${step.id}"> appears twice (first on line ${firstLine.get(step.id)}): merge the two blocks or rename one in both files.`);
      continue;
    }
    firstLine.set(step.id, step.line);
    if (!metaIds.includes(step.id)) {
      const suggestion = closestName(step.id, metaIds);
      report('step-extra', step.line, `<Step id="${step.id}"> is not in meta.steps${suggestion ? `: did you mean "${suggestion}"?` : '.'} Add { id: '${step.id}', title: '...' } to meta.steps or fix the id.`);
    }
  }
  for (const id of metaIds) {
    if (!firstLine.has(id)) {
      report('step-missing', undefined, `meta.steps has "${id}" but content.mdx has no <Step id="${id}"> block: add one (in the same position as in meta.steps).`);
    }
  }
  const contentOrder = [...firstLine.keys()].filter((id) => metaIds.includes(id));
  const metaOrder = metaIds.filter((id) => firstLine.has(id));
  const at = contentOrder.findIndex((id, i) => id !== metaOrder[i]);
  if (at >= 0) {
    const id = contentOrder[at] ?? '';
    report('step-order', firstLine.get(id), `<Step id="${id}"> is step ${at + 1} in content.mdx but "${metaOrder[at]}" is step ${at + 1} in meta.steps: put the blocks in the order of meta.steps (${metaIds.join(', ')}).`);
  }
}

/** A step may only require actions a widget in that step, or an earlier one, reports. */
function checkRequirementsReachable(input: MdxValidationInput, seen: readonly StepSeen[], issues: LessonIssue[]): void {
  const byId = new Map(seen.map((s) => [s.id, s]));
  const available = new Set<string>();
  input.steps.forEach((step, stepIndex) => {
    for (const action of byId.get(step.id)?.actions ?? []) available.add(action);
    (step.requires ?? []).forEach((req, reqIndex) => {
      if (available.has(req.action)) return;
      const offered = [...available];
      issues.push({
        rule: 'requires-unreachable',
        file: input.metaFile,
        path: `steps[${stepIndex}].requires[${reqIndex}].action`,
        message: `Step "${step.id}" requires action "${req.action}", but no widget in this step or an earlier one reports it, so the learner could never continue. Place a widget that reports it (see "actions" in lib/lessons/widget-names.ts) or fix the id${offered.length ? ` (reported so far: ${offered.join(', ')})` : ''}.`,
      });
    });
  });
}

function isCommentOnly(node: MdNode): boolean {
  const body = node.data?.estree?.body;
  if (Array.isArray(body)) return body.length === 0 && String(node.value).trim() !== '';
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value));
}

function describeNode(node: MdNode): string {
  switch (node.type) {
    case 'heading':
      return `A level-${node.depth} heading`;
    case 'paragraph':
      return 'A paragraph';
    case 'list':
      return 'A list';
    case 'code':
      return 'A code block';
    default:
      return `A ${node.type} block`;
  }
}

function syntaxErrorReason(error: unknown): string {
  const reason = (error as { reason?: unknown })?.reason;
  if (typeof reason === 'string') return reason.replace(/\.$/, '');
  return error instanceof Error ? error.message : String(error);
}

function syntaxErrorLine(error: unknown): number | undefined {
  const line = (error as { line?: unknown })?.line;
  if (typeof line === 'number') return line;
  const match = /\((\d+):\d+/.exec(syntaxErrorReason(error));
  return match ? Number(match[1]) : undefined;
}

/** The known name closest to `name` (edit distance at most 3, or a case-insensitive match). */
function closestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    if (candidate.toLowerCase() === name.toLowerCase()) return candidate;
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= Math.min(3, Math.floor(name.length / 2)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
