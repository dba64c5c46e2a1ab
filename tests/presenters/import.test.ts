import { describe, expect, it } from 'vitest';
import { acceptedCount, cellNotes, locateIssues, shownFormat } from '@/presenters/import';
import { testLabels } from '../support/labels';

const zh = testLabels('zh');
const en = testLabels('en');

const files = [
  { fileName: 'a.html', state: 'accepted', form: { agency_id: 'x-bureau', year: '2023' } },
  { fileName: 'b.pdf', state: 'ready', form: { agency_id: 'y-bureau', year: '2024' } },
];

describe('import presenter', () => {
  it('names the report file behind each issue of a refused append, by CSV row or by agency and year', () => {
    const failure = {
      total: 3,
      rowFiles: { 2: 'a.html', 3: 'b.pdf' },
      issues: [
        { code: 'not_a_number' as const, file: 'reports.csv', row: 3, column: 't3_new_total' },
        { code: 'duplicate_report' as const, file: 'data', value: 'x-bureau', detail: '2023' },
        { code: 'empty' as const, file: 'reports.csv' },
      ],
    };
    expect(locateIssues(failure, files, zh).map((i) => i.file)).toEqual([
      'reports.csv（b.pdf）',
      'data（a.html）',
      'reports.csv',
    ]);
    expect(locateIssues(failure, files, en)[0]!.file).toBe('reports.csv (b.pdf)');
    expect(locateIssues(null, files, en)).toEqual([]);
  });

  it('counts the accepted reports', () => {
    expect(acceptedCount(files)).toBe(1);
    expect(acceptedCount([])).toBe(0);
  });
});

describe('import wording', () => {
  it('names a .txt report a text file, whatever it was read as', () => {
    expect(shownFormat('report.TXT', 'html')).toBe('text');
    expect(shownFormat('report.txt', 'text')).toBe('text');
    expect(shownFormat('report.htm', 'html')).toBe('html');
    expect(shownFormat('report.pdf', 'pdf')).toBe('pdf');
  });

  it('puts the messages of warnings on the cells they are about, never their codes', () => {
    const warnings = [
      { code: 'a_code', message: { zh: '甲', en: 'A' }, cells: ['c1', 'c2'] },
      { code: 'b_code', message: { zh: '乙', en: 'B' }, cells: ['c1'] },
      { code: 'c_code', message: { zh: '丙', en: 'C' } },
    ];
    expect(cellNotes(warnings, 'zh')).toEqual({ c1: ['甲', '乙'], c2: ['甲'] });
    expect(cellNotes(warnings, 'en')).toEqual({ c1: ['A', 'B'], c2: ['A'] });
  });
});
