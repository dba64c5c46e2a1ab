/**
 * The model behind the GENERATED datasets (演示数据，非真实数据): agencies of fictional regions, their
 * reports over 2019–2025 simulated year by year so that every rule of the contract holds, and a
 * few deliberate violations and blank cells, each listed. scripts/generate-demo.ts builds the demo
 * from it, scripts/generate-scale.ts the large generated datasets. Deterministic for a seed.
 *
 * Column keys and rules: ../shared/domain/report-format.md; assumptions: datasets/README.md.
 */
import { CELLS, DATASET_COLUMNS, type IdentityKey, type T3Col } from '@/domain/catalogue';

// ---------------------------------------------------------------- column contract

const APPLICANTS = ['person', 'business', 'research', 'nonprofit', 'legal', 'org_other'] as const;
type Applicant = (typeof APPLICANTS)[number];
type T3Column = T3Col;
const ORGANISATIONS = APPLICANTS.slice(1);

const DENIED = ['secret', 'law', 'safety', 'third_party', 'internal', 'process', 'enforcement', 'inquiry'];
const UNABLE = ['not_held', 'needs_creation', 'unclear'];
const REJECTED = ['petition', 'duplicate', 'publication', 'excessive', 'confirmation'];
const OTHER_2021 = ['other_no_correction', 'other_unpaid_fee', 'other_misc'];
const OUTCOMES_COMMON = [
  'granted',
  'partial',
  ...DENIED.map((k) => `denied_${k}`),
  ...UNABLE.map((k) => `unable_${k}`),
  ...REJECTED.map((k) => `rejected_${k}`),
];

const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;
type T4Group = (typeof T4_GROUPS)[number];
const T4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

const T2_2021_MEASURES = ['licensing', 'penalty', 'coercion'] as const;
const T2_2019_ITEMS = ['licensing', 'services', 'penalty', 'coercion'] as const;

/** The contract's columns, in its order: identity first, then every cell (`@/domain/catalogue`). */
export const HEADER: readonly string[] = DATASET_COLUMNS;

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const templateOf = (year: number): '2019' | '2021' => (year < 2021 ? '2019' : '2021');
const outcomeRows = (year: number): string[] =>
  templateOf(year) === '2019' ? [...OUTCOMES_COMMON, 'other_single'] : [...OUTCOMES_COMMON, ...OTHER_2021];

/** Requests rise to 2021 and fall afterwards, so trend charts have a shape. */
const REQUEST_TREND: Record<number, number> = {
  2019: 0.78,
  2020: 0.9,
  2021: 1,
  2022: 0.96,
  2023: 0.9,
  2024: 0.84,
  2025: 0.8,
};

// ---------------------------------------------------------------- seeded randomness

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.uniform(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n > 60) {
      const draw = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal());
      return Math.min(n, Math.max(0, draw));
    }
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  multinomial(n: number, weights: readonly number[]): number[] {
    let rest = n;
    let restWeight = weights.reduce((a, b) => a + b, 0);
    return weights.map((w, i) => {
      const k = i === weights.length - 1 ? rest : this.binomial(rest, restWeight > 0 ? w / restWeight : 0);
      rest -= k;
      restWeight -= w;
      return k;
    });
  }
}

const round = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

// ---------------------------------------------------------------- agencies

export type Level = 'province' | 'city' | 'county';

interface Sector {
  name: string;
  slug: string;
  provinceOrgan: string | null;
  localOrgan: string;
  /** relative volume of information requests */
  requests: number;
  /** how much licensing / penalty / coercion work it does, 0 = none */
  enforcement: number;
  fees: boolean;
  countyShare: number;
}

/**
 * One department kind a line: sector, id slug, province organ ("-": none at province level), city
 * and county organ, relative request volume, licensing/penalty/coercion workload (0: none),
 * charges fees (y/n), share of counties that have it.
 */
