/**
 * Lesson MDX as the validator sees it: parsed to mdast with `@mdx-js/mdx` (the same parser the
 * build uses), the few node fields the rules read, and how nodes and parse errors are described
 * in messages.
 *
 * @module
 */
import { createProcessor } from '@mdx-js/mdx';

/** The few mdast / mdx-jsx node fields the validator reads. */
export interface MdNode {
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

export const ELEMENT_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement']);
export const EXPRESSION_TYPES = new Set(['mdxFlowExpression', 'mdxTextExpression']);

/** The parsed tree, or where and why the source does not parse. */
export function parseLessonMdx(source: string): { tree: MdNode } | { line: number | undefined; reason: string } {
  try {
    return { tree: createProcessor({ format: 'mdx' }).parse(source) as unknown as MdNode };
  } catch (error) {
    return { line: syntaxErrorLine(error), reason: syntaxErrorReason(error) };
  }
}

/** Whether an `{expression}` node holds only a comment (`{/* ... *\/}`), the one kind allowed. */
export function isCommentOnly(node: MdNode): boolean {
  const body = node.data?.estree?.body;
  if (Array.isArray(body)) return body.length === 0 && String(node.value).trim() !== '';
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(String(node.value));
}

/** A block node as a message names it, e.g. "A paragraph". */
export function describeNode(node: MdNode): string {
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
