/**
 * The closed vocabulary of lesson content: every element a `content.mdx` may use, with the string
 * props it accepts. The validator (`validate-mdx.ts`) and the registry of React components
 * (`app/_components/widgets/registry.tsx`, typed `Record<WidgetName, ...>`) both read this list,
 * so registering a widget is: add its spec here, then add its component to the registry (the
 * type checker points at the registry until you do).
 *
 * @module
 */
import { KEBAB_CASE } from './id-patterns';

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
   * Named in the vocabulary but not built yet: content that uses it fails validation with "not
   * available yet", and the registry need not provide it. Delete this flag when the widget lands.
   */
  readonly planned?: true;
}

/** The actors of the simulated world; each has its colour token (`--alice`, ...). */
export const ACTOR_NAMES = ['alice', 'bob', 'carol', 'eve', 'server', 'escrow', 'thief'] as const;

const kebabIdProp = (description: string): WidgetPropSpec => ({
  description,
  required: true,
  pattern: { regex: KEBAB_CASE, description: 'kebab-case, e.g. "why-public"' },
});

const actorProp: WidgetPropSpec = { description: 'Whose widget this is', required: true, values: ACTOR_NAMES };

/** Every widget content.mdx may use, by element name. */
export const widgetSpecs = {
  Step: {
    description: 'One step of the lesson; its heading and gating come from meta.steps with the same id.',
    props: { id: kebabIdProp('The step id from meta.steps') },
    children: true,
  },
  Quiz: {
    description: 'A multiple-choice question from meta.quiz; the learner checks an answer and sees why.',
    props: { id: kebabIdProp('The question id from meta.quiz') },
    children: false,
    actions: ['quiz:{id}'],
  },
  Callout: {
    description: 'A boxed aside.',
    props: {
      kind: { description: 'What sort of aside', required: true, values: ['note', 'warning', 'history', 'tip'] },
      title: { description: 'Optional heading of the box' },
    },
    children: true,
  },
  // Crypto widgets (issue: lead). Action ids below are proposals to be confirmed by their author.
  KeyPair: {
    description: 'Generate an X25519 key pair for an actor and inspect it.',
    props: { actor: actorProp },
    children: false,
    actions: ['keypair:{actor}'],
    planned: true,
  },
  KeyExchange: {
    description: 'Run X25519 Diffie-Hellman between two actors and compare the shared secrets.',
    props: {},
    children: false,
    actions: ['exchange'],
    planned: true,
  },
  Derive: {
    description: 'Derive a message key from the shared secret with HKDF-SHA256.',
    props: {},
    children: false,
    actions: ['derive'],
    planned: true,
  },
  EncryptDecrypt: {
    description: 'Seal and open a message with an AEAD.',
    props: {},
    children: false,
    actions: ['encrypt', 'decrypt'],
    planned: true,
  },
  ByteView: {
    description: 'Show a value as hex, base64, text or bits with its length and origin.',
    props: {
      value: { description: 'Which value to show', required: true },
      label: { description: 'Accessible name of the value', required: true },
    },
    children: false,
    planned: true,
  },
  Wire: {
    description: 'The wire log: exactly what an on-path observer sees.',
    props: {},
    children: false,
    planned: true,
  },
  ServerView: {
    description: 'What the relay server stores and can read.',
    props: {},
    children: false,
    planned: true,
  },
  Tamper: {
    description: 'Flip a bit of a ciphertext and watch the tag check fail.',
    props: {},
    children: false,
    actions: ['tamper:rejected'],
    planned: true,
  },
} as const satisfies Record<string, WidgetSpec>;

/** Names in the vocabulary, built or planned. */
export type VocabularyName = keyof typeof widgetSpecs;

/** Names of the widgets that exist: the keys the component registry must provide. */
export type WidgetName = {
  [K in VocabularyName]: (typeof widgetSpecs)[K] extends { planned: true } ? never : K;
}[VocabularyName];

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
