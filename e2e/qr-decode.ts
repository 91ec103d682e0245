/**
 * Decodes a QR code drawn on the page, the way a phone would: the SVG is rasterised in the page and
 * read by jsQR (a decoder independent of the encoder the app uses). Returns the decoded text.
 */
import { createRequire } from 'node:module';
import type { Locator } from '@playwright/test';

const require = createRequire(import.meta.url);
const JSQR_PATH = require.resolve('jsqr/dist/jsQR.js');

export async function decodeQr(svg: Locator): Promise<string> {
  const page = svg.page();
  await page.addScriptTag({ path: JSQR_PATH });
  const markup = await svg.evaluate((element) => new XMLSerializer().serializeToString(element));
  return page.evaluate(async (svgMarkup) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svgMarkup], { type: 'image/svg+xml' }));
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the QR code SVG did not load as an image'));
      image.src = url;
    });
    const side = 400;
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.drawImage(image, 0, 0, side, side);
    URL.revokeObjectURL(url);
    const pixels = context.getImageData(0, 0, side, side);
    type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
    const jsQR = (window as unknown as { jsQR: JsQr }).jsQR;
    const result = jsQR(pixels.data, side, side);
    if (!result) throw new Error('jsQR found no QR code in the SVG');
    return result.data;
  }, markup);
}
