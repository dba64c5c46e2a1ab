import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialQuantile,
  curveDenominators,
  funnelData,
  funnelLimits,
  funnelVerdict,
  overdispersionNote,
  rankQuality,
  rateVerdict,
  splitByDenominator,
  verdictDirection,
  wilsonInterval,
  Z95,
  Z998,
  type FunnelUnit,
} from '@/domain/stats';

/** C(n, k) by the product formula, for the small n of these tests. */
function choose(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
/** P(X ≤ k) by direct summation of the probability mass (independent of the beta-function path). */
function cdfBySum(k: number, n: number, p: number): number {
  let s = 0;
  for (let i = 0; i <= k; i++) s += choose(n, i) * p ** i * (1 - p) ** (n - i);
  return s;
}

describe('Wilson score interval', () => {
  it('matches the worked values of design/comparisons.md', () => {
    // x = 1, n = 3: z² = 3.841459, 1 + z²/n = 2.280486; centre = (1/3 + 0.640243) / 2.280486 = 0.426916;
    // half = 1.959964 · √(0.074074 + 0.106707) / 2.280486 = 0.365424 → [0.061492, 0.792340].
    const a = wilsonInterval(1, 3);
    expect(a?.low).toBeCloseTo(0.061492, 5);
    expect(a?.high).toBeCloseTo(0.79234, 5);
    // x = 0, n = 2: 1 + z²/n = 2.920730; centre = 0.960365 / 2.920730 = 0.328810 = half → [0, 0.657620].
    const b = wilsonInterval(0, 2);
    expect(b?.low).toBe(0);
    expect(b?.high).toBeCloseTo(0.65762, 5);
  });

  it('is symmetric in successes and failures, narrows with n, and has no value without a denominator', () => {
    const a = wilsonInterval(3, 10);
    const b = wilsonInterval(7, 10);
    expect(a?.low).toBeCloseTo(1 - (b?.high ?? 0), 12);
    const wide = wilsonInterval(5, 10);
    const narrow = wilsonInterval(500, 1000);
    expect((narrow?.high ?? 0) - (narrow?.low ?? 0)).toBeLessThan((wide?.high ?? 0) - (wide?.low ?? 0));
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(4, 3)).toBeNull();
    expect(wilsonInterval(3, 3)?.high).toBe(1);
  });
});

describe('binomial distribution', () => {
  it('agrees with direct summation of the mass function', () => {
    const cases: [number, number, number][] = [
      [0, 10, 0.5],
      [3, 10, 0.5],
      [7, 20, 0.3],
      [1, 40, 0.02],
      [55, 60, 0.9],
    ];
    for (const [k, n, p] of cases) expect(binomialCdf(k, n, p)).toBeCloseTo(cdfBySum(k, n, p), 12);
    expect(cases.length).toBe(5);
    // Binomial(10, ½): P(X ≤ 1) = 11/1024 and P(X ≤ 2) = 56/1024, so the 2.5% point is 2.
    expect(binomialCdf(2, 10, 0.5)).toBeCloseTo(56 / 1024, 14);
    expect(binomialQuantile(0.025, 10, 0.5)).toBe(2);
    expect(binomialQuantile(0.975, 10, 0.5)).toBe(8);
  });

  it('stays finite for a denominator of a million', () => {
    // Normal approximation: mean 300,000, sd √(10^6·0.3·0.7) = 458.26 → the 97.5% point ≈ 300,898.
    const q = binomialQuantile(0.975, 1_000_000, 0.3);
    expect(Math.abs(q - 300_898)).toBeLessThanOrEqual(2);
  });
});

