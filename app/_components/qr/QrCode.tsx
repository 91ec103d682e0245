/**
 * A QR code drawn locally as one SVG path (no network, no canvas): the link it encodes is also shown
 * as text by the caller, so the code is a convenience, never the only way in.
 *
 * `uqr` does the encoding (ISO/IEC 18004); error correction M survives a projector's glare and a
 * phone held at an angle. Dark modules are drawn in black on a white quiet zone in both themes,
 * because phone scanners expect dark-on-light.
 */
import { encode } from 'uqr';

interface QrCodeProps {
  /** The text to encode, usually an absolute URL. */
  readonly value: string;
  /** What the code is for, read by screen readers (e.g. "QR code of the join link"). */
  readonly label: string;
  /** Rendered width and height in CSS pixels. */
  readonly size?: number;
}

/** One `M x y h1 v1 h-1 z` square per dark module; the quiet zone is four modules wide (ISO 18004 §6.3.8). */
function modulePath(data: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x} ${y}h1v1h-1z`);
    }),
  );
  return parts.join('');
}

export function QrCode({ value, label, size = 192 }: QrCodeProps) {
  const qr = encode(value, { ecc: 'M', border: 4 });
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      shapeRendering="crispEdges"
      data-qr-value={value}
    >
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={modulePath(qr.data)} fill="#000" />
    </svg>
  );
}