const SECTOR_TABLE = `
人力资源和社会保障 hrss      人力资源和社会保障厅 人力资源和社会保障局 1.5  0.4 n 1
公安               police    公安厅               公安局               2.5  1   y 1
自然资源           natres    自然资源厅           自然资源局           4    0.8 y 1
住房和城乡建设     housing   住房和城乡建设厅     住房和城乡建设局     3    0.8 y 1
生态环境           eco       生态环境厅           生态环境局           1.2  0.8 n 0.8
教育               edu       教育厅               教育局               1    0.3 n 1
卫生健康           health    卫生健康委员会       卫生健康委员会       1    0.7 n 1
市场监督管理       samr      市场监督管理局       市场监督管理局       1.5  1   y 1
交通运输           transport 交通运输厅           交通运输局           1    0.7 y 0.8
农业农村           agri      农业农村厅           农业农村局           0.8  0.6 n 0.9
财政               finance   财政厅               财政局               0.8  0.1 n 0.9
民政               civil     民政厅               民政局               0.7  0.3 n 0.8
税务               tax       税务局               税务局               0.6  0.5 n 0.5
水利               water     水利厅               水利局               0.6  0.6 y 0.6
文化和旅游         culture   文化和旅游厅         文化和旅游局         0.4  0.6 n 0.6
应急管理           emergency 应急管理厅           应急管理局           0.5  0.7 n 0.7
发展和改革         ndrc      发展和改革委员会     发展和改革局         0.8  0.3 n 0.7
司法               justice   司法厅               司法局               0.5  0.2 n 0.6
商务               commerce  商务厅               商务局               0.4  0.3 n 0.4
退役军人事务       veterans  退役军人事务厅       退役军人事务局       0.4  0   n 0.6
医疗保障           medsec    医疗保障局           医疗保障局           0.5  0.4 n 0.6
统计               stats     统计局               统计局               0.15 0.2 n 0.4
城市管理综合执法   urban     -                    城市管理综合执法局   1.2  1   n 0.6
档案               archives  档案局               档案局               0.1  0   n 0.3
审计               audit     审计厅               审计局               0.2  0   n 0.4
林业               forestry  林业局               林业局               0.4  0.5 n 0.3
`;

function parseSectors(table: string): Sector[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [name = '', slug = '', province = '', local = '', requests, enforcement, fees, county] = line
        .trim()
        .split(/\s+/);
      return {
        name,
        slug,
        provinceOrgan: province === '-' ? null : province,
        localOrgan: local,
        requests: Number(requests),
        enforcement: Number(enforcement),
        fees: fees === 'y',
        countyShare: Number(county),
      };
    });
}

const SECTORS = parseSectors(SECTOR_TABLE);

export const PROVINCE = { name: '示例省', slug: 'demo-province', code: '990000' };
const CITIES = [
  ['东川', 'dongchuan'],
  ['西岭', 'xiling'],
  ['南屏', 'nanping'],
  ['北原', 'beiyuan'],
  ['青禾', 'qinghe'],
  ['金穗', 'jinsui'],
] as const;
const COUNTIES = [
  ['城区', 'chengqu', '02'],
  ['新区', 'xinqu', '03'],
  ['河县', 'hexian', '21'],
  ['山县', 'shanxian', '22'],
  ['湖县', 'huxian', '23'],
] as const;

export interface Region {
  level: Level;
  province: string;
  name: string;
  slug: string;
  code: string;
  city: string;
  county: string;
}

interface Profile {
  requests: number;
  organisationShare: number;
  carryRate: number;
  outcomeWeights: Record<string, number>;
  reviewRate: number;
  suitDirectRatio: number;
  suitAfterReviewRatio: number;
  enforcement: Record<(typeof T2_2021_MEASURES)[number], number>;
  fees: number;
  feeDecimals: number;
  rulesBase: number;
  normativeBase: number;
  items: Record<(typeof T2_2019_ITEMS)[number] | 'fees', number>;
  procurementItems: number;
}

export interface Agency {
  id: string;
  name: string;
  kind: 'government' | 'department';
  region: Region;
  sector: Sector | null;
  profile: Profile;
}

const GOVERNMENT_SCALE: Record<
  Level,
  {
    requests: number;
    licensing: number;
    penalty: number;
    coercion: number;
    fees: number;
    items: number;
  }
> = {
  province: {
    requests: 900,
    licensing: 300_000,
    penalty: 150_000,
    coercion: 2_500,
    fees: 60_000,
    items: 1.6,
  },
  city: {
    requests: 350,
    licensing: 1_200_000,
    penalty: 1_500_000,
    coercion: 15_000,
    fees: 40_000,
    items: 1.2,
  },
  county: { requests: 60, licensing: 4_000, penalty: 3_000, coercion: 120, fees: 5_000, items: 1 },
};
const DEPARTMENT_REQUESTS: Record<Level, number> = { province: 50, city: 22, county: 3.5 };
const DEPARTMENT_ENFORCEMENT: Record<Level, number> = { province: 0.5, city: 1, county: 0.6 };
const DEPARTMENT_FEES: Record<Level, number> = { province: 1_500, city: 400, county: 80 };