describe('funnel limits', () => {
  it('gives the exact binomial limits worked by hand (n = 10, p₀ = 0.5)', () => {
    // Binomial(10, ½), cumulative counts out of 1024: F(0) = 1, F(1) = 11, F(2) = 56, F(7) = 968,
    // F(8) = 1013, F(9) = 1023; P(X = 1) = 10, P(X = 2) = P(X = 8) = 45, P(X = 9) = 10.
    // 2.5%:  r = 2, α = (56 − 25.6) / 45 = 0.675556, limit = (2 + ½ − α) / 10 = 0.1824444.
    // 97.5%: r = 8, α = (1013 − 998.4) / 45 = 0.324444, limit = (8.5 − α) / 10 = 0.8175556.
    // 0.1%:  r = 1, α = (11 − 1.024) / 10 = 0.9976, limit = (1.5 − α) / 10 = 0.05024.
    // 99.9%: r = 9, α = (1023 − 1022.976) / 10 = 0.0024, limit = (9.5 − α) / 10 = 0.94976.
    const l = funnelLimits(10, 0.5);
    expect(l.low95).toBeCloseTo(0.1824444, 6);
    expect(l.high95).toBeCloseTo(0.8175556, 6);
    expect(l.low998).toBeCloseTo(0.05024, 6);
    expect(l.high998).toBeCloseTo(0.94976, 6);
  });

  it('gives the exact limits of a small expected count (n = 20, p₀ = 0.1)', () => {
    // Binomial(20, 0.1): P(0) = 0.9^20 = 0.121577, P(1) = 20·0.1·0.9^19 = 0.270170,
    // P(2) = 190·0.01·0.9^18 = 0.285180, P(3) = 1140·0.001·0.9^17 = 0.190120, P(4) = 4845·10^-4·0.9^16 = 0.089779,
    // P(5) = 15504·10^-5·0.9^15 = 0.031921. F(4) = 0.956826, F(5) = 0.988747.
    // 2.5%: r = 0 (F(0) = 0.121577 ≥ 0.025), α = (0.121577 − 0.025) / 0.121577 = 0.794369,
    //   (0.5 − α) / 20 < 0 → 0 (no low rate can be called out at n = 20).
    // 97.5%: r = 5, α = (0.988747 − 0.975) / 0.031921 = 0.430657, limit = (5.5 − α) / 20 = 0.253467.
    const l = funnelLimits(20, 0.1);
    expect(l.low95).toBe(0);
    expect(l.high95).toBeCloseTo(0.253467, 4);
    // The normal approximation goes below 0 there: 0.1 − 1.96·√(0.09/20) = −0.0315 (clamped).
    expect(funnelLimits(20, 0.1, 'normal').low95).toBe(0);
  });

  it('gives the normal approximation when asked', () => {
    // p₀ = 0.2, n = 100: se = √(0.16/100) = 0.04; 0.2 ± 1.959964·0.04 = 0.2 ± 0.0783986;
    // 0.2 ± 3.090232·0.04 = 0.2 ± 0.1236093.
    const l = funnelLimits(100, 0.2, 'normal');
    expect(l.low95).toBeCloseTo(0.1216014, 7);
    expect(l.high95).toBeCloseTo(0.2783986, 7);
    expect(l.low998).toBeCloseTo(0.0763907, 7);
    expect(l.high998).toBeCloseTo(0.3236093, 7);
    expect(Z95).toBe(1.959964);
    expect(Z998).toBe(3.090232);
  });

  it('comes close to the normal limits for a large denominator', () => {
    const exact = funnelLimits(20000, 0.3);
    const normal = funnelLimits(20000, 0.3, 'normal');
    expect(Math.abs(exact.high95 - normal.high95)).toBeLessThan(2e-4);
    expect(Math.abs(exact.low998 - normal.low998)).toBeLessThan(2e-4);
  });

  it('calls a count out exactly when its mid-p tail probability is under 2.5%', () => {
    const n = 30;
    const p0 = 0.2;
    const pmf = (k: number) => choose(n, k) * p0 ** k * (1 - p0) ** (n - k);
    const l = funnelLimits(n, p0);
    let checked = 0;
    for (let x = 0; x <= n; x++) {
      const upper = 1 - cdfBySum(x, n, p0) + pmf(x) / 2;
      const lower = (x > 0 ? cdfBySum(x - 1, n, p0) : 0) + pmf(x) / 2;
      const v = funnelVerdict(x / n, l);
      expect(verdictDirection(v) === 'high').toBe(upper < 0.025);
      expect(verdictDirection(v) === 'low').toBe(lower < 0.025);
      checked++;
    }
    expect(checked).toBe(31);
  });

  it('orders the verdicts from in line to outside the 99.8% limits', () => {
    const l = { n: 10, low95: 0.2, high95: 0.8, low998: 0.1, high998: 0.9 };
    expect(funnelVerdict(0.5, l)).toBe('in_line');
    expect(funnelVerdict(0.8, l)).toBe('in_line');
    expect(funnelVerdict(0.85, l)).toBe('high95');
    expect(funnelVerdict(0.95, l)).toBe('high998');
    expect(funnelVerdict(0.15, l)).toBe('low95');
    expect(funnelVerdict(0.05, l)).toBe('low998');
    expect(verdictDirection('low998')).toBe('low');
    expect(verdictDirection('in_line')).toBeNull();
  });
});

