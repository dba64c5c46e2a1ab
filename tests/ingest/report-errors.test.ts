/** Hostile report documents: refused in the user's words, never with the reader's error, and read in time linear in their size. */
import { describe, expect, it } from 'vitest';
import { parseReport } from '@/ingest/report';
import type { IngestWarning } from '@/ingest/types';
import { decodeText } from '@/ingest/text';
import { readPdf } from '@/ingest/pdf';

/** A minimal PDF of the given objects, with a correct cross-reference table. */
function pdf(objects: readonly string[], trailer: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const hex = (bytes: number) => `<${'ab'.repeat(bytes)}>`;

// Standard security handler, revision 2: the empty user password does not match /U, so the
// document needs a password.
const encrypted = pdf(
  [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex(32)} /U ${hex(32)} /P -4 >>`,
  ],
  `/Root 1 0 R /Encrypt 3 0 R /ID [${hex(16)} ${hex(16)}]`,
);

const RAW = /Exception|Error:|central directory|No password given|Invalid PDF structure/;

function only(warnings: readonly IngestWarning[]): IngestWarning {
  expect(warnings).toHaveLength(1);
  return warnings[0] as IngestWarning;
}

describe('unreadable report documents', () => {
  it.each([
    ['a password-protected PDF', 'report.pdf', encrypted, 'pdf_encrypted', '密码'],
    [
      'a damaged PDF',
      'report.pdf',
      new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(50)}`),
      'pdf_invalid',
      '损坏',
    ],
    ['a damaged DOCX', 'report.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5]), 'docx_invalid', '损坏'],
  ])('refuses %s with its own message and no reader text', async (_, name, bytes, code, word) => {
    const w = only((await parseReport({ name, bytes })).warnings);
    expect(w.code).toBe(code);
    expect(w.severity).toBe('error');
    expect(w.message.zh).toContain(word);
    expect(w.message.zh).not.toMatch(RAW);
    expect(w.message.en).not.toMatch(RAW);
  });
});

describe('report text in UTF-16', () => {
  const text = '二、主动公开政府信息情况\n规章 0 0 12\n';
  const encode = (le: boolean, bom: boolean) => {
    const units = `${bom ? '\uFEFF' : ''}${text}`;
    const out = new Uint8Array(units.length * 2);
    for (let i = 0; i < units.length; i++) {
      const c = units.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  it.each([
    ['little-endian with a BOM', true, true],
    ['big-endian with a BOM', false, true],
    ['little-endian without a BOM', true, false],
  ])('is decoded, %s', (_, le, bom) => {
    expect(decodeText(encode(le, bom))).toBe(text);
  });
});

describe('a text file full of unclosed tags', () => {
  // Deciding whether a .txt holds HTML scanned from every '<div' to the end of the text: about
  // 24 s for 600 KB and over a minute for this 1 MB, past the test timeout.
  it('is sniffed and read within the test timeout', async () => {
    const text = '<div class="x" '.repeat(70_000);
    expect(text.length).toBe(1_050_000);
    const report = await parseReport({ name: 'report.txt', bytes: text });
    expect(report.warnings.map((w) => w.code)).toContain('no_tables');
  });
});

describe('a PDF page of very many lines', () => {
  // Each text item searched every line made so far: ~35 s for 100,000 lines, over a minute for
  // this page, past the test timeout.
  it('is grouped into lines within the test timeout', async () => {
    const n = 150_000;
    const stream = Array.from({ length: n }, (_, i) => `BT /F1 2 Tf 72 ${i * 2} Td (${i % 10}) Tj ET`).join('\n');
    const bytes = pdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 ${n * 2 + 10}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
        `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      ],
      '/Root 1 0 R',
    );
    const doc = await readPdf(bytes);
    // Lines 2 points apart in a 2-point font are each their own line, read top down.
    expect(doc.lines).toHaveLength(n);
    expect(doc.lines[0]?.cells[0]?.text).toBe(String((n - 1) % 10));
  });
});