function outcomeWeights(rng: Random): Record<string, number> {
  const groups = {
    granted: rng.uniform(0.34, 0.53),
    partial: rng.uniform(0.03, 0.19),
    denied: rng.uniform(0.03, 0.14),
    unable: rng.uniform(0.27, 0.62),
    rejected: rng.uniform(0.01, 0.12),
    other: rng.uniform(0, 0.13),
  };
  const within = (group: number, keys: string[], shares: number[]): [string, number][] =>
    keys.map((key, i) => [key, group * (shares[i] ?? 0) * rng.uniform(0.5, 1.5)]);
  return Object.fromEntries([
    ['granted', groups.granted],
    ['partial', groups.partial],
    ...within(
      groups.denied,
      DENIED.map((k) => `denied_${k}`),
      [0.2, 0.08, 0.04, 0.12, 0.1, 0.18, 0.14, 0.14],
    ),
    ...within(
      groups.unable,
      UNABLE.map((k) => `unable_${k}`),
      [0.85, 0.1, 0.05],
    ),
    ...within(
      groups.rejected,
      REJECTED.map((k) => `rejected_${k}`),
      [0.5, 0.3, 0.05, 0.1, 0.05],
    ),
    ['other_single', groups.other],
    ...within(groups.other, OTHER_2021, [0.45, 0.03, 0.52]),
  ]);
}

function governmentProfile(level: Level, rng: Random): Profile {
  const scale = GOVERNMENT_SCALE[level];
  return {
    requests: rng.logNormal(scale.requests, 0.5),
    organisationShare: rng.uniform(0.005, 0.04),
    carryRate: rng.uniform(0.005, 0.06),
    outcomeWeights: outcomeWeights(rng),
    reviewRate: rng.uniform(0.02, 0.13),
    suitDirectRatio: rng.uniform(0.3, 0.8),
    suitAfterReviewRatio: rng.uniform(0.15, 0.5),
    enforcement: {
      licensing: rng.logNormal(scale.licensing, 0.5),
      penalty: rng.logNormal(scale.penalty, 0.5),
      coercion: rng.logNormal(scale.coercion, 0.5),
    },
    fees: rng.logNormal(scale.fees, 0.6),
    feeDecimals: rng.pick([0, 2, 2, 4]),
    rulesBase: level === 'county' ? 0 : level === 'province' ? rng.uniform(180, 260) : rng.uniform(15, 45),
    normativeBase: rng.logNormal({ province: 400, city: 200, county: 60 }[level], 0.3),
    items: {
      licensing: rng.logNormal(300 * scale.items, 0.3),
      services: rng.logNormal(180 * scale.items, 0.3),
      penalty: rng.logNormal(3_000 * scale.items, 0.3),
      coercion: rng.logNormal(100 * scale.items, 0.3),
      fees: rng.logNormal(30 * scale.items, 0.3),
    },
    procurementItems: rng.logNormal(40 * scale.items ** 2, 0.5),
  };
}

function departmentProfile(level: Level, sec: Sector, rng: Random): Profile {
  const enforces = sec.enforcement > 0 && rng.chance(0.5);
  const work = enforces ? sec.enforcement * DEPARTMENT_ENFORCEMENT[level] : 0;
  const charges = sec.fees && rng.chance(0.5);
  return {
    requests: rng.logNormal(DEPARTMENT_REQUESTS[level] * sec.requests, 0.9),
    organisationShare: rng.uniform(0, 0.04),
    carryRate: rng.uniform(0, 0.06),
    outcomeWeights: outcomeWeights(rng),
    reviewRate: rng.uniform(0.002, 0.04),
    suitDirectRatio: rng.uniform(0.2, 0.7),
    suitAfterReviewRatio: rng.uniform(0.1, 0.4),
    enforcement: {
      licensing: work * rng.logNormal(600, 0.8),
      penalty: work * rng.logNormal(400, 0.8),
      coercion: work * rng.logNormal(15, 0.8),
    },
    fees: charges ? rng.logNormal(DEPARTMENT_FEES[level], 0.8) : 0,
    feeDecimals: rng.pick([0, 2, 2, 4]),
    rulesBase: 0,
    normativeBase: rng.logNormal({ province: 30, city: 10, county: 3 }[level] * Math.sqrt(sec.requests), 0.5),
    items: {
      licensing: work * rng.uniform(10, 60),
      services: work * rng.uniform(5, 40),
      penalty: work * rng.uniform(200, 1_500),
      coercion: work * rng.uniform(5, 40),
      fees: charges ? rng.uniform(2, 12) : 0,
    },
    procurementItems: rng.uniform(0, 15),
  };
}

