/**
 * The widget gallery's data (the page is app/authoring/): one entry per built widget of the closed
 * vocabulary (widget-names.ts, the validator's source of truth), with its props, the actions it
 * reports for `requires`, and the MDX snippet an author copies, all from the widget's spec and its
 * `example`. A widget that lands without an example is reported as missing (widget-gallery.test.ts
 * fails on it), so the gallery cannot fall behind the vocabulary.
 *
 * @module
 */
import type { Lesson } from './lesson-types';
import { widgetActions, type WidgetSpec } from './widget-spec';

/** One prop, as the gallery's table shows it. */
export interface GalleryProp {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** The allowed values, or the pattern's description, or undefined for free text. */
  readonly allowed?: string;
}

/** One widget of the gallery. */
export interface GalleryEntry {
  readonly name: string;
  readonly description: string;
  readonly props: readonly GalleryProp[];
  /**
   * Each action as declared (`keypair:{actor}`) and as the example reports it (`keypair:alice`):
   * what a step's `requires` may name.
   */
  readonly actions: readonly { readonly template: string; readonly action: string | undefined }[];
  /** The example's props, rendered live. */
  readonly example: Readonly<Record<string, string>>;
  readonly children: boolean;
  /** The example as content.mdx text. */
  readonly snippet: string;
}

/** The prose an example with children wraps. */
export const EXAMPLE_PROSE = 'Prose goes here, in Markdown.';

/** The lesson the gallery's widgets run inside: its step, question and exercise are the examples' ids. */
export const GALLERY_LESSON: Lesson = {
  slug: 'widget-gallery',
  title: 'Widget gallery',
  summary: 'Every widget lesson content may use, rendered live.',
  minutes: 1,
  level: 'beginner',
  objectives: ['See every widget with its props and actions'],
  prerequisites: [],
  steps: [{ id: 'example', title: 'An example step', exercise: 'example-exercise' }],
  quiz: [
    {
      id: 'example-question',
      question: 'Which half of a key pair may be shared?',
      choices: [
        { text: 'The public key', correct: true, explanation: 'It is computed from the secret key and safe to share.' },
        { text: 'The secret key', correct: false, explanation: 'Whoever holds it can read what is sent to its owner.' },
      ],
    },
  ],
};

/** `<Name a="x" />`, or with children, the block form authors write in content.mdx. */
function widgetSnippet(name: string, example: Readonly<Record<string, string>>, children: boolean): string {
  const props = Object.entries(example)
    .map(([key, value]) => ` ${key}="${value}"`)
    .join('');
  return children ? `<${name}${props}>\n\n${EXAMPLE_PROSE}\n\n</${name}>` : `<${name}${props} />`;
}

function allowedValues(spec: WidgetSpec['props'][string]): string | undefined {
  if (spec.values) return spec.values.map((v) => `"${v}"`).join(', ');
  return spec.pattern?.description;
}

/** The gallery's entries, in vocabulary order, and the built widgets that have no example. */
export function galleryEntries(specs: Readonly<Record<string, WidgetSpec>>): {
  entries: GalleryEntry[];
  missing: string[];
} {
  const entries: GalleryEntry[] = [];
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.planned) continue;
    if (!spec.example) {
      missing.push(name);
      continue;
    }
    entries.push({
      name,
      description: spec.description,
      props: Object.entries(spec.props).map(([prop, p]) => ({
        name: prop,
        description: p.description,
        required: p.required ?? false,
        allowed: allowedValues(p),
      })),
      actions: (spec.actions ?? []).map((template) => ({
        template,
        action: widgetActions({ ...spec, actions: [template] }, spec.example ?? {})[0],
      })),
      example: spec.example,
      children: spec.children,
      snippet: widgetSnippet(name, spec.example, spec.children),
    });
  }
  return { entries, missing };
}
