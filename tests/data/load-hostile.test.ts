/**
 * Hostile and malformed dataset files: each is refused with a located issue in the user's words,
 * or accepted with exactly the values it holds — never silently changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { QueryRunner } from '@/data/query-runner';
import { sql } from '@/data/sql';
import { fileSizeIssue, loadDataset } from '@/data/load/load-dataset';
import { DatasetLoadError, LOAD_ISSUE_CODES, LOAD_LIMITS, type LoadIssue } from '@/data/load/issues';
import { csvReadIssue, locateCsvProblem, rowLimitIssue, utf16Of } from '@/data/load/staging';
import { toCsv } from '@/domain/csv';
import zh from '@/i18n/zh-CN';
import en from '@/i18n/en';
import { i18n } from '@/i18n';
import { fixturePath, freshRunner, textFile } from '../support/engine';
import { deflateZip, xlsxOf } from '../support/xlsx';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
});

async function issuesOf(promise: Promise<unknown>): Promise<LoadIssue[]> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DatasetLoadError) return [...e.issues];
    throw e;
  }
  throw new Error('expected the load to fail');
}

const HEAD = 'agency_id,agency_name,year,level,kind,t3_new_total';
const rowsOf = (q: ReturnType<typeof sql>) => runner.query(q);

describe('years', () => {
  it('refuses "2021.6" with its row and column instead of storing 2022', async () => {
    const issues = await issuesOf(
      loadDataset(
        runner,
        textFile('y.csv', `${HEAD}\na,甲局,2021,county,department,1\nb,乙局,2021.6,county,department,2\n`),
      ),
    );
    expect(issues).toEqual([{ code: 'bad_year', file: 'y.csv', row: 3, column: 'year', value: '2021.6' }]);
  });

  it('accepts a year written as a whole number with a zero fraction ("2021.0" from a spreadsheet)', async () => {
    await loadDataset(runner, textFile('y.csv', `${HEAD}\na,甲局,2021.0,county,department,1\n`));
    expect(await rowsOf(sql`SELECT year FROM reports`)).toEqual([{ year: 2021 }]);
  });
});

describe('identity text is kept as written', () => {
  it('keeps commas inside agency ids and names', async () => {
    await loadDataset(runner, textFile('c.csv', `${HEAD}\n"a,1","某局,某办",2021,county,department,1\n`));
    expect(await rowsOf(sql`SELECT agency_id, agency_name FROM reports`)).toEqual([
      { agency_id: 'a,1', agency_name: '某局,某办' },
    ]);
  });

  it('reads back a name the CSV export protected with an apostrophe as the name itself', async () => {
    // The app's own CSV writer puts an apostrophe before text starting with = + - @.
    const csv = toCsv({
      columns: ['agency_id', 'agency_name', 'year', 'level', 'kind', 't3_new_total'],
      rows: [
        ['-x1', '-示例市统计局', 2022, 'city', 'department', 3],
        ['x2', "'示例局", 2022, 'city', 'department', 4],
      ],
    });
    expect(csv).toContain("'-示例市统计局");
    await loadDataset(runner, textFile('base.csv', `${HEAD}\nz,丙局,2022,county,department,1\n`));
    await loadDataset(runner, textFile('imported-reports.csv', csv), 'append');
    expect(await rowsOf(sql`SELECT agency_id, agency_name FROM reports ORDER BY agency_id`)).toEqual([
      { agency_id: '-x1', agency_name: '-示例市统计局' },
      // An apostrophe before anything else is part of the text.
      { agency_id: 'x2', agency_name: "'示例局" },
      { agency_id: 'z', agency_name: '丙局' },
    ]);
  });
});

describe('a long file with a template column', () => {
  it('loads, taking the template from the column rather than the year', async () => {
    const lines = readFileSync(fixturePath('data/long.csv'), 'utf8').trim().split('\n');
    const head = (lines[0] as string).split(',');
    const year = head.indexOf('year');
    expect(year).toBeGreaterThan(0);
    const withTemplate = lines.map((l, i) => {
      const cells = l.split(',');
      cells.splice(year + 1, 0, i === 0 ? 'template' : '2019');
      return cells.join(',');
    });
    const summary = await loadDataset(runner, textFile('long.csv', withTemplate.join('\n')));
    expect(summary.shape).toBe('long');
    // long.csv holds 2023 reports only, which the year alone would put on the 2021 template.
    expect(await rowsOf(sql`SELECT DISTINCT year, template FROM reports`)).toEqual([{ year: 2023, template: '2019' }]);
  });
});

describe('numbers', () => {
  it.each(['NaN', 'Infinity', '-inf'])('calls %s not a valid number, not "too large"', async (v) => {
    const issues = await issuesOf(
      loadDataset(runner, textFile('n.csv', `${HEAD}\na,甲局,2021,county,department,${v}\n`)),
    );
    expect(issues).toEqual([{ code: 'not_finite', file: 'n.csv', row: 2, column: 't3_new_total', value: v }]);
  });
});

describe('blank headers', () => {
  it('refuses data under a blank header among 5,000 blank columns, naming its column and row', async () => {
    const blanks = 5_000;
    const header = `${HEAD}${','.repeat(blanks)}`;
    const row = (extra: (k: number) => string) =>
      `a,甲局,2021,county,department,1,${Array.from({ length: blanks }, (_, k) => extra(k)).join(',')}`;
    // Column 6 + 4,321 (1-based 4,327) carries a value on the second data row (row 3).
    const target = 4_320;
    const csv = [header, row(() => ''), row((k) => (k === target ? '7' : '')).replace(/^a,/, 'b,')].join('\n');
    const issues = await issuesOf(loadDataset(runner, textFile('wide.csv', csv)));
    // 4,327 = 6 × 26² + 10 × 26 + 11 → letters F, J, K.
    expect(issues).toEqual([{ code: 'blank_header', file: 'wide.csv', row: 3, column: 'FJK', detail: '4327' }]);
  });

  it('accepts blank headers over blank columns (a trailing separator)', async () => {
    const summary = await loadDataset(runner, textFile('t.csv', `${HEAD},\na,甲局,2021,county,department,1,\n`));
    expect(summary.reports).toBe(1);
  });
});

describe('encodings and separators', () => {
  const csv = `${HEAD}\na,甲局,2021,county,department,12\n`;
  const utf16 = (text: string, le: boolean, bom: boolean) => {
    const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
    const units = `${bom ? '\uFEFF' : ''}${text}`;
    for (let i = 0; i < units.length; i++) {
      const c = units.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = c & 0xff;
      out[2 * i + (le ? 1 : 0)] = c >> 8;
    }
    return out;
  };

  it.each([
    ['UTF-16LE with a BOM', true, true],
    ['UTF-16LE without a BOM', true, false],
    ['UTF-16BE with a BOM', false, true],
    ['UTF-16BE without a BOM', false, false],
  ])('reads %s as the same data', async (_, le, bom) => {
    const bytes = utf16(csv, le, bom);
    expect(utf16Of(bytes)).toBe(le ? 'utf-16le' : 'utf-16be');
    await loadDataset(runner, { name: 'u16.csv', bytes });
    expect(await rowsOf(sql`SELECT agency_id, agency_name, t3_new_total FROM reports`)).toEqual([
      { agency_id: 'a', agency_name: '甲局', t3_new_total: 12 },
    ]);
  });

  it('does not take UTF-8 or GB18030 text for UTF-16', () => {
    expect(utf16Of(new TextEncoder().encode(csv))).toBeNull();
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('reads a file separated by %s', async (_, sep) => {
    await loadDataset(runner, textFile('s.csv', csv.replaceAll(',', sep)));
    expect(await rowsOf(sql`SELECT agency_id, t3_new_total FROM reports`)).toEqual([
      { agency_id: 'a', t3_new_total: 12 },
    ]);
  });
});

describe('CSV the parser cannot read', () => {
  it('names the row of an unterminated quote, without the engine text', async () => {
    const issues = await issuesOf(
      loadDataset(
        runner,
        textFile('q.csv', `${HEAD}\na,甲局,2021,county,department,1\nb,"乙局,2021,county,department,2\n`),
      ),
    );
    expect(issues).toEqual([{ code: 'csv_unterminated_quote', file: 'q.csv', row: 3 }]);
  });

  it("names the row with more columns than the header, and the header's count", async () => {
    const issues = await issuesOf(
      loadDataset(
        runner,
        textFile('x.csv', `${HEAD}\na,甲局,2021,county,department,1\nb,乙局,2021,county,department,2,3,4\n`),
      ),
    );
    expect(issues).toEqual([{ code: 'csv_too_many_columns', file: 'x.csv', row: 3, detail: '6' }]);
  });

  it('names the row and column of a line end the reader refuses without saying where', async () => {
    // Lines end with a bare CR (old Mac style); row 3 has a bare LF inside its agency_name field.
    const text = `${HEAD}\ra,甲局,2021,county,department,1\rb,乙\n局,2021,county,department,2\rc,丙局,2021,county,department,3\r`;
    const issues = await issuesOf(loadDataset(runner, textFile('cr.csv', text)));
    expect(issues).toEqual([{ code: 'csv_malformed', file: 'cr.csv', row: 3, column: 'agency_name' }]);
  });

  it('locates text after a closing quote, and mixed line ends, by row and column', () => {
    const header = HEAD.split(',');
    const at = (t: string) => locateCsvProblem(t, ',', header);
    expect(at(`${HEAD}\na,甲局,2021,county,department,1\n`)).toBeNull();
    expect(at(`${HEAD}\na,"甲,局",2021,county,department,1\nb,"乙"局,2021,county,department,2\n`)).toEqual({
      row: 3,
      column: 'agency_name',
    });
    expect(at(`${HEAD}\r\na,甲局,2021,county,department,1\nb,乙局,2021,county,department,2\r\n`)).toEqual({
      row: 2,
      column: 't3_new_total',
    });
    // A quoted field may hold line ends and doubled quotes; a field past the header has no name.
    const quoted = `${HEAD}\na,"甲\n""局""",2021,county,department,1\nb,乙局,2021,county,department,2,"x"y\n`;
    expect(at(quoted)).toEqual({ row: 3 });
  });

  it('maps the engine running out of memory to its own issue', () => {
    const text = 'Out of Memory Error: failed to allocate data of size 3.1 GiB (3.1 GiB/3.1 GiB used)';
    expect(csvReadIssue('big.csv', text)).toEqual({ code: 'out_of_memory', file: 'big.csv' });
  });
});

describe('limits', () => {
  it('refuses a file over the byte limit before reading it or waiting for the engine', async () => {
    const bytes = new Uint8Array(LOAD_LIMITS.maxBytes + 1).fill(0x30);
    // An engine that never starts: the refusal must not need it.
    const never = new Promise<QueryRunner>(() => undefined);
    const issues = await issuesOf(loadDataset(never, { name: 'big.csv', bytes }));
    expect(issues).toEqual([{ code: 'file_too_large', file: 'big.csv', value: '64.0 MB', detail: '64 MB' }]);
    expect(fileSizeIssue('ok.csv', LOAD_LIMITS.maxBytes)).toBeNull();
  });

  it('refuses a wide CSV with more rows than the limit before staging it', async () => {
    const n = LOAD_LIMITS.maxRows + 1;
    const body = 'a,甲局,2021,county,department,1\n'.repeat(n);
    const issues = await issuesOf(loadDataset(runner, textFile('rows.csv', `${HEAD}\n${body}`)));
    expect(issues).toEqual([{ code: 'too_many_rows', file: 'rows.csv', value: '150,001', detail: '150,000' }]);
  });

  it('allows a long file more rows, as its rows are single cells', () => {
    expect(rowLimitIssue('l.csv', LOAD_LIMITS.maxRows + 1, true)).toBeNull();
    expect(rowLimitIssue('l.csv', LOAD_LIMITS.maxLongRows + 1, true)?.code).toBe('too_many_rows');
  });
});

describe('issue messages', () => {
  it('states the limits before a file is chosen, as LOAD_LIMITS sets them', () => {
    const mb = `${LOAD_LIMITS.maxBytes / (1024 * 1024)} MB`;
    for (const hint of [zh.data.loadFileHint, en.data.loadFileHint]) {
      expect(hint).toContain(mb);
      expect(hint).toContain(LOAD_LIMITS.maxRows.toLocaleString('en-US'));
      expect(hint).toContain(LOAD_LIMITS.maxLongRows.toLocaleString('en-US'));
    }
  });

  it('has a message in both languages for every issue code, with no engine text slot for unreadable files', () => {
    const missing = LOAD_ISSUE_CODES.filter(
      (c) => !(zh.issue as Record<string, string>)[c] || !(en.issue as Record<string, string>)[c],
    );
    expect(missing).toEqual([]);
    expect(zh.issue.unreadable).not.toContain('{detail}');
    expect(en.issue.unreadable).not.toContain('{detail}');
  });

  it('renders every new message with its facts filled in, in both languages', () => {
    const codes = [
      'fetch_failed',
      'file_too_large',
      'too_many_rows',
      'csv_too_many_columns',
      'blank_header',
      'formula_without_value',
      'not_finite',
    ] as const;
    for (const locale of ['zh', 'en'] as const) {
      i18n.global.locale.value = locale;
      for (const code of codes) {
        const text = i18n.global.t(`issue.${code}`, { column: 'FJK', value: 'V-1', detail: '4327' });
        expect(text, `${locale} ${code}`).not.toMatch(/[{}]/);
        expect(text, `${locale} ${code}`).toMatch(/V-1|4327/);
      }
    }
    i18n.global.locale.value = 'zh';
  });
});

describe('XLSX formulas', () => {
  const header = ['agency_id', 'agency_name', 'year', 'level', 'kind', 't3_new_person', 't3_new_total'];
  it.each([
    ['stored', (b: Uint8Array) => b],
    ['deflated, as Excel writes it', deflateZip],
  ])('refuses a formula cell with no saved result, naming the cell (%s)', async (_, pack) => {
    const bytes = pack(
      xlsxOf([
        header,
        ['a', '甲局', 2021, 'county', 'department', 2, { formula: 'F2', cached: 2 }],
        ['b', '乙局', 2021, 'county', 'department', 5, { formula: 'F3' }],
      ]),
    );
    const issues = await issuesOf(loadDataset(runner, { name: 'f.xlsx', bytes }));
    expect(issues).toEqual([
      { code: 'formula_without_value', file: 'f.xlsx', row: 3, column: 't3_new_total', value: 'G3' },
    ]);
  });

  it('reads a formula cell with its saved result as that value', async () => {
    const bytes = deflateZip(
      xlsxOf([header, ['a', '甲局', 2021, 'county', 'department', 2, { formula: 'F2+1', cached: 3 }]]),
    );
    await loadDataset(runner, { name: 'f.xlsx', bytes });
    expect(await rowsOf(sql`SELECT t3_new_total FROM reports`)).toEqual([{ t3_new_total: 3 }]);
  });
});
