import { createI18n } from 'vue-i18n';
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
import briefing from '@/i18n/features/briefing';
import feedback from '@/i18n/features/feedback';
import datasets from '@/i18n/features/datasets';

export type MessageSchema = typeof zh;

/** Each view owns its messages in i18n/features/<view>.ts, under its own namespace. */
export const features = {
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
  briefing,
  feedback,
  datasets,
};
const namespaced = (lang: 'zh' | 'en') =>
  Object.fromEntries(Object.entries(features).map(([name, messages]) => [name, messages[lang]]));

/** Every message of both languages, as the app sees them. */
export const messages = { zh: { ...zh, ...namespaced('zh') }, en: { ...en, ...namespaced('en') } };

export const i18n = createI18n({ legacy: false, locale: 'zh', fallbackLocale: 'zh', messages });
