import { makeBuilder, type DataType, type Vector } from 'apache-arrow';

const present = (v: unknown) => v !== null && v !== undefined;

/**
 * `vectorFromArray` without `Function()`: Arrow compiles its null test from the builder's
 * `nullValues` with `new Function`, which a strict Content-Security-Policy (no 'unsafe-eval')
 * refuses, leaving every load to fail. This builds with no `nullValues` and gives the builder the
 * same test (null and undefined are nulls) as a plain function.
 */
export function vectorOf<T extends DataType>(values: readonly unknown[], type: T): Vector<T> {
  const builder = makeBuilder({ type, nullValues: [] });
  (builder as unknown as { _isValid: (v: unknown) => boolean })._isValid = present;
  for (const v of values) builder.append(v as T['TValue']);
  return builder.finish().toVector();
}