describe('funnel data', () => {
  const unit = (id: string, x: number, n: number): FunnelUnit => ({ id, x, n });

  it('pools the rate over the agencies with a denominator and sets the zero-denominator ones apart', () => {
    // Σx = 5+5+5+5+5+5+5+40 = 75, Σn = 7·50 + 50 = 400 → p₀ = 0.1875.
    const units = [...Array.from({ length: 7 }, (_, i) => unit(`a${i}`, 5, 50)), unit('big', 40, 50), unit('z', 0, 0)];
    const d = funnelData(units);
    expect(d.p0).toBeCloseTo(75 / 400, 12);
    expect(d.hasLimits).toBe(true);
    expect(d.noDenominator.map((u) => u.id)).toEqual(['z']);
    expect(d.points).toHaveLength(8);
    // 40/50 = 0.8 against p₀ 0.1875 at n = 50: far outside; 5/50 = 0.1 is in line.
    expect(d.points.find((p) => p.id === 'big')?.verdict).toBe('high998');
    expect(d.points.find((p) => p.id === 'a0')?.verdict).toBe('in_line');
    expect(d.curve[0]?.n).toBe(50);
    expect(d.overdispersion?.outside95).toBe(1);
  });

  it('gives one agency the same verdict from its pooled peer figures', () => {
    const units = [...Array.from({ length: 7 }, (_, i) => unit(`a${i}`, 5, 50)), unit('big', 40, 50)];
    const d = funnelData(units);
    const pooled = { numerator: 75, denominator: 400 };
    for (const p of d.points) expect(rateVerdict(p.x, p.n, pooled, 8)).toBe(p.verdict);
    expect(d.points).toHaveLength(8);
    // n = 10, p₀ = ½ (limits worked above: 95% up to 0.8175556, 99.8% up to 0.94976): 9 of 10 is high95.
    expect(rateVerdict(9, 10, { numerator: 45, denominator: 90 }, 8)).toBe('high95');
    expect(rateVerdict(9, 10, { numerator: 45, denominator: 90 }, 7)).toBeNull();
    expect(rateVerdict(0, 0, { numerator: 45, denominator: 90 }, 8)).toBeNull();
    expect(rateVerdict(null, 10, { numerator: 45, denominator: 90 }, 8)).toBeNull();
    expect(rateVerdict(1, 10, null, 8)).toBeNull();
  });

  it('gives no limits to a peer group of fewer than 8 agencies', () => {
    const d = funnelData([unit('a', 1, 10), unit('b', 9, 10)]);
    expect(d.hasLimits).toBe(false);
    expect(d.p0).toBeCloseTo(0.5, 12);
    expect(d.points.map((p) => [p.id, p.p, p.limits, p.verdict])).toEqual([
      ['a', 0.1, null, null],
      ['b', 0.9, null, null],
    ]);
    expect(d.curve).toEqual([]);
    expect(d.overdispersion).toBeNull();
  });

  it('spreads the curve over the plotted denominators, ascending, ends included', () => {
    const ns = curveDenominators(3, 5000, 20);
    expect(ns[0]).toBe(3);
    expect(ns.at(-1)).toBe(5000);
    expect(ns.every((n, i) => i === 0 || n > (ns[i - 1] ?? 0))).toBe(true);
  });
});

