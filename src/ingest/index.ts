export {
  parseReport,
  readSource,
  cellsRead,
  isUnreadable,
  readFailure,
  sniffFormat,
  type ParseOptions,
} from '@/ingest/report';
export type {
  IngestWarning,
  ParsedReport,
  ParseInput,
  Provenance,
  SourceFormat,
  WarningSeverity,
} from '@/ingest/types';
export { readHtml } from '@/ingest/html';
export { readText, decodeText } from '@/ingest/text';
export { readPdf, type PdfOptions } from '@/ingest/pdf';
export { readDocx } from '@/ingest/docx';
export { parseValue } from '@/ingest/values';
export { normalizeText, normalizeCell } from '@/ingest/normalize';
