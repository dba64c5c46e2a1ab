import { isCellKey, IDENTITY_COLUMNS } from '@/domain/catalogue';

/**
 * A SQL statement with `?` placeholders and the values bound to them. Only `sql` builds one, so
 * runtime values can never be spliced into SQL text.
 */
export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

export type SqlValue = string | number | boolean | null;

const IDENT = Symbol('ident');
const FRAGMENT = Symbol('fragment');

/** An identifier the app vouches for: a catalogue key, an identity column or an app-made name. */
export interface Ident {
  readonly [IDENT]: string;
}

interface Fragment extends SqlQuery {
  readonly [FRAGMENT]: true;
}

export type SqlPart = SqlValue | Ident | Fragment | readonly SqlValue[];

const IDENTITY_KEYS = new Set<string>(IDENTITY_COLUMNS.map((c) => c.key));
const APP_NAME = /^[a-z_][a-z0-9_]*$/;

/** A column of the canonical `reports` table: only catalogue and identity keys are accepted. */
export function col(key: string): Ident {
  if (!isCellKey(key) && !IDENTITY_KEYS.has(key)) throw new Error(`Not a dataset column: ${key}`);
  return { [IDENT]: key };
}

/** A name the app itself generates (table, alias). Never pass text that came from data. */
export function name(identifier: string): Ident {
  if (!APP_NAME.test(identifier)) throw new Error(`Not an app-generated SQL name: ${identifier}`);
  return { [IDENT]: identifier };
}

/**
 * An app-made name as a string literal, for the few places DuckDB wants a constant string that
 * cannot be a parameter (struct keys in `read_csv(columns = {...})`).
 */
export function nameLiteral(identifier: string): Fragment {
  if (!APP_NAME.test(identifier)) throw new Error(`Not an app-generated SQL name: ${identifier}`);
  return { text: `'${identifier}'`, params: [], [FRAGMENT]: true };
}

function isIdent(p: unknown): p is Ident {
  return typeof p === 'object' && p !== null && IDENT in p;
}

function isFragment(p: unknown): p is Fragment {
  return typeof p === 'object' && p !== null && FRAGMENT in p;
}

function quoteIdent(id: string): string {
  return `"${id.replaceAll('"', '""')}"`;
}

/**
 * Tagged template: `sql\`SELECT ${col('year')} FROM reports WHERE year = ${y}\``. Values become
 * `?` parameters; arrays expand to `?, ?, ?` (DuckDB-WASM binds scalars only); identifiers and
 * nested fragments are inlined.
 */
export function sql(strings: TemplateStringsArray, ...parts: SqlPart[]): Fragment {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (isFragment(part)) {
      text += part.text;
      params.push(...part.params);
    } else if (isIdent(part)) {
      text += quoteIdent(part[IDENT]);
    } else if (Array.isArray(part)) {
      if (part.length === 0) throw new Error('Empty list bound into SQL: build no query instead');
      text += part.map(() => '?').join(', ');
      params.push(...(part as readonly SqlValue[]));
    } else {
      text += '?';
      params.push(part as SqlValue);
    }
    text += strings[i + 1] ?? '';
  });
  return { text, params, [FRAGMENT]: true };
}

/** Joins fragments with a separator fragment (e.g. sql`, ` or sql` AND `). */
export function join(fragments: readonly Fragment[], separator: Fragment = sql`, `): Fragment {
  if (fragments.length === 0) return sql``;
  return fragments.slice(1).reduce((acc, f) => sql`${acc}${separator}${f}`, fragments[0] as Fragment);
}

export const empty = (): Fragment => sql``;

export type { Fragment };
