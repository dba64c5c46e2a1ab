import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { T3_COLS, T3_ROWS, t3Key } from '@/domain/catalogue';
import { parseReport } from '@/ingest';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'seed-district-hrss-2023.txt');
const present = existsSync(SEED);
if (!present) console.warn(`seed report not found at ${SEED}: seed test skipped`);

describe.skipIf(!present)('the seed report (../shared/corpus/seed-district-hrss-2023.txt)', () => {
  it('is a 2021-template 2023 report of a 人力资源和社会保障局 with exactly the two table warnings', async () => {
    const r = await parseReport({ name: 'seed-district-hrss-2023.txt', bytes: readFileSync(SEED, 'utf8') });
    expect(r.template).toBe('2021');
    expect(r.year).toBe(2023);
    expect(r.agencyName).toContain('人力资源和社会保障局');
    const problems = r.warnings.filter((w) => w.severity !== 'info');
    expect(problems.map((w) => w.code)).toEqual(['t3_missing_columns', 't4_count_mismatch']);
    expect(problems[0]?.message.en).toBe(
      'section 三 shows 4 of 7 applicant columns; 法律服务机构, 其他, 总计 left empty',
    );
    expect(problems[1]?.message.en).toContain('section 四 has 17 numbers where the template has 15');
    // The notes only say how identity was found: the report prints no title.
    expect(
      r.warnings
        .filter((w) => w.severity === 'info')
        .map((w) => w.code)
        .sort(),
    ).toEqual(['agency_name_inferred', 'year_inferred']);
  });

  it('reads the four shown columns and invents nothing', async () => {
    const r = await parseReport({ name: 'seed-district-hrss-2023.txt', bytes: readFileSync(SEED, 'utf8') });
    const rows = T3_ROWS.filter((x) => x.templates.includes('2021'));
    for (const row of rows) {
      for (const c of T3_COLS) {
        const v = r.cells[t3Key(row.key, c.key)];
        if (['person', 'business', 'research', 'nonprofit'].includes(c.key)) expect(v).toBe(0);
        else expect(v).toBeNull();
      }
    }
    const t4 = Object.keys(r.cells).filter((k) => k.startsWith('t4_'));
    const t2 = Object.keys(r.cells).filter((k) => k.startsWith('t2_'));
    // Section 四 has 15 cells and the 2021 section 二 ten: the loops below check each of them.
    expect([t4.length, t2.length]).toEqual([15, 10]);
    for (const k of t4) expect(r.cells[k]).toBeNull();
    for (const k of t2) expect(r.cells[k]).toBe(0);
    const nonNull = Object.values(r.cells).filter((v) => v !== null);
    expect(nonNull).toHaveLength(10 + rows.length * 4);
  });
});

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus');
const TRUTH = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'corpus-truth');

describe.skipIf(!existsSync(CORPUS))('the corpus excerpts (../shared/corpus)', () => {
  it('yields no wrong and no silently missing cell against the hand-read truth', async () => {
    const { readdirSync } = await import('node:fs');
    const { csvRecords } = await import('@/ingest/csv');
    const { evaluateReport } = await import('@/ingest/evaluate');
    const truths = readdirSync(TRUTH).filter((n) => n.endsWith('.truth.csv'));
    let checked = 0;
    for (const f of readdirSync(CORPUS).filter((n) => n.endsWith('.txt'))) {
      const tp = join(TRUTH, f.replace(/\.txt$/, '.truth.csv'));
      if (!existsSync(tp)) continue;
      checked += 1;
      const r = await parseReport({ name: f, bytes: readFileSync(join(CORPUS, f), 'utf8') });
      const e = evaluateReport(r, csvRecords(readFileSync(tp, 'utf8'))[0] ?? {});
      expect({ f, wrong: e.wrongCells, missing: e.missingCells }).toEqual({ f, wrong: [], missing: [] });
    }
    // Every hand-read truth file was compared: none is skipped for want of its excerpt.
    expect(truths.length).toBeGreaterThan(0);
    expect(checked).toBe(truths.length);
  });
});
