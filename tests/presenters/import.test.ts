import { describe, expect, it } from 'vitest';
import { acceptedCount, locateIssues } from '@/presenters/import';
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
