import { describe, expect, it } from 'vitest';
import { parseReport } from '@/ingest';
import { nodePdfOptions } from '../../scripts/lib/ingest-files';
import { cjkPdf } from '../support/cjk-pdf';

const TITLE = '示例县统计局2023年政府信息公开工作年度报告';

describe('PDF text in a Chinese font that is not embedded', () => {
  it('is read with pdfjs-dist’s CMaps', async () => {
    const r = await parseReport({ name: 'cjk.pdf', bytes: cjkPdf([TITLE, '一、总体情况']) }, nodePdfOptions());
    expect([r.agencyName, r.year]).toEqual(['示例县统计局', 2023]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no_tables']);
  });

  it('is not called a scan when the CMaps are missing', async () => {
    const r = await parseReport({ name: 'cjk.pdf', bytes: cjkPdf([TITLE]) });
    expect(r.warnings.map((w) => [w.code, w.severity])).toEqual([['pdf_text_undecodable', 'error']]);
  });
});
