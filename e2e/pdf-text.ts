/**
 * The text of a PDF printed by Chromium, without a PDF library: enough of the format to read
 * what a handout says. Chromium (Skia) writes Type0 fonts with two-byte glyph codes and a
 * ToUnicode CMap per font; page content draws text with Tf (font) and Tj/TJ (glyph codes). This
 * inflates every Flate stream, maps each font resource to its CMap, and decodes the strings.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (streamAt >= 0) {
      dict = body.slice(0, streamAt);
      let dataStart = start + streamAt + 'stream'.length;
      if (text[dataStart] === '\r') dataStart++;
      if (text[dataStart] === '\n') dataStart++;
      const dataEnd = text.lastIndexOf('endstream', end);
      const raw = pdf.subarray(dataStart, dataEnd);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    objects.set(Number(match[1]), { dict, stream });
    header.lastIndex = end;
  }
  return objects;
}

/** glyph code (hex) → text, from a ToUnicode CMap. */
function parseCMap(cmap: string): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => Number.parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(src!.toLowerCase(), utf16(dst!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = Number.parseInt(lo!, 16);
      const first = Number.parseInt(dst!, 16);
      for (let code = from; code <= Number.parseInt(hi!, 16); code++)
        map.set(code.toString(16).padStart(lo!.length, '0'), String.fromCharCode(first + code - from));
    }
  }
  return map;
}

/** Every piece of text drawn in the PDF, in drawing order, one line per text positioning. */
export function pdfText(pdf: Buffer): string {
  const objects = readObjects(pdf);
  const cmapOfFont = new Map<number, Map<string, string>>();
  for (const [id, object] of objects) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(object.dict);
    const cmap = ref ? objects.get(Number(ref[1]))?.stream : undefined;
    if (cmap) cmapOfFont.set(id, parseCMap(cmap.toString('latin1')));
  }
  // Font resource names (/F3) → CMap. Skia names fonts once per document.
  const fonts = new Map<string, Map<string, string>>();
  for (const object of objects.values()) {
    for (const block of object.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const [, name, id] of block[1]!.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
        const cmap = cmapOfFont.get(Number(id));
        if (cmap) fonts.set(name!, cmap);
      }
    }
  }
  const out: string[] = [];
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1');
    if (!content || !/\bBT\b/.test(content)) continue;
    let cmap: Map<string, string> | undefined;
    const tokens = /\/([^\s/<>[\]()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(Td|TD|Tm|T\*|ET)\b/g;
    for (const token of content.matchAll(tokens)) {
      if (token[1] !== undefined) cmap = fonts.get(token[1]);
      else if (token[2] !== undefined && cmap) {
        const width = [...cmap.keys()][0]?.length ?? 4;
        for (let i = 0; i + width <= token[2].length; i += width)
          out.push(cmap.get(token[2].slice(i, i + width).toLowerCase()) ?? '');
      } else if (token[3] !== undefined) out.push('\n');
    }
  }
  return out.join('');
}
