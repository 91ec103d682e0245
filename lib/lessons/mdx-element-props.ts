/**
 * The props rules of lesson MDX: every prop of an element is one its spec declares, written as a
 * string literal with an allowed value, and every required prop is there.
 *
 * @module
 */
import { closestName } from './closest-name';
import type { MdxIssueReporter } from './mdx-validation-input';
import type { MdNode } from './mdx-nodes';
import type { WidgetSpec } from './widget-spec';

/** Checks the props of element `name` against its spec; returns the literal ones by name. */
export function checkElementProps(
  node: MdNode,
  name: string,
  spec: WidgetSpec,
  line: number | undefined,
  report: MdxIssueReporter,
): Record<string, string> {
  const props: Record<string, string> = {};
  for (const attr of node.attributes ?? []) {
    const attrLine = attr.position?.start.line ?? line;
    if (attr.type !== 'mdxJsxAttribute' || attr.name === undefined) {
      report(
        'attribute-spread',
        attrLine,
        `Spread props {${String(attr.value)}} on <${name}> are not allowed: write each prop as name="value".`,
      );
      continue;
    }
    const propSpec = Object.hasOwn(spec.props, attr.name) ? spec.props[attr.name] : undefined;
    if (!propSpec) {
      const known = Object.keys(spec.props);
      const suggestion = closestName(attr.name, known);
      report(
        'unknown-attribute',
        attrLine,
        `<${name}> has no prop "${attr.name}"${suggestion ? `: did you mean "${suggestion}"?` : '.'} Allowed: ${known.length ? known.join(', ') : 'none'}.`,
      );
      continue;
    }
    if (attr.value === null || attr.value === undefined) {
      report(
        'attribute-without-value',
        attrLine,
        `Prop "${attr.name}" on <${name}> has no value: write ${attr.name}="...".`,
      );
      continue;
    }
    if (typeof attr.value !== 'string') {
      const expr = (attr.value as { value?: unknown }).value;
      report(
        'attribute-expression',
        attrLine,
        `Prop ${attr.name}={${String(expr)}} on <${name}> is an expression: props must be string literals, e.g. ${attr.name}="value".`,
      );
      continue;
    }
    props[attr.name] = attr.value;
    if (propSpec.values && !propSpec.values.includes(attr.value)) {
      report(
        'attribute-value',
        attrLine,
        `${attr.name}="${attr.value}" is not allowed on <${name}>: use one of ${propSpec.values.map((v) => `"${v}"`).join(', ')}.`,
      );
    } else if (propSpec.pattern && !propSpec.pattern.regex.test(attr.value)) {
      report(
        'attribute-value',
        attrLine,
        `${attr.name}="${attr.value}" on <${name}> must be ${propSpec.pattern.description}.`,
      );
    }
  }
  for (const [prop, propSpec] of Object.entries(spec.props)) {
    if (propSpec.required && !(node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === prop)) {
      report('missing-attribute', line, `<${name}> needs a ${prop}="..." prop (${propSpec.description}).`);
    }
  }
  return props;
}
