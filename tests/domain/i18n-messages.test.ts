import { describe, expect, it } from 'vitest';
import zh from '@/i18n/zh-CN';
import en from '@/i18n/en';
import compare from '@/i18n/features/compare';
import trends from '@/i18n/features/trends';
import outcomes from '@/i18n/features/outcomes';
import applicants from '@/i18n/features/applicants';
import litigation from '@/i18n/features/litigation';
import proactive from '@/i18n/features/proactive';
import report from '@/i18n/features/report';
import quality from '@/i18n/features/quality';
import ingest from '@/i18n/features/ingest';
import glossary from '@/i18n/features/glossary';
import findings from '@/i18n/features/findings';

/** Every message path of a message tree, e.g. "chart.source". */
function paths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k));
}

const FEATURES = {
  compare,
  trends,
  outcomes,
  applicants,
  litigation,
  proactive,
  report,
  quality,
  ingest,
  glossary,
  findings,
};

describe('messages', () => {
  it('has every Chinese message in English and no English message without a Chinese one', () => {
    expect(paths(en).sort()).toEqual(paths(zh).sort());
    for (const [name, m] of Object.entries(FEATURES)) expect(paths(m.en).sort(), name).toEqual(paths(m.zh).sort());
  });

  it('uses no full-width punctuation in English', () => {
    const all = [en, ...Object.values(FEATURES).map((m) => m.en)];
    const values = all.flatMap((tree) =>
      paths(tree).map((p) => [p, p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], tree)]),
    );
    expect(values.length).toBeGreaterThan(all.length);
    expect(values.filter(([, v]) => /[，。；：、（）]/.test(String(v)))).toEqual([]);
  });
});