function departmentName(region: Region, sec: Sector): string {
  const organ = region.level === 'province' ? sec.provinceOrgan : sec.localOrgan;
  if (sec.slug === 'tax') return `国家税务总局${region.level === 'county' ? region.city : ''}${region.name}${organ}`;
  return `${region.name}${organ}`;
}

/** The demo's 37 regions: 示例省, its six cities and five counties of each. */
export function demoRegions(): Region[] {
  const province: Region = {
    level: 'province',
    province: PROVINCE.name,
    name: PROVINCE.name,
    slug: 'demo-province',
    code: PROVINCE.code,
    city: '',
    county: '',
  };
  const list = [province];
  CITIES.forEach(([root, slug], c) => {
    const cityCode = `99${String(c + 1).padStart(2, '0')}`;
    const city = `${root}市`;
    list.push({
      level: 'city',
      province: PROVINCE.name,
      name: city,
      slug: `demo-${slug}`,
      code: `${cityCode}00`,
      city,
      county: '',
    });
    for (const [suffix, countySlug, code] of COUNTIES) {
      const county = `${root}${suffix}`;
      list.push({
        level: 'county',
        province: PROVINCE.name,
        name: county,
        slug: `demo-${slug}-${countySlug}`,
        code: `${cityCode}${code}`,
        city,
        county,
      });
    }
  });
  return list;
}

export function agenciesOf(region: Region, rng: Random): Agency[] {
  const government: Agency = {
    id: `${region.slug}-gov`,
    name: `${region.name}人民政府`,
    kind: 'government',
    region,
    sector: null,
    profile: governmentProfile(region.level, rng),
  };
  const sectors = SECTORS.filter((s) =>
    region.level === 'province' ? s.provinceOrgan !== null : region.level === 'city' || rng.chance(s.countyShare),
  );
  const departments = sectors.map((sec): Agency => ({
    id: `${region.slug}-${sec.slug}`,
    name: departmentName(region, sec),
    kind: 'department',
    region,
    sector: sec,
    profile: departmentProfile(region.level, sec, rng),
  }));
  return [government, ...departments];
}

// ---------------------------------------------------------------- one agency's reports over the years

type Cells = Map<string, number | null>;

export interface Report {
  agency: Agency;
  year: number;
  cells: Cells;
}

interface History {
  carriedOut: Record<Applicant, number> | null;
  rulesInForce: number;
  normativeInForce: number;
  rulesPublic: number;
  normativePublic: number;
  items: Profile['items'];
}

function newHistory(profile: Profile, rng: Random): History {
  const items = Object.fromEntries(
    Object.entries(profile.items).map(([k, v]) => [k, Math.round(v)]),
  ) as Profile['items'];
  return {
    carriedOut: null,
    rulesInForce: Math.round(profile.rulesBase),
    normativeInForce: Math.round(profile.normativeBase),
    rulesPublic: Math.round(profile.rulesBase * rng.uniform(1.5, 2.5)),
    normativePublic: Math.round(profile.normativeBase * rng.uniform(2, 4)),
    items,
  };
}

const t3 = (row: string, col: T3Column): string => `t3_${row}_${col}`;

function perApplicant(cells: Cells, row: string, values: Record<Applicant, number>): void {
  let total = 0;
  for (const col of APPLICANTS) {
    cells.set(t3(row, col), values[col]);
    total += values[col];
  }
  cells.set(t3(row, 'total'), total);
}

function mapApplicants<T = number>(f: (col: Applicant) => T): Record<Applicant, T> {
  return Object.fromEntries(APPLICANTS.map((col) => [col, f(col)])) as Record<Applicant, T>;
}

function newRequests(profile: Profile, year: number, rng: Random): Record<Applicant, number> {
  const total = rng.poisson(profile.requests * (REQUEST_TREND[year] ?? 1) * Math.exp(0.12 * rng.normal()));
  const organisations = rng.binomial(total, profile.organisationShare);
  const split = rng.multinomial(organisations, [0.62, 0.04, 0.08, 0.14, 0.12]);
  return mapApplicants((col) => (col === 'person' ? total - organisations : (split[ORGANISATIONS.indexOf(col)] ?? 0)));
}

