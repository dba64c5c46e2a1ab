/** DOCX → HTML with mammoth (merged cells become rowspan/colspan) → the HTML reader. */
import type { SourceDocument } from '@/ingest/types';
import { readHtml } from '@/ingest/html';
import { warning } from '@/ingest/warnings';

export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const mod = await import('mammoth');
  const mammoth = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`; both accept an ArrayBuffer.
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  const result = await mammoth.convertToHtml(input);
  const doc = readHtml(result.value, 'docx');
  const errors = result.messages.filter((m) => m.type === 'error');
  if (errors.length) {
    doc.warnings.push(
      warning(
        'docx_conversion',
        `DOCX 转换时出现问题：${errors[0]?.message ?? ''}`,
        `DOCX conversion reported: ${errors[0]?.message ?? ''}`,
      ),
    );
  }
  return doc;
}
