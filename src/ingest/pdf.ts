/**
 * PDF → source lines from the text layer: text items are grouped into lines by their baseline and
 * into cells by the horizontal gaps between them, keeping page and coordinates for provenance.
 * A PDF without any text (a scan) is reported, not guessed at.
 *
 * pdfjs-dist's legacy build works in Node (fake worker, loaded from the package) and in browsers.
 * In the browser the caller passes `workerSrc`, the URL of the bundled worker (the app uses Vite's
 * `pdfjs-dist/legacy/build/pdf.worker.min.mjs?url`, served by the app itself); no CDN is used.
 */
import type { SourceCell, SourceDocument, SourceLine } from '@/ingest/types';
import { warning } from '@/ingest/warnings';

export interface PdfOptions {
  /** Directory or URL of pdfjs-dist's `cmaps/` (needed for PDFs with non-embedded CJK CMaps). */
  readonly cMapUrl?: string;
  /** Directory or URL of pdfjs-dist's `standard_fonts/`. */
  readonly standardFontDataUrl?: string;
  /**
   * Browser only: URL of pdfjs-dist's worker matching the legacy build (set as
   * `GlobalWorkerOptions.workerSrc`). Node needs none: pdf.js runs its worker in-process there.
   */
  readonly workerSrc?: string;
  /**
   * Browser only: pdfjs-dist's binary data from the app's own bundle instead of URLs, called with
   * `cMapUrl` and `<name>.bcmap` for CMaps (CJK PDFs without embedded fonts) or
   * `standardFontDataUrl` and a font file name. Reject to say "not available".
   */
  readonly binaryData?: (kind: string, filename: string) => Promise<Uint8Array>;
}

/** pdf.js's BinaryDataFactory interface over `options.binaryData`. */
function binaryDataFactory(load: NonNullable<PdfOptions['binaryData']>) {
  return class BundledBinaryData {
    fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      return load(kind, filename);
    }
  };
}

interface Item {
  str: string;
  x: number;
  x2: number;
  y: number;
  h: number;
}

interface RawTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/**
 * Items → lines: an item joins the first line whose baseline is within tolerance of its own.
 * Items come top to bottom, so lines are made in falling y, and only the last few can be within
 * `max(1.5, h × 0.45)` of an item (the tolerance is never larger): those are searched, not every
 * line of the page, which took time quadratic in the lines of a page. Items without a finite
 * position cannot be placed and are left out.
 */
function groupLines(items: Item[]): Item[][] {
  const sorted = items
    .filter((it) => Number.isFinite(it.y) && Number.isFinite(it.h) && Number.isFinite(it.x))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; h: number; items: Item[] }[] = [];
  for (const it of sorted) {
    const reach = Math.max(1.5, it.h * 0.45);
    let from = lines.length;
    while (from > 0 && (lines[from - 1] as (typeof lines)[number]).y - it.y <= reach) from--;
    let line: (typeof lines)[number] | undefined;
    for (let i = from; i < lines.length && !line; i++) {
      const l = lines[i] as (typeof lines)[number];
      if (Math.abs(l.y - it.y) <= Math.max(1.5, Math.min(l.h, it.h) * 0.45)) line = l;
    }
    if (line) line.items.push(it);
    else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines.map((l) => l.items.sort((a, b) => a.x - b.x));
}

