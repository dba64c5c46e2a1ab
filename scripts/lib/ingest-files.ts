/** Node helpers shared by the ingest command-line tools. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import { parseReport, type ParseOptions, type ParsedReport } from '@/ingest';

export const REPORT_EXTENSIONS = new Set([
  '.html',
  '.htm',
  '.shtml',
  '.xhtml',
  '.txt',
  '.text',
  '.pdf',
  '.docx',
  '.doc',
  '.wps',
]);

export function isReportFile(path: string): boolean {
  return (
    REPORT_EXTENSIONS.has(extname(path).toLowerCase()) &&
    !path.endsWith('.truth.csv') &&
    !basename(path).startsWith('_')
  );
}

/** Files given on the command line, folders expanded recursively, sorted. */
export function collectFiles(args: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) walk(join(p, e));
    else if (isReportFile(p)) out.push(p);
  };
  for (const a of args) walk(a);
  return out;
}

let pdfOptions: ParseOptions | undefined;

/** pdfjs-dist's CMaps and standard fonts from node_modules (never from a CDN). */
export function nodePdfOptions(): ParseOptions {
  if (pdfOptions) return pdfOptions;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  pdfOptions = { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
  return pdfOptions;
}

export async function parseFile(path: string): Promise<ParsedReport> {
  return parseReport({ name: basename(path), bytes: new Uint8Array(readFileSync(path)) }, nodePdfOptions());
}

export function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY && done < total) return;
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  process.stderr.write(`\r${bar} ${done}/${total} ${label.slice(0, 40).padEnd(40)}${done === total ? '\n' : ''}`);
}

/** Display width of a string in a terminal (CJK counts two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const c of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c)
      ? 2
      : 1;
  return w;
}

export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const fmt = (r: readonly string[]) =>
    r
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(c))))
      .join('  ')
      .trimEnd();
  return [fmt(cells[0] ?? []), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n');
}