describe('over-dispersion note', () => {
  it('flags many more agencies outside the 95% limits than chance puts there', () => {
    const pts = (outside: number, total: number) =>
      Array.from({ length: total }, (_, i) => ({ verdict: i < outside ? ('high95' as const) : ('in_line' as const) }));
    // 20 agencies, 1 outside: P(Y ≥ 1 | Binomial(20, 0.05)) = 1 − 0.95^20 = 0.6415 → not over-dispersed.
    const one = overdispersionNote(pts(1, 20));
    expect(one.pValue).toBeCloseTo(1 - 0.95 ** 20, 10);
    expect(one.overdispersed).toBe(false);
    // 20 agencies, 6 outside: P(Y ≥ 6) = P(6) + P(7) + P(8) + … with P(6) = 38760·0.05^6·0.95^14 = 2.9535e-4,
    // P(7) = 77520·0.05^7·0.95^13 = 3.109e-5, P(8) = 125970·0.05^8·0.95^12 = 2.66e-6, the rest < 2e-7
    // → 0.000329 → over-dispersed.
    const six = overdispersionNote(pts(6, 20));
    expect(six.pValue).toBeCloseTo(1 - cdfBySum(5, 20, 0.05), 10);
    expect(six.pValue).toBeCloseTo(0.000329, 5);
    expect(six.overdispersed).toBe(true);
    expect(six.expected95).toBe(1);
    expect(overdispersionNote([]).overdispersed).toBe(false);
  });
});

describe('minimum denominator', () => {
  it('ranks rates on at least the minimum and lists the others apart', () => {
    const items = [
      { id: 'a', n: 10 },
      { id: 'b', n: 9 },
      { id: 'c', n: 0 },
      { id: 'd', n: null },
      { id: 'e', n: 300 },
    ];
    const s = splitByDenominator(items, (i) => i.n);
    expect(s.ranked.map((i) => i.id)).toEqual(['a', 'e']);
    expect(s.tooSmall.map((i) => i.id)).toEqual(['b', 'c']);
    expect(s.unreported.map((i) => i.id)).toEqual(['d']);
    expect(splitByDenominator(items, (i) => i.n, 1).ranked.map((i) => i.id)).toEqual(['a', 'b', 'e']);
  });
});

describe('quality ranking', () => {
  it('cannot be won by being unreadable', () => {
    const items = [
      // The seed's bureau: 12 passed, 46 not assessable → coverage 12/58 = 0.207, pass rate 100%.
      { id: 'seed', pass: 12, fail: 0, notAssessable: 46 },
      // Fully checked: 55 of 58 pass → Wilson lower bound of 55/58.
      { id: 'full', pass: 55, fail: 3, notAssessable: 0 },
      // Fully checked, all pass.
      { id: 'clean', pass: 58, fail: 0, notAssessable: 0 },
      // Half readable: 29 pass of 58 → coverage exactly 0.5, ranked (the threshold is inclusive).
      { id: 'half', pass: 29, fail: 0, notAssessable: 29 },
      { id: 'none', pass: 0, fail: 0, notAssessable: 0 },
    ];
    const r = rankQuality(items);
    expect(r.ranked.map((x) => x.item.id)).toEqual(['clean', 'full', 'half']);
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(r.apart.map((x) => x.item.id)).toEqual(['seed', 'none']);
    const seed = r.apart[0];
    expect(seed?.coverage).toBeCloseTo(12 / 58, 12);
    expect(seed?.passRate).toBe(1);
    expect(seed?.rank).toBeNull();
    // Wilson lower bound of 12 of 58 ≈ 0.123, far under the fully checked bureau's.
    expect(seed?.lowerBound).toBeCloseTo(wilsonInterval(12, 58)?.low ?? NaN, 12);
    expect(r.ranked[1]?.lowerBound).toBeCloseTo(wilsonInterval(55, 58)?.low ?? NaN, 12);
    expect(r.apart[1]?.coverage).toBeNull();
  });

  it('gives equal lower bounds the same rank', () => {
    const r = rankQuality([
      { id: 'b', pass: 10, fail: 0, notAssessable: 0 },
      { id: 'a', pass: 10, fail: 0, notAssessable: 0 },
      { id: 'c', pass: 5, fail: 5, notAssessable: 0 },
    ]);
    expect(r.ranked.map((x) => [x.item.id, x.rank])).toEqual([
      ['a', 1],
      ['b', 1],
      ['c', 3],
    ]);
  });
});