function section3(cells: Cells, profile: Profile, history: History, year: number, rng: Random): number {
  const requests = newRequests(profile, year, rng);
  const carryRate = profile.carryRate * rng.uniform(0.5, 1.5);
  const carriedIn = history.carriedOut ?? mapApplicants((col) => rng.binomial(requests[col], carryRate));
  const carriedOut = mapApplicants((col) => rng.binomial(requests[col] + carriedIn[col], carryRate));
  const settled = mapApplicants((col) => requests[col] + carriedIn[col] - carriedOut[col]);
  const rows = outcomeRows(year);
  const weights = rows.map((row) => (profile.outcomeWeights[row] ?? 0) * Math.exp(0.15 * rng.normal()));
  const split = mapApplicants((col) => rng.multinomial(settled[col], weights));
  perApplicant(cells, 'new', requests);
  perApplicant(cells, 'carried_in', carriedIn);
  rows.forEach((row, i) =>
    perApplicant(
      cells,
      row,
      mapApplicants((col) => split[col][i] ?? 0),
    ),
  );
  perApplicant(cells, 'total', settled);
  perApplicant(cells, 'carried_out', carriedOut);
  history.carriedOut = carriedOut;
  return APPLICANTS.reduce((sum, col) => sum + requests[col], 0);
}

function section4(cells: Cells, profile: Profile, requests: number, rng: Random): void {
  const reviews = requests * profile.reviewRate;
  const expected: Record<T4Group, number> = {
    review: reviews,
    suit_direct: reviews * profile.suitDirectRatio,
    suit_after_review: reviews * profile.suitAfterReviewRatio,
  };
  for (const group of T4_GROUPS) {
    const total = rng.poisson(expected[group]);
    const shares = group === 'review' ? [0.68, 0.06, 0.18, 0.08] : [0.6, 0.05, 0.25, 0.1];
    rng.multinomial(total, shares).forEach((n, i) => cells.set(`t4_${group}_${T4_PARTS[i]}`, n));
    cells.set(`t4_${group}_total`, total);
  }
}

function enforcementVolumes(
  profile: Profile,
  year: number,
  rng: Random,
): Record<(typeof T2_2021_MEASURES)[number], number> {
  const drift = 1 + 0.03 * (year - 2019);
  const draw = (median: number): number => (median < 0.5 ? 0 : Math.round(rng.logNormal(median * drift, 0.25)));
  return {
    licensing: draw(profile.enforcement.licensing),
    penalty: draw(profile.enforcement.penalty),
    coercion: draw(profile.enforcement.coercion),
  };
}

const fees = (profile: Profile, rng: Random): number =>
  profile.fees === 0 ? 0 : round(rng.logNormal(profile.fees, 0.15), profile.feeDecimals);

function documentFlow(inForce: number, base: number, rng: Random): { issued: number; repealed: number } {
  const issued = rng.poisson(base * 0.12);
  const cleanUp = rng.chance(0.06) ? rng.binomial(inForce, rng.uniform(0.2, 0.6)) : 0;
  const repealed = Math.min(inForce + issued, rng.poisson(base * 0.06) + cleanUp);
  return { issued, repealed };
}

function section2of2021(cells: Cells, profile: Profile, history: History, year: number, rng: Random): void {
  const rules =
    profile.rulesBase > 0
      ? documentFlow(history.rulesInForce, profile.rulesBase * 0.3, rng)
      : { issued: 0, repealed: 0 };
  const normative = documentFlow(history.normativeInForce, profile.normativeBase, rng);
  history.rulesInForce += rules.issued - rules.repealed;
  history.normativeInForce += normative.issued - normative.repealed;
  cells.set('t2_rules_issued', rules.issued);
  cells.set('t2_rules_repealed', rules.repealed);
  cells.set('t2_rules_in_force', history.rulesInForce);
  cells.set('t2_normative_issued', normative.issued);
  cells.set('t2_normative_repealed', normative.repealed);
  cells.set('t2_normative_in_force', history.normativeInForce);
  const volumes = enforcementVolumes(profile, year, rng);
  for (const measure of T2_2021_MEASURES) cells.set(`t2_${measure}`, volumes[measure]);
  cells.set('t2_fees', fees(profile, rng));
}

function itemChange(items: number, rng: Random): number {
  if (items === 0 || rng.chance(0.5)) return 0;
  return Math.max(-items, Math.round(Math.max(1, items * 0.04) * rng.normal()));
}

