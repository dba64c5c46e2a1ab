/**
 * The message sub-trees whose words belong to the report catalogue: level, kind and applicant
 * labels, and the names of the identity columns wherever a screen names one (filters, group-by
 * choices, the import form). They are built from `@/domain/catalogue` here, never retyped in a
 * message file, so a label changes in one place and `t('level.county')` still works.
 */
import {
  IDENTITY_COLUMNS,
  KINDS,
  LEVELS,
  T3_COLS,
  type AgencyKind,
  type IdentityKey,
  type Label,
  type Level,
  type T3Col,
} from '@/domain/catalogue';

export type MessageLang = 'zh' | 'en';

function byKey<K extends string>(items: readonly { key: K; label: Label }[], lang: MessageLang): Record<K, string> {
  return Object.fromEntries(items.map((i) => [i.key, i.label[lang]])) as Record<K, string>;
}

function identity(key: IdentityKey) {
  const def = IDENTITY_COLUMNS.find((c) => c.key === key);
  if (!def) throw new Error(`Unknown identity column: ${key}`);
  return def;
}

/** The allowed keys of a column, as a message lists them: "a、b 或 c" / "a, b or c". */
export function keyList(column: 'level' | 'kind', lang: MessageLang): string {
  const keys: readonly string[] = (column === 'level' ? LEVELS : KINDS).map((x) => x.key);
  const head = keys.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
  const last = keys.at(-1) ?? '';
  return head ? `${head}${lang === 'zh' ? ' 或 ' : ' or '}${last}` : last;
}

/** The catalogue's name of an identity column (年度 / Year, 层级 / Level …). */
export function columnLabel(key: IdentityKey, lang: MessageLang): string {
  return identity(key).label[lang];
}

/** Form-field names of the identity columns: the column's name, with ` *` when the contract requires it. */
export function fieldLabels(lang: MessageLang): Record<IdentityKey, string> {
  return Object.fromEntries(
    IDENTITY_COLUMNS.map((c) => [c.key, c.required ? `${c.label[lang]} *` : c.label[lang]]),
  ) as Record<IdentityKey, string>;
}

/** The top-level namespaces `level`, `kind` and `applicant` of the messages of one language. */
export function catalogueMessages(lang: MessageLang): {
  level: Record<Level, string>;
  kind: Record<AgencyKind, string>;
  applicant: Record<T3Col, string>;
} {
  return { level: byKey(LEVELS, lang), kind: byKey(KINDS, lang), applicant: byKey(T3_COLS, lang) };
}
