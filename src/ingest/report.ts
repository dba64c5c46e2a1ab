/** One report document → one parsed report: format sniffing, reading, detection, mapping. */
import type { IngestWarning, ParsedReport, ParseInput, SourceDocument, SourceFormat } from '@/ingest/types';
import { decodeText, readText } from '@/ingest/text';
import { MAX_GRID_CELLS, readHtml } from '@/ingest/html';
import { readPdf, type PdfOptions } from '@/ingest/pdf';
import { readDocx, ZipTooLargeError } from '@/ingest/docx';
import { byteSize } from '@/domain/zip';
import { tokenize } from '@/ingest/tokens';
import { detectIdentity, detectTemplate, findSections } from '@/ingest/detect';
import { mapTables } from '@/ingest/map-tables';
import { warning } from '@/ingest/warnings';

export type ParseOptions = PdfOptions;

type Sniffed = SourceFormat | 'doc' | 'unknown';

export function sniffFormat(input: ParseInput): Sniffed {
  const name = input.name.toLowerCase();
  const mime = (input.mime ?? '').toLowerCase();
  if (typeof input.bytes !== 'string') {
    const b = input.bytes;
    if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf';
    if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
      return name.endsWith('.docx') || mime.includes('word') || !name.match(/\.(zip|xlsx|ods)$/) ? 'docx' : 'unknown';
    if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'doc';
  }
  if (mime.includes('pdf') || name.endsWith('.pdf')) return 'pdf';
  if (name.endsWith('.docx')) return 'docx';
  if (name.endsWith('.doc') || name.endsWith('.wps')) return 'doc';
  return 'text';
}

async function read(input: ParseInput, format: Sniffed, options: ParseOptions): Promise<SourceDocument> {
  if (format === 'pdf' || format === 'docx') {
    const bytes = typeof input.bytes === 'string' ? new TextEncoder().encode(input.bytes) : input.bytes;
    return format === 'pdf' ? readPdf(bytes, options) : readDocx(bytes);
  }
  const text = decodeText(input.bytes);
  const isHtml =
    input.mime?.includes('html') ||
    /\.(html?|shtml|xhtml)$/i.test(input.name) ||
    // [^<>]: a tag's scan ends at the next '<', so text full of unclosed tags is scanned once.
    /<(table|tr|td|html|body|p|div)\b[^<>]*>/i.test(text);
  return isHtml ? readHtml(text) : readText(text);
}

/**
 * The document's source lines as the parser saw them (for showing a figure's passage beside it).
 * Throws where `parseReport` would report the file unreadable.
 */
export async function readSource(input: ParseInput, options: ParseOptions = {}): Promise<SourceDocument> {
  const sniffed = sniffFormat(input);
  if (sniffed === 'doc' || sniffed === 'unknown') throw new Error('unsupported format');
  return read(input, sniffed, options);
}

/**
 * Why a document could not be read, in the user's words: the reader's own error (pdf.js's
 * `PasswordException`, `InvalidPDFException`, a ZIP error from the DOCX reader…) is never shown.
 */
export function readFailure(e: unknown, format: SourceFormat): IngestWarning {
  const kind = typeof e === 'object' && e !== null ? String((e as { name?: unknown }).name ?? '') : '';
  if (kind === 'PasswordException') {
    return warning(
      'pdf_encrypted',
      '该 PDF 有密码保护，无法读取。请用密码打开后另存为不加密的 PDF，或改用年报的网页版。',
      'This PDF is password-protected and cannot be read. Open it with its password and save an unprotected copy, or use the web page of the report.',
      undefined,
      'error',
    );
  }
  if (e instanceof ZipTooLargeError) {
    const size = byteSize(e.bytes);
    const limit = byteSize(e.limit);
    return warning(
      'docx_too_large',
      `该 Word 文件解压后至少有 ${size}，超过可读取的上限 ${limit}（可能是损坏或恶意构造的文件）。请在 Word 中打开后另存为 PDF，或改用年报的网页版。`,
      `This Word file inflates to at least ${size}, over the ${limit} that can be read (it may be damaged or crafted). Open it in Word and save it as PDF, or use the web page of the report.`,
      undefined,
      'error',
    );
  }
  if (format === 'pdf') {
    return warning(
      'pdf_invalid',
      '该 PDF 已损坏或不完整，无法读取。请重新下载，或改用年报的网页版。',
      'This PDF is damaged or incomplete and cannot be read. Download it again, or use the web page of the report.',
      undefined,
      'error',
    );
  }
  if (format === 'docx') {
    return warning(
      'docx_invalid',
      '该 Word 文件已损坏或不是 .docx 格式，无法读取。请在 Word 中打开并另存为 .docx 或 PDF。',
      'This Word file is damaged or not a .docx and cannot be read. Open it in Word and save it as .docx or PDF.',
      undefined,
      'error',
    );
  }
  return warning(
    'unreadable',
    '文件无法读取。请确认它是年报的网页（HTML）、文本、PDF 或 Word（.docx）文件。',
    'The file could not be read. Check that it is the report as a web page (HTML), text, PDF or Word (.docx) file.',
    undefined,
    'error',
  );
}

