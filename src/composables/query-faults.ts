/**
 * A diagnostic for the end-to-end tests: makes the next view query whose SQL matches a pattern fail,
 * as a broken query would. `main.ts` offers it on `window.__dashboard` only when the page was opened
 * with `?faults` before the hash; nothing arms it otherwise.
 */
const armed: RegExp[] = [];

export function armQueryFault(pattern: string): void {
  armed.push(new RegExp(pattern));
}

/** Throws (once) when an armed pattern matches this query's SQL. */
export function takeQueryFault(sqlText: string): void {
  const i = armed.findIndex((p) => p.test(sqlText));
  if (i < 0) return;
  armed.splice(i, 1);
  throw new Error(`injected fault: ${sqlText.slice(0, 80)}`);
}