function section2of2019(cells: Cells, profile: Profile, history: History, year: number, rng: Random): void {
  const rulesMade = profile.rulesBase > 0 ? rng.poisson(profile.rulesBase * 0.04) : 0;
  const normativeMade = rng.poisson(profile.normativeBase * 0.12);
  history.rulesPublic += rulesMade;
  history.normativePublic += normativeMade;
  cells.set('t2v19_rules_made', rulesMade);
  cells.set('t2v19_rules_published', rulesMade);
  cells.set('t2v19_rules_total', history.rulesPublic);
  cells.set('t2v19_normative_made', normativeMade);
  cells.set('t2v19_normative_published', normativeMade);
  cells.set('t2v19_normative_total', history.normativePublic);
  const volumes = enforcementVolumes(profile, year, rng);
  const decisions = { ...volumes, services: Math.round(volumes.licensing * rng.uniform(0.3, 0.9)) };
  for (const item of [...T2_2019_ITEMS, 'fees'] as const) {
    const change = itemChange(history.items[item], rng);
    cells.set(`t2v19_${item}_prev`, history.items[item]);
    cells.set(`t2v19_${item}_change`, change);
    if (item !== 'fees') cells.set(`t2v19_${item}_decisions`, decisions[item]);
    history.items[item] += change;
  }
  const procurementItems = rng.poisson(profile.procurementItems);
  cells.set('t2v19_procurement_items', procurementItems);
  cells.set('t2v19_procurement_amount', round(procurementItems * rng.logNormal(60, 0.8), rng.pick([2, 4])));
}

const emptyCells = (): Cells => new Map(HEADER.map((key) => [key, null]));

/** Governments always publish; a department now and then has no report for a year (a gap). */
export function simulate(agency: Agency, rng: Random): { report: Report; published: boolean }[] {
  const history = newHistory(agency.profile, rng);
  const gapRate = agency.kind === 'government' ? 0 : 0.025;
  return YEARS.map((year) => {
    const cells = emptyCells();
    if (templateOf(year) === '2019') section2of2019(cells, agency.profile, history, year, rng);
    else section2of2021(cells, agency.profile, history, year, rng);
    const requests = section3(cells, agency.profile, history, year, rng);
    section4(cells, agency.profile, requests, rng);
    return { report: { agency, year, cells }, published: !rng.chance(gapRate) };
  });
}

// ---------------------------------------------------------------- deliberate violations and blanks

export interface Finding {
  agencyId: string;
  year: number;
  rule: string;
  columnOrGroup: string;
  description: string;
}

/** The published reports of one agency in year order. */
export type Series = Report[];

function value(report: Report, key: string): number {
  const v = report.cells.get(key);
  if (typeof v !== 'number') throw new Error(`${report.agency.id} ${report.year}: ${key} is not a number`);
  return v;
}

function shift(report: Report, key: string, delta: number): string {
  const before = value(report, key);
  report.cells.set(key, before + delta);
  return `${key} ${before}→${before + delta}`;
}

const finding = (report: Report, rule: string, columnOrGroup: string, description: string): Finding => ({
  agencyId: report.agency.id,
  year: report.year,
  rule,
  columnOrGroup,
  description,
});

const pickColumn = (rng: Random): Applicant => (rng.chance(0.7) ? 'person' : rng.pick(ORGANISATIONS));

type Injector = (series: Series, rng: Random) => Finding[] | null;

const withPrevious = (series: Series): Report[] => series.filter((r, i) => series[i - 1]?.year === r.year - 1);

const unbalancedR1: Injector = (series, rng) => {
  const report = rng.pick(series);
  const col = pickColumn(rng);
  const d = 1 + rng.poisson(3);
  const what = `new requests misprinted: ${shift(report, t3('new', col), d)}, ${shift(report, t3('new', 'total'), d)}`;
  return [finding(report, 'R1', col, what), finding(report, 'R1', 'total', what)];
};

const outcomeSumR2: Injector = (series, rng) => {
  const report = rng.pick(series);
  const row = rng.pick(outcomeRows(report.year));
  const col = pickColumn(rng);
  const d = 1 + rng.poisson(4);
  const what = `outcome row ${row} misprinted in ${col} and in its row total: ${shift(report, t3(row, col), d)}, ${shift(report, t3(row, 'total'), d)}; （七）总计 unchanged`;
  return [finding(report, 'R2', col, what), finding(report, 'R2', 'total', what)];
};

const swappedRowTotalsR3: Injector = (series, rng) => {
  const report = rng.pick(series);
  const rows = outcomeRows(report.year);
  const largest = rows.reduce((a, b) => (value(report, t3(b, 'total')) > value(report, t3(a, 'total')) ? b : a));
  const available = value(report, t3(largest, 'total'));
  if (available < 2) return null;
  const other = rng.pick(rows.filter((r) => r !== largest));
  const d = rng.int(1, Math.min(5, available));
  const what = `row totals misprinted, compensating so the 总计 column still adds up: ${shift(report, t3(other, 'total'), d)}, ${shift(report, t3(largest, 'total'), -d)}`;
  return [finding(report, 'R3', other, what), finding(report, 'R3', largest, what)];
};