function cellsOf(line: Item[], page: number): SourceCell[] {
  // Items closer than about half a character belong to one cell.
  const groups: Item[] = [];
  for (const it of line) {
    const prev = groups[groups.length - 1];
    if (prev && it.x - prev.x2 <= Math.max(2, it.h * 0.6)) {
      groups[groups.length - 1] = {
        ...prev,
        str: prev.str + (it.x - prev.x2 > it.h * 0.2 ? ' ' : '') + it.str,
        x2: Math.max(prev.x2, it.x2),
      };
    } else groups.push({ ...it });
  }
  return groups
    .filter((g) => g.str.trim())
    .map((g) => {
      const text = g.str.trim();
      return {
        text,
        x: g.x,
        x2: g.x2,
        structured: false,
        prov: { format: 'pdf' as const, text, page, x: Math.round(g.x * 10) / 10, y: Math.round(g.y * 10) / 10 },
      };
    });
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/** Whether any of the first pages draws text (text-showing operators), readable or not. */
async function showsText(pdfjs: PdfJs, doc: PdfDoc): Promise<boolean> {
  const ops = new Set([
    pdfjs.OPS.showText,
    pdfjs.OPS.showSpacedText,
    pdfjs.OPS.nextLineShowText,
    pdfjs.OPS.nextLineSetSpacingShowText,
  ]);
  for (let p = 1; p <= Math.min(doc.numPages, 3); p++) {
    const list = await (await doc.getPage(p)).getOperatorList();
    if (list.fnArray.some((f) => ops.has(f))) return true;
  }
  return false;
}

export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<SourceDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (options.workerSrc && pdfjs.GlobalWorkerOptions.workerSrc !== options.workerSrc) {
    pdfjs.GlobalWorkerOptions.workerSrc = options.workerSrc;
  }
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    ...(options.cMapUrl ? { cMapUrl: options.cMapUrl, cMapPacked: true } : {}),
    ...(options.standardFontDataUrl ? { standardFontDataUrl: options.standardFontDataUrl } : {}),
    ...(options.binaryData
      ? { BinaryDataFactory: binaryDataFactory(options.binaryData), cMapPacked: true, useWorkerFetch: false }
      : {}),
  });
  const doc = await task.promise;
  const lines: SourceLine[] = [];
  const textParts: string[] = [];
  let itemCount = 0;
  let drawsText = false;
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items as RawTextItem[]) {
        if (typeof raw.str !== 'string' || !raw.transform) continue;
        if (!raw.str.trim()) continue;
        const [a = 1, b = 0, , d = 1, e = 0, f = 0] = raw.transform;
        const h = raw.height || Math.hypot(a, b) || Math.abs(d) || 10;
        items.push({ str: raw.str, x: e, x2: e + (raw.width ?? 0), y: f, h });
      }
      itemCount += items.length;
      for (const line of groupLines(items)) {
        const cells = cellsOf(line, p);
        // Page numbers ("- 2 -", "2/5") printed as a line of their own.
        const joined = cells.map((c) => c.text).join('');
        if (/^[-－—–]?\s*\d{1,3}\s*[-－—–]?$/.test(joined) && cells.length === 1 && /[-－—–]/.test(joined)) continue;
        if (/^第\s*\d{1,3}\s*页/.test(joined)) continue;
        if (cells.length) lines.push({ cells });
        textParts.push(cells.map((c) => c.text).join('\t'));
      }
      page.cleanup();
    }
    // No text at all: a scan, or text whose fonts could not be decoded (e.g. a Chinese font that
    // is not embedded, when pdf.js's CMaps are not available). Only the page content tells.
    if (itemCount === 0) drawsText = await showsText(pdfjs, doc);
  } finally {
    await doc.destroy();
  }
  const warnings =
    itemCount > 0
      ? []
      : drawsText
        ? [
            warning(
              'pdf_text_undecodable',
              'PDF 有文字，但字体编码无法解码（缺少 CMap 字符映射数据）：无法读取数据',
              'the PDF has text, but its font encoding could not be decoded (CMap data missing): nothing can be read',
              undefined,
              'error',
            ),
          ]
        : [
            warning(
              'pdf_no_text_layer',
              '扫描版 PDF，没有文字层：无法读取数据（需要先做文字识别 OCR）',
              'scanned PDF, no text layer: nothing can be read (it would need OCR first)',
              undefined,
              'error',
            ),
          ];
  return { format: 'pdf', lines, text: textParts.join('\n'), warnings };
}
