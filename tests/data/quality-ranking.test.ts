import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QueryRunner } from '@/data/query-runner';
import { EMPTY_FILTERS } from '@/domain/filters';
import { MIN_QUALITY_COVERAGE, rankQuality, wilsonInterval } from '@/domain/stats';
import { loadDataset } from '@/data/load/load-dataset';
import { decodeScores, scoresQuery } from '@/data/queries/quality';
import { agencyScoreQuery, decodeAgencyScoreRows, RULE_COUNTS_TABLE } from '@/data/queries/rule-results';
import { freshRunner, projectPath } from '../support/engine';

let runner: QueryRunner;
beforeAll(async () => {
  runner = await freshRunner();
  await loadDataset(runner, {
    name: 'real.csv',
    bytes: new Uint8Array(readFileSync(projectPath('datasets/real.csv'))),
  });
});

const ALL = { limit: 100, offset: 0 };

describe('a quality ranking that cannot be won by being unreadable (real dataset)', () => {
  it('gives coverage, the Wilson lower bound and a rank that agree with the domain method', async () => {
    const rows = decodeAgencyScoreRows(await runner.query(agencyScoreQuery({ countsTable: RULE_COUNTS_TABLE })!));
    expect(rows.length).toBe(5);
    // The same counts through the TypeScript implementation (domain/stats).
    const domain = rankQuality(
      rows.map((r) => ({
        id: r.agencyId,
        pass: r.checksPass,
        fail: r.checksFail,
        notAssessable: r.checksNotAssessable,
      })),
    );
    const domainRank = new Map([...domain.ranked, ...domain.apart].map((x) => [x.item.id, x]));
    for (const r of rows) {
      const all = r.checksPass + r.checksFail + r.checksNotAssessable;
      expect(r.coverage).toBeCloseTo((r.checksPass + r.checksFail) / all, 12);
      expect(r.scoreLower).toBeCloseTo(wilsonInterval(r.checksPass, all)?.low ?? NaN, 9);
      expect(domainRank.has(r.agencyId)).toBe(true);
      expect(r.fairRank).toBe(domainRank.get(r.agencyId)?.rank);
    }
  });

  it("does not rank the seed's barely checkable bureau first", async () => {
    const rows = decodeAgencyScoreRows(await runner.query(agencyScoreQuery({ countsTable: RULE_COUNTS_TABLE })!));
    const seed = rows.find((r) => r.agencyId === 'district-hrss-seed');
    // What the issue reports: every assessable check passes, so the plain score ranks it first …
    expect(seed?.score).toBe(1);
    expect(seed?.rank).toBe(1);
    // … but most of its checks cannot be assessed: it is listed apart, unranked.
    expect(seed?.coverage).toBeLessThan(MIN_QUALITY_COVERAGE);
    expect(seed?.fairRank).toBeNull();
    const ranked = rows.filter((r) => r.fairRank !== null);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((r) => (r.coverage ?? 0) >= MIN_QUALITY_COVERAGE)).toBe(true);
    expect(ranked.some((r) => r.fairRank === 1)).toBe(true);
  });

  it('pages by the lower bound: rankable agencies first, then those listed apart', async () => {
    const page = decodeScores(await runner.query(scoresQuery(EMPTY_FILTERS, {}, { ...ALL, byLowerBound: true })!));
    expect(page.total).toBe(5);
    const firstApart = page.rows.findIndex((r) => r.fairRank === null);
    expect(firstApart).toBeGreaterThan(0);
    expect(page.rows.slice(firstApart).every((r) => r.fairRank === null)).toBe(true);
    // Every agency is on this one page: the count of those listed apart is the unranked rows.
    expect(page.apart).toBe(page.rows.length - firstApart);
    const lowers = page.rows.slice(0, firstApart).map((r) => r.scoreLower ?? -1);
    expect(lowers).toEqual([...lowers].sort((a, b) => b - a));
    // Ranked again among the agencies a filter keeps: only the cities.
    const city = decodeScores(
      await runner.query(scoresQuery({ ...EMPTY_FILTERS, levels: ['city'] }, {}, { ...ALL, byLowerBound: true })!),
    );
    expect(city.rows.every((r) => r.level === 'city')).toBe(true);
    expect(city.rows.filter((r) => r.fairRank === 1).length).toBeGreaterThan(0);
    expect(city.apart).toBe(city.rows.filter((r) => r.fairRank === null).length);
  });
});
