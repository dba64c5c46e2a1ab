/**
 * pdf.js in the browser, served by the app itself (no CDN, nothing from the network): the worker
 * of the legacy build that `src/ingest/pdf.ts` loads, and its CMaps (needed by Chinese PDFs whose
 * fonts are not embedded) and standard fonts, bundled by Vite as files fetched only when a PDF
 * asks for one.
 */
import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import type { ParseOptions } from '@/ingest';

const CMAPS = import.meta.glob<string>('/node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url', import: 'default' });
const FONTS = import.meta.glob<string>('/node_modules/pdfjs-dist/standard_fonts/*', {
  query: '?url',
  import: 'default',
});

async function binaryData(kind: string, filename: string): Promise<Uint8Array> {
  const files = kind === 'cMapUrl' ? CMAPS : kind === 'standardFontDataUrl' ? FONTS : {};
  const dir = kind === 'cMapUrl' ? 'cmaps' : 'standard_fonts';
  const load = files[`/node_modules/pdfjs-dist/${dir}/${filename}`];
  if (!load) throw new Error(`pdf.js asked for ${kind} ${filename}, which the app does not bundle`);
  const res = await fetch(await load());
  if (!res.ok) throw new Error(`HTTP ${res.status} for ${filename}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Parse options that make PDFs readable in the browser. */
export const BROWSER_PDF_OPTIONS: ParseOptions = { workerSrc, binaryData };