function emptyReport(input: ParseInput, format: SourceFormat, warnings: IngestWarning[]): ParsedReport {
  return {
    fileName: input.name,
    format,
    agencyName: null,
    year: null,
    template: null,
    cells: {},
    provenance: {},
    warnings,
  };
}

/**
 * Parse one published report. Never throws for a bad document: a file that cannot be read at all
 * comes back with an `error` warning and no cells.
 */
export async function parseReport(input: ParseInput, options: ParseOptions = {}): Promise<ParsedReport> {
  const sniffed = sniffFormat(input);
  if (sniffed === 'doc' || sniffed === 'unknown') {
    return emptyReport(input, 'text', [
      warning(
        'unsupported_format',
        '不支持的文件格式（旧版 .doc/.wps 请另存为 .docx 或 PDF）',
        'unsupported file format (save old .doc/.wps files as .docx or PDF)',
        undefined,
        'error',
      ),
    ]);
  }
  let doc: SourceDocument;
  try {
    doc = await read(input, sniffed, options);
  } catch (e) {
    return emptyReport(input, sniffed, [readFailure(e, sniffed)]);
  }
  const warnings: IngestWarning[] = [...doc.warnings];
  const identity = detectIdentity(doc.text, input.name);
  if (warnings.some((w) => w.severity === 'error')) {
    return { ...emptyReport(input, doc.format, warnings), agencyName: identity.agencyName, year: identity.year };
  }
  const tokens = tokenize(doc);
  const sections = findSections(tokens);
  const start = sections.s2?.[0] ?? sections.s3?.[0] ?? sections.s4?.[0];
  // Spans past the limit, and no report's tables among what was read unmerged: said as such,
  // naming the file, rather than a blank row with only "template unknown" to go by.
  const capped = warnings.some((w) => w.code === 'grid_capped');
  const refusedAsCapped = () => ({
    ...emptyReport(input, doc.format, [...warnings, gridRefused(input.name)]),
    year: identity.year,
  });
  if (start === undefined && capped) return refusedAsCapped();
  if (start === undefined) {
    return {
      ...emptyReport(input, doc.format, [
        ...warnings,
        ...identity.warnings,
        warning(
          'no_tables',
          '未找到统计表（第二、三、四部分）',
          'no statistical tables (sections 二, 三, 四) found',
          undefined,
          'error',
        ),
      ]),
      agencyName: identity.agencyName,
      year: identity.year,
    };
  }
  const { template, warnings: tplWarnings } = detectTemplate(tokens.slice(start), identity.year);
  if (!template && capped) return refusedAsCapped();
  warnings.push(...identity.warnings, ...tplWarnings);
  if (!template) {
    return { ...emptyReport(input, doc.format, warnings), agencyName: identity.agencyName, year: identity.year };
  }
  const mapped = mapTables(tokens, sections, template);
  return {
    fileName: input.name,
    format: doc.format,
    agencyName: identity.agencyName,
    year: identity.year,
    template,
    cells: mapped.cells,
    provenance: mapped.provenance,
    warnings: [...warnings, ...mapped.warnings],
  };
}

/** Cells that hold a number (not null). */
export function cellsRead(report: ParsedReport): number {
  return Object.values(report.cells).filter((v) => v !== null).length;
}

export function isUnreadable(report: ParsedReport): boolean {
  return report.warnings.some((w) => w.severity === 'error');
}

/** A document whose merged cells are past `MAX_GRID_CELLS` and whose tables could not be read. */
function gridRefused(file: string): IngestWarning {
  const limit = MAX_GRID_CELLS.toLocaleString('en-US');
  return warning(
    'grid_too_large',
    `${file}：表格的合并单元格过多（超过 ${limit} 个格位），读不出统计表，未导入。请核对原文件，或另存为 PDF 后再导入`,
    `${file}: its tables' merged cells exceed ${limit} grid positions and no statistical table could be read, so it was not imported. Check the original, or save it as PDF and import that`,
    undefined,
    'error',
  );
}
