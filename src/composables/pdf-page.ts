/**
 * One page of a PDF report drawn as an image, with the box where a figure was printed, so the
 * review queue can show the source beside the parsed table. pdf.js (the same legacy build the
 * parser uses, with the app's own worker, CMaps and fonts) renders into a canvas; the figure's
 * provenance gives its baseline position in PDF points, turned into pixel coordinates here.
 */
import { BROWSER_PDF_OPTIONS } from '@/composables/pdf-assets';

export interface RenderedPage {
  /** An object URL of the page as PNG; revoke it when done. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** The printed figure's box in image pixels, when a position was given. */
  readonly box: { left: number; top: number; width: number; height: number } | null;
}

/** A point in PDF user space (origin bottom left) and the text printed there. */
export interface PrintedAt {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

export async function renderPdfPage(
  bytes: Uint8Array,
  pageNo: number,
  at: PrintedAt | null,
  cssWidth = 720,
): Promise<RenderedPage> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { workerSrc } = BROWSER_PDF_OPTIONS;
  if (workerSrc && pdfjs.GlobalWorkerOptions.workerSrc !== workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  const binaryData = BROWSER_PDF_OPTIONS.binaryData;
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    verbosity: 0,
    ...(binaryData
      ? {
          BinaryDataFactory: class {
            fetch({ kind, filename }: { kind: string; filename: string }) {
              return binaryData(kind, filename);
            }
          },
          cMapPacked: true,
          useWorkerFetch: false,
        }
      : {}),
  }).promise;
  try {
    const page = await doc.getPage(Math.min(Math.max(1, pageNo), doc.numPages));
    const base = page.getViewport({ scale: 1 });
    // Twice the width it is shown at, for a sharp page on high-density screens.
    const viewport = page.getViewport({ scale: (cssWidth * 2) / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    await page.render({ canvas, viewport }).promise;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the page could not be drawn');
    let box: RenderedPage['box'] = null;
    if (at) {
      // The baseline point, and a box from a little below it to about one line above, as wide as
      // the printed text (a CJK-width estimate: the parser keeps the start, not the end).
      const fontPt = 11;
      const widthPt = Math.max(fontPt * 1.5, at.text.length * fontPt * 0.62);
      const [x1, y1] = viewport.convertToViewportPoint(at.x - 2, at.y - 3);
      const [x2, y2] = viewport.convertToViewportPoint(at.x + widthPt + 2, at.y + fontPt + 2);
      const left = Math.min(x1 as number, x2 as number);
      const top = Math.min(y1 as number, y2 as number);
      box = {
        left: left / 2,
        top: top / 2,
        width: Math.abs((x2 as number) - (x1 as number)) / 2,
        height: Math.abs((y2 as number) - (y1 as number)) / 2,
      };
    }
    page.cleanup();
    return { url: URL.createObjectURL(blob), width: canvas.width / 2, height: canvas.height / 2, box };
  } finally {
    await doc.destroy();
  }
}
