/**
 * A tiny TypeScript tokenizer for the static, read-only code view shown before Monaco loads (and for
 * the revealed solution). It only needs to colour comments, strings, numbers and keywords well
 * enough to read; anything it does not recognise is plain text.
 */

/** A run of source text and what it is. */
export interface CodeToken {
  readonly kind: 'comment' | 'string' | 'number' | 'keyword' | 'type' | 'plain';
  readonly text: string;
}

const KEYWORDS = new Set(
  'import export from as default const let var function async await return if else for of in while do break continue new throw try catch finally class extends interface type enum typeof instanceof void null undefined true false this switch case yield readonly keyof satisfies declare'.split(
    ' ',
  ),
);
const TYPES = new Set(
  'string number boolean bigint unknown any never object Uint8Array Promise Record Array'.split(' '),
);

const TOKEN =
  /(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))|('(?:\\.|[^'\\\n])*'?|"(?:\\.|[^"\\\n])*"?|`(?:\\.|[^`\\])*`?)|(\b(?:0x[\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?)n?\b)|([A-Za-z_$][\w$]*)/g;

/** Splits `source` into tokens; concatenating their texts gives `source` back. */
export function highlightTypeScript(source: string): CodeToken[] {
  const tokens: CodeToken[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'plain', text: source.slice(last, index) });
    const [text, comment, string, number, word] = match;
    if (comment) tokens.push({ kind: 'comment', text });
    else if (string) tokens.push({ kind: 'string', text });
    else if (number) tokens.push({ kind: 'number', text });
    else if (word && KEYWORDS.has(word)) tokens.push({ kind: 'keyword', text });
    else if (word && TYPES.has(word)) tokens.push({ kind: 'type', text });
    else tokens.push({ kind: 'plain', text });
    last = index + text.length;
  }
  if (last < source.length) tokens.push({ kind: 'plain', text: source.slice(last) });
  return tokens;
}