const rowTotalTypoR3: Injector = (series, rng) => {
  const report = rng.pick(series);
  const row = rng.pick(outcomeRows(report.year));
  const what = `row total misprinted: ${shift(report, t3(row, 'total'), rng.pick([1, 2, 10]))}`;
  return [finding(report, 'R3', row, what), finding(report, 'R2', 'total', what)];
};

const groupTotalZeroR4: Injector = (series, rng) => {
  const candidates = series.flatMap((report) =>
    T4_GROUPS.filter((g) => value(report, `t4_${g}_total`) > 0).map((group) => ({ report, group })),
  );
  if (candidates.length === 0) return null;
  const { report, group } = rng.pick(candidates);
  const what = `group total printed 0 although its parts add up (as in 洪泽区 2023): ${shift(report, `t4_${group}_total`, -value(report, `t4_${group}_total`))}`;
  return [finding(report, 'R4', group, what)];
};

const groupTotalOffR4: Injector = (series, rng) => {
  const report = rng.pick(series);
  const group = rng.pick(T4_GROUPS);
  const key = `t4_${group}_total`;
  const d = value(report, key) > 0 && rng.chance(0.5) ? -1 : rng.int(1, 3);
  return [finding(report, 'R4', group, `group total misprinted: ${shift(report, key, d)}`)];
};

const carriedInR5: Injector = (series, rng) => {
  const candidates = withPrevious(series).filter((r) => value(r, t3('new', 'person')) >= 1);
  if (candidates.length === 0) return null;
  const report = rng.pick(candidates);
  const d = rng.int(1, Math.min(4, value(report, t3('new', 'person'))));
  const what = `carried_in does not continue last year's carried_out (one row moved between 一 and 二, so R1 still holds): ${shift(report, t3('carried_in', 'person'), d)}, ${shift(report, t3('carried_in', 'total'), d)}, ${shift(report, t3('new', 'person'), -d)}, ${shift(report, t3('new', 'total'), -d)}`;
  return [finding(report, 'R5', 'person', what), finding(report, 'R5', 'total', what)];
};

const inForceJumpR6: Injector = (series, rng) => {
  const candidates = withPrevious(series).filter((r) => r.year >= 2022);
  if (candidates.length === 0) return null;
  const report = rng.pick(candidates);
  const kind = value(report, 't2_rules_in_force') > 0 && rng.chance(0.3) ? 'rules' : 'normative';
  const key = `t2_${kind}_in_force`;
  const later = series.filter((r) => r.year >= report.year);
  const floor = Math.min(...later.map((r) => value(r, key)));
  const up = Math.max(rng.int(3, 12), Math.round(value(report, key) * rng.uniform(0.2, 0.5)));
  const jump = floor >= 3 && rng.chance(0.4) ? -Math.max(1, Math.round(floor * rng.uniform(0.3, 1))) : up;
  const before = value(report, key);
  for (const r of later) r.cells.set(key, value(r, key) + jump);
  const what = `现行有效件数 re-based by ${jump > 0 ? '+' : ''}${jump} (清理 re-classification; later years continue from the new figure): ${key} ${before}→${before + jump}`;
  return [finding(report, 'R6', kind, what)];
};

const INJECTIONS: [Injector, number][] = [
  [unbalancedR1, 12],
  [outcomeSumR2, 10],
  [swappedRowTotalsR3, 5],
  [rowTotalTypoR3, 5],
  [groupTotalZeroR4, 8],
  [groupTotalOffR4, 4],
  [carriedInR5, 10],
  [inForceJumpR6, 8],
];

function blank(report: Report, keys: string[], consequence: string): Finding[] {
  for (const key of keys) report.cells.set(key, null);
  return keys.map((key) => finding(report, 'null', key, `blank (not reported); not assessable: ${consequence}`));
}

const blankRowTotal: Injector = (series, rng) => {
  const report = rng.pick(series);
  const row = rng.pick(outcomeRows(report.year));
  return blank(report, [t3(row, 'total')], `R2 total, R3 ${row}`);
};

const blankReviewCell: Injector = (series, rng) => {
  const report = rng.pick(series);
  const group = rng.pick(T4_GROUPS);
  return blank(report, [`t4_${group}_${rng.pick(T4_PARTS)}`], `R4 ${group}`);
};

