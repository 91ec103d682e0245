/**
 * What a lesson element's spec is (its props, children and the actions it reports), the action ids
 * a use of it reports, and the few plain HTML elements prose may use. The widgets themselves are
 * listed in `widget-names.ts`; the validator, the gallery and the lesson tree read both.
 * @module
 */

/** One prop a widget accepts. Props are always string literals in content.mdx. */
export interface WidgetPropSpec {
  /** What the prop means, for the validator's messages and the widget gallery. */
  readonly description: string;
  /** The content fails to validate without this prop. */
  readonly required?: boolean;
  /** The only values allowed, if the prop is an enumeration. */
  readonly values?: readonly string[];
  /** A pattern every value must match, with a human description of it. */
  readonly pattern?: { readonly regex: RegExp; readonly description: string };
}

/** A registered widget. */
export interface WidgetSpec {
  /** One sentence: what the learner does with it. */
  readonly description: string;
  /** Accepted props by name. Anything else is an error. */
  readonly props: Readonly<Record<string, WidgetPropSpec>>;
  /** Whether the widget takes children (prose) between an opening and a closing tag. */
  readonly children: boolean;
  /**
   * Action ids the widget reports with `recordLessonAction(id)`. `{prop}` is replaced by that
   * prop's value, e.g. `keypair:{actor}` on `<KeyPair actor="bob" />` reports `keypair:bob`. A
   * step may only require actions that a widget in that step (or an earlier one) reports.
   */
  readonly actions?: readonly string[];
  /**
   * The props the widget gallery (/authoring) renders it with and shows as a copyable snippet:
   * string literals, as in content.mdx. Required of every built widget (widget-gallery.test.ts).
   */
  readonly example?: Readonly<Record<string, string>>;
  /**
   * Named in the vocabulary but not built yet: content that uses it fails validation with "not
   * available yet", and the registry need not provide it. Delete this flag when the widget lands.
   */
  readonly planned?: true;
}

/**
 * Plain HTML elements allowed inline in prose (lowercase JSX), with their props. Kept tiny: layout
 * belongs to widgets, not to lesson authors.
 */
export const htmlElementSpecs = {
  kbd: { description: 'A key the learner presses.', props: {}, children: true },
  abbr: {
    description: 'An abbreviation with its expansion.',
    props: { title: { description: 'The expansion', required: true } },
    children: true,
  },
  sub: { description: 'Subscript.', props: {}, children: true },
  sup: { description: 'Superscript, e.g. 2<sup>16</sup>.', props: {}, children: true },
} as const satisfies Record<string, WidgetSpec>;

/**
 * The action ids a widget reports, given its literal props (templates whose prop is missing are
 * skipped: the missing prop is reported separately).
 */
export function widgetActions(spec: WidgetSpec, props: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const template of spec.actions ?? []) {
    let complete = true;
    const action = template.replace(/\{(\w+)\}/g, (_, prop: string) => {
      const value = props[prop];
      if (value === undefined) complete = false;
      return value ?? '';
    });
    if (complete) out.push(action);
  }
  return out;
}
