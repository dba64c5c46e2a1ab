/**
 * URLs the app wrote before the URL schema had a version (one per view, with choices), and the
 * canonical form each now opens as. The unit test checks the reading; the end-to-end test opens
 * both forms and checks they show the same picture.
 */
export interface LegacyUrl {
  readonly view: string;
  readonly old: Record<string, string>;
  readonly now: Record<string, string>;
}

export const LEGACY_URLS: readonly LegacyUrl[] = [
  {
    view: 'overview',
    old: { y: '2023', level: 'county', xf: '1' },
    now: { v: '1', y: '2023', level: 'county', xf: '1' },
  },
  {
    view: 'compare',
    old: { ds: 'real', cols: 'new_requests,disclosure_rate', csort: 'disclosure_rate.pct.desc', lang: 'en' },
    now: {
      v: '1',
      ds: 'real',
      lang: 'en',
      'cmp.cols': 'new_requests,disclosure_rate',
      'cmp.sort': 'disclosure_rate.pct.desc',
    },
  },
  {
    view: 'compare',
    old: { ag: 'demo-dongchuan-police,demo-dongchuan-chengqu-gov', cscope: 'all', cpage: '2' },
    now: { v: '1', ag: 'demo-dongchuan-police,demo-dongchuan-chengqu-gov', 'cmp.scope': 'all', 'cmp.page': '2' },
  },
  {
    view: 'trends',
    old: {
      ag: 'demo-dongchuan-police,demo-dongchuan-chengqu-gov',
      tind: 'new_requests',
      tmode: 'index',
      tbase: '2020',
    },
    now: {
      v: '1',
      ag: 'demo-dongchuan-police,demo-dongchuan-chengqu-gov',
      'tr.ind': 'new_requests',
      'tr.mode': 'index',
      'tr.base': '2020',
    },
  },
  {
    view: 'trends',
    old: { tby: 'sector', tind: 'new_requests,disclosure_rate' },
    now: { v: '1', 'tr.by': 'sector', 'tr.ind': 'new_requests,disclosure_rate' },
  },
  {
    view: 'outcomes',
    old: { by: 'level', reason: 'other', mode: 'share' },
    now: { v: '1', 'out.by': 'level', 'out.reason': 'other', 'out.mode': 'share' },
  },
  {
    view: 'applicants',
    old: { mode: 'share', by: 'kind', lang: 'en' },
    now: { v: '1', lang: 'en', 'app.mode': 'share', 'app.by': 'kind' },
  },
  {
    view: 'litigation',
    old: { by: 'level', level: 'county' },
    now: { v: '1', level: 'county', 'lit.by': 'level' },
  },
  {
    view: 'proactive',
    old: { y: '2023', level: 'county', by: 'level' },
    now: { v: '1', y: '2023', level: 'county' },
  },
  {
    view: 'quality',
    old: { rule: 'R1', by: 'level', sort: 'worst', sp: '2', blank0: '1' },
    now: { v: '1', 'q.rule': 'R1', 'q.by': 'level', 'q.sort': 'worst', 'q.sp': '2', 'q.blank0': '1' },
  },
  {
    view: 'quality',
    old: { ds: 'real', sev: 'warning', fp: '2' },
    now: { v: '1', ds: 'real', 'q.sev': 'warning', 'q.fp': '2' },
  },
  {
    view: 'report',
    old: { ds: 'real', agency: 'js-huaian-hongze-gov', year: '2023', prev: '1', check: 'R4.review' },
    now: {
      v: '1',
      ds: 'real',
      'rep.agency': 'js-huaian-hongze-gov',
      'rep.year': '2023',
      'rep.prev': '1',
      'rep.check': 'R4.review',
    },
  },
];

/** The hash part of a link to `view` with `query`. */
export const hashOf = (view: string, query: Record<string, string>) =>
  `#/${view}?${new URLSearchParams(query).toString()}`;
