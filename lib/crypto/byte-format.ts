/**
 * Renders bytes for people: hex grouped in 4-byte words, base64, UTF-8 text (or a note that the
 * bytes are not text), and bits grouped per byte. Used by every byte view, so one value looks the
 * same everywhere.
 * @module
 */
import { bytesToBase64, bytesToHex, bytesToUtf8OrNull } from './bytes';

export type ByteFormat = 'hex' | 'base64' | 'text' | 'bits';

export const BYTE_FORMATS: readonly ByteFormat[] = ['hex', 'base64', 'text', 'bits'];

/** The rendering of `bytes` in `format`; text that is not valid UTF-8 yields `null`. */
export function formatBytes(bytes: Uint8Array, format: ByteFormat): string | null {
  switch (format) {
    case 'hex': {
      const hex = bytesToHex(bytes);
      return hex.replace(/(.{8})(?=.)/g, '$1 ');
    }
    case 'base64':
      return bytesToBase64(bytes);
    case 'text': {
      const text = bytesToUtf8OrNull(bytes);
      // Control characters other than newline and tab mean "this is not really text".
      if (text === null || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return null;
      return text;
    }
    case 'bits':
      return Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join(' ');
  }
}

/** "32 bytes (256 bits)". */
export function describeLength(bytes: Uint8Array): string {
  return `${bytes.length} ${bytes.length === 1 ? 'byte' : 'bytes'} (${bytes.length * 8} bits)`;
}