const blankCarriedOut: Injector = (series, rng) => {
  const index = rng.int(0, series.length - 1);
  const report = series[index];
  if (report === undefined) return null;
  const col = pickColumn(rng);
  const next = series[index + 1]?.year === report.year + 1 ? `, R5 ${col} of ${report.year + 1}` : '';
  return blank(report, [t3('carried_out', col)], `R1 ${col}, R3 carried_out, S ${t3('carried_out', col)}${next}`);
};

const blankInForce: Injector = (series, rng) => {
  const candidates = series.filter((r) => templateOf(r.year) === '2021');
  if (candidates.length === 0) return null;
  const report = rng.pick(candidates);
  return blank(
    report,
    ['t2_normative_in_force'],
    `R6 normative of ${report.year} and ${report.year + 1} where those years have reports`,
  );
};

const blankFees: Injector = (series, rng) => {
  const report = rng.pick(series);
  const key = templateOf(report.year) === '2021' ? 't2_fees' : 't2v19_procurement_amount';
  return blank(report, [key], `S ${key}`);
};

/** Like 上海市人民政府 2019: the 总计 column printed only in （七）. */
const blankTotalColumn: Injector = (series, rng) => {
  const report = rng.pick(series);
  const rows = outcomeRows(report.year);
  return blank(
    report,
    rows.map((row) => t3(row, 'total')),
    `R2 total, R3 for every outcome row`,
  );
};

const BLANKS: [Injector, number][] = [
  [blankRowTotal, 3],
  [blankReviewCell, 2],
  [blankCarriedOut, 2],
  [blankInForce, 1],
  [blankFees, 1],
  [blankTotalColumn, 1],
];

/** How many of each kind the demo's 5,393 reports carry; other sizes get as many per report. */
export const DEMO_REPORTS = 5393;

/** `count` scaled to `scale`, the fraction rounded up or down at random (the demo: scale 1, exact). */
function scaledCount(count: number, scale: number, rng: Random): number {
  if (scale === 1) return count;
  const exact = count * scale;
  const whole = Math.floor(exact);
  return whole + (rng.chance(exact - whole) ? 1 : 0);
}

/**
 * Each touched agency gets exactly one injection, so injections never interact. `scale` multiplies
 * the demo's counts (a dataset of n reports: n / DEMO_REPORTS).
 */
export function inject(seriesList: Series[], rng: Random, scale = 1): Finding[] {
  const queue = rng.shuffle(seriesList.filter((s) => s.length > 0));
  const findings: Finding[] = [];
  for (const [injector, demoCount] of [...INJECTIONS, ...BLANKS]) {
    const count = scaledCount(demoCount, scale, rng);
    for (let done = 0; done < count;) {
      const series = queue.shift();
      if (series === undefined) {
        // The demo has to carry every listed injection; a small part of a large dataset may run out.
        if (scale === 1) throw new Error('ran out of agencies for injections');
        return findings;
      }
      const result = injector(series, rng);
      if (result === null) continue;
      findings.push(...result);
      done++;
    }
  }
  return findings;
}

// ---------------------------------------------------------------- output

const DECIMAL_COLUMNS = new Set(CELLS.filter((c) => c.valueKind === 'decimal').map((c) => c.key));

function formatValue(key: string, v: number | null): string {
  if (v === null) return '';
  if (DECIMAL_COLUMNS.has(key)) return String(round(v, 4));
  if (!Number.isInteger(v)) throw new Error(`${key}: ${v} is not an integer`);
  return String(v);
}

/** A value for every identity column of the contract (the type lists them, so none is forgotten). */
function identityValues(agency: Agency, year: number): Record<IdentityKey, string> {
  const { region } = agency;
  return {
    agency_id: agency.id,
    agency_name: agency.name,
    year: String(year),
    template: templateOf(year),
    level: region.level,
    kind: agency.kind,
    province: region.province,
    city: region.city,
    county: region.county,
    region_code: region.code,
    sector: agency.sector?.name ?? '',
    source_url: '',
  };
}

export function toRecord(report: Report): string[] {
  const ids: Partial<Record<string, string>> = identityValues(report.agency, report.year);
  return HEADER.map((key) => ids[key] ?? formatValue(key, report.cells.get(key) ?? null));
}

export function findingRecord(f: Finding): string[] {
  return [f.agencyId, String(f.year), f.rule, f.columnOrGroup, f.description];
}
