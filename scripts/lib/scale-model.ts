/**
 * GENERATED datasets of any size (演示数据（生成）): the demo's model (scripts/lib/report-model.ts)
 * run over fictional provinces, cities and counties, as many as the wanted number of reports needs.
 * Each province is simulated on its own (its own random stream, its own share of the deliberate
 * violations and blanks), so a province's reports come out one after another and the whole never
 * has to be in memory. The same reports and seed give the same rows.
 */
import {
  agenciesOf,
  DEMO_REPORTS,
  findingRecord,
  inject,
  Random,
  simulate,
  toRecord,
  type Finding,
  type Region,
  type Series,
} from './report-model';

/** How the fictional country is laid out: provinces, cities in each, counties in each city. */
export interface ScaleShape {
  readonly provinces: number;
  readonly citiesPerProvince: number;
  readonly countiesPerCity: number;
}

/** Province codes count down from 99 and stay above the real ones (11–65 … 82): at most 34. */
export const MAX_PROVINCES = 34;
const YEARS_PER_AGENCY = 7;
/** Agencies a region has on average in the model: its government and its departments. */
const AGENCIES = { province: 26, city: 27, county: 18.8 };

/** A layout with a little more than `reports` reports (the last province is cut to fit). */
export function shapeFor(reports: number): ScaleShape {
  if (!Number.isInteger(reports) || reports < 1) throw new Error(`reports must be a positive integer: ${reports}`);
  // 2.5% of department reports are gaps; 8% spare so the layout never falls short.
  const agencies = (reports / YEARS_PER_AGENCY) * 1.08;
  const provinces = Math.min(MAX_PROVINCES, Math.max(1, Math.ceil(agencies / 4000)));
  const perProvince = agencies / provinces - AGENCIES.province;
  const countiesPerCity = Math.min(99, Math.max(1, Math.round(Math.sqrt(Math.max(1, perProvince) / 19))));
  const citiesPerProvince = Math.min(
    99,
    Math.max(1, Math.ceil(perProvince / (AGENCIES.city + AGENCIES.county * countiesPerCity))),
  );
  return { provinces, citiesPerProvince, countiesPerCity };
}

const FIRST = '瑞嘉云宁和泰丰永安清华昌兴隆盛德康福祥禾锦怀靖崇玉翠金银桂兰松梅竹柏枫苍碧';
const SECOND = '川原泽岭峰源溪林阳州江滨台垣塘湾洲屿坪岗坡野丘田谷陵湖沙滩池渡岩关';

/** A two-character fictional place name, distinct for each index below 40 × 40. */
function placeName(index: number, salt: number): string {
  const i = (index * 7 + salt * 13) % (FIRST.length * SECOND.length);
  return `${FIRST[i % FIRST.length]}${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}`;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** Province `p` (0-based) and its cities and counties, province first, then each city and its counties. */
export function provinceRegions(p: number, shape: ScaleShape): Region[] {
  if (p < 0 || p >= MAX_PROVINCES) throw new Error(`province index out of range: ${p}`);
  const code = two(99 - p);
  const province = `${placeName(p, 0)}省`;
  const pSlug = `gen-p${two(p + 1)}`;
  const list: Region[] = [
    { level: 'province', province, name: province, slug: pSlug, code: `${code}0000`, city: '', county: '' },
  ];
  for (let c = 0; c < shape.citiesPerProvince; c++) {
    const city = `${placeName(c, p + 1)}市`;
    const cityCode = `${code}${two(c + 1)}`;
    const cSlug = `${pSlug}-c${two(c + 1)}`;
    list.push({ level: 'city', province, name: city, slug: cSlug, code: `${cityCode}00`, city, county: '' });
    for (let k = 0; k < shape.countiesPerCity; k++) {
      const county = `${placeName(k, p * 100 + c + 7)}${k % 3 === 0 ? '区' : '县'}`;
      list.push({
        level: 'county',
        province,
        name: county,
        slug: `${cSlug}-k${two(k + 1)}`,
        code: `${cityCode}${two(k + 1)}`,
        city,
        county,
      });
    }
  }
  return list;
}

/** One province's output: its reports as CSV records (contract column order) and its listed findings. */
export interface ScaleChunk {
  readonly province: number;
  readonly records: string[][];
  /** agency_id, year, rule, column_or_group, description (as datasets/demo-violations.csv). */
  readonly findings: string[][];
}

/** A province's own random stream, from the seed and its index. */
const provinceSeed = (seed: number, p: number): number =>
  (Math.imul(seed >>> 0, 0x9e3779b1) ^ ((p + 1) * 0x85ebca6b)) >>> 0;

/**
 * Exactly `reports` reports, province by province. The findings list every deliberate violation
 * and blank of the reports that were kept (a cut-off agency keeps its first years).
 */
export function* generateScale(reports: number, seed: number): Generator<ScaleChunk> {
  const shape = shapeFor(reports);
  let left = reports;
  for (let p = 0; p < shape.provinces && left > 0; p++) {
    const rng = new Random(provinceSeed(seed, p));
    const agencies = provinceRegions(p, shape).flatMap((region) => agenciesOf(region, rng));
    const seriesList: Series[] = agencies.map((agency) =>
      simulate(agency, rng)
        .filter((s) => s.published)
        .map((s) => s.report),
    );
    const count = seriesList.reduce((n, s) => n + s.length, 0);
    const findings: Finding[] = inject(seriesList, rng, count / DEMO_REPORTS);
    const kept = seriesList.flat().slice(0, left);
    left -= kept.length;
    const keys = new Set(kept.map((r) => `${r.agency.id}|${r.year}`));
    yield {
      province: p,
      records: kept.map(toRecord),
      findings: findings.filter((f) => keys.has(`${f.agencyId}|${f.year}`)).map(findingRecord),
    };
  }
  if (left > 0) throw new Error(`layout ${JSON.stringify(shape)} holds ${reports - left} reports, not ${reports}`);
}
