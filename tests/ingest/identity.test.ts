import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '@/ingest';
import { agencySlug, suggestKind, suggestLevel } from '@/ingest/identity';
import { formRow, suggestMeta, validateMeta, type ReportMetaForm } from '@/ingest/meta';
import { checkParsedReport, ruleTallies, ruleTallyText } from '@/ingest/rules';
import { DATASET_COLUMNS } from '@/domain/catalogue';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'ingest');
const parse = (name: string) => parseReport({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) });

describe('suggested identity', () => {
  it('derives one stable agency_id per agency name, whatever the spacing or punctuation', () => {
    expect(agencySlug('示例县市场监督管理局')).toBe(agencySlug(' 示例县 市场监督管理局 '));
    expect(agencySlug('示例县市场监督管理局')).not.toBe(agencySlug('示例市统计局'));
    expect(agencySlug('示例县市场监督管理局')).toMatch(/^ingest-[0-9a-f]{8}$/);
    expect(agencySlug('XX County Bureau')).toMatch(/^ingest-xxcountybureau-[0-9a-f]{8}$/);
    expect(agencySlug(null, 'report-2021.html')).toMatch(/^ingest-report2021html-/);
  });

  it.each([
    ['上海市人民政府', 'province', 'government'],
    ['示例省人力资源和社会保障厅', 'province', 'department'],
    ['宿迁市人民政府', 'city', 'government'],
    ['示例市统计局', 'city', 'department'],
    ['江苏省淮安市洪泽区人民政府', 'county', 'government'],
    ['金湖县人民政府', 'county', 'government'],
    ['示例县市场监督管理局', 'county', 'department'],
    ['某区人力资源和社会保障局', 'county', 'department'],
    ['东川城区人力资源和社会保障局', 'county', 'department'],
    ['示例镇人民政府', 'township', 'government'],
    ['北京市通州区新华街道办事处', 'township', 'government'],
    ['教育部', 'national', 'department'],
  ])('%s → %s, %s', (name, level, kind) => {
    expect(suggestLevel(name)).toBe(level);
    expect(suggestKind(name)).toBe(kind);
  });

  it('suggests nothing without a name', () => {
    expect(suggestLevel(null)).toBeNull();
    expect(suggestKind('')).toBeNull();
  });
});

describe('the form of a parsed report', () => {
  it('prefills from the document, marks suggestions, and prefers a loaded agency’s identity', async () => {
    const r = await parse('report-2021.html');
    const { form, suggested } = suggestMeta(r);
    expect(form).toMatchObject({
      agency_name: '示例县市场监督管理局',
      year: '2023',
      template: '2021',
      level: 'county',
    });
    expect(suggested).toEqual(['agency_id', 'level', 'kind']);
    const known = suggestMeta(r, {
      id: 'x-scjg',
      level: 'city',
      kind: 'department',
      province: '示例省',
      city: '示例市',
      county: null,
      sector: '市场监管',
    });
    expect(known.form).toMatchObject({ agency_id: 'x-scjg', level: 'city', province: '示例省', sector: '市场监管' });
    expect(known.suggested).toEqual(['agency_id', 'level', 'kind', 'province', 'city', 'sector']);
  });

  it('applies the loader’s rules before the loader does', async () => {
    const r = await parse('report-2021.html');
    const ok = suggestMeta(r).form;
    expect(validateMeta(ok, '2021')).toEqual({});
    const bad: ReportMetaForm = { ...ok, agency_id: ' ', year: '1999', level: 'x', source_url: 'ftp://a' };
    expect(validateMeta(bad, '2021')).toEqual({
      agency_id: 'required',
      year: 'bad_year',
      level: 'bad_level',
      source_url: 'bad_url',
    });
    expect(validateMeta({ ...ok, template: '2019' }, '2021')).toEqual({ template: 'template_mismatch' });
    expect(validateMeta(ok, '2021', [ok])).toEqual({ year: 'duplicate' });
    expect(validateMeta(ok, '2021', [], [2022, 2023])).toEqual({ year: 'already_loaded' });
  });

  it('gives the dataset row in contract order, blank fields null', async () => {
    const r = await parse('report-2021.html');
    const row = formRow(r, { ...suggestMeta(r).form, province: '示例省' });
    expect(row).toHaveLength(DATASET_COLUMNS.length);
    const at = (k: string) => row[DATASET_COLUMNS.indexOf(k)];
    expect([at('year'), at('template'), at('province'), at('city'), at('t3_new_total')]).toEqual([
      2023,
      '2021',
      '示例省',
      null,
      50,
    ]);
  });
});

describe('rule results of a parsed report', () => {
  it('tallies each rule: ✓ pass, ✗n failing checks, ? not assessable', async () => {
    const flat = await parse('flat-2022.txt');
    const results = checkParsedReport(flat);
    expect(results).not.toBeNull();
    expect(ruleTallyText(ruleTallies(results ?? []))).toBe('R1 ✓ R2 ✓ R3 ? R4 ? S1 ✓ S2 ✓');
    const html = await parse('report-2021.html');
    const broken = { ...html, cells: { ...html.cells, t3_new_total: (html.cells.t3_new_total ?? 0) + 2 } };
    const text = ruleTallyText(ruleTallies(checkParsedReport(broken) ?? []));
    expect(text).toMatch(/^R1 ✗1 /);
    expect(text).toContain('R3 ✗1');
  });

  it('cannot place the rules without a year', async () => {
    const r = await parse('report-2021.html');
    expect(checkParsedReport({ ...r, year: null })).toBeNull();
    expect(checkParsedReport({ ...r, year: null }, { year: '2023' })).not.toBeNull();
  });
});
