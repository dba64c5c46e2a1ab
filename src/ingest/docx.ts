/** DOCX → HTML with mammoth (merged cells become rowspan/colspan) → the HTML reader. */
import type { SourceDocument } from '@/ingest/types';
import { readHtml } from '@/ingest/html';
import { warning } from '@/ingest/warnings';
import { checkZip } from '@/domain/zip';

/** A ZIP that inflates past `ZIP_LIMITS` (a "zip bomb"), refused before the reader inflates it. */
export class ZipTooLargeError extends Error {
  override readonly name = 'ZipTooLargeError';
  constructor(
    /** At least this many bytes once inflated. */
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`inflates to more than ${limit} bytes`);
  }
}

export async function readDocx(bytes: Uint8Array): Promise<SourceDocument> {
  const zip = await checkZip(bytes);
  if (!zip.ok && zip.reason === 'too_large') throw new ZipTooLargeError(zip.bytes, zip.limit);
  const mod = await import('mammoth');
  const mammoth = (mod as unknown as { default?: typeof mod }).default ?? mod;
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // Node's mammoth reads `buffer`, the browser build reads `arrayBuffer`; both accept an ArrayBuffer.
  const input = { arrayBuffer, buffer: arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  // Images are never read: their bytes would only become base64 text in the HTML, which has no figures.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const result = await mammoth.convertToHtml(input, { convertImage });
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
