import { computed, type ComputedRef } from 'vue';
import { useUrlParams } from '@/composables/use-url-state';

/**
 * A view-specific choice kept in the URL (so a shared link restores it). Anything not among the
 * allowed values reads as the default, which is left out of the URL.
 */
export function useViewChoice<T extends string>(
  param: string,
  allowed: readonly T[],
  fallback: T,
): [ComputedRef<T>, (v: string) => void] {
  const url = useUrlParams();
  const value = computed<T>(() => allowed.find((a) => a === url.param(param)) ?? fallback);
  return [value, (v: string) => url.setParams({ [param]: v === fallback ? null : v })];
}
