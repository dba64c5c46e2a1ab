/**
 * The ZIP size check inflates a bomb that lies about its sizes up to the limit: that takes seconds,
 * and must not be one long task (in Chromium it was one task of 4.4 s, see tests/e2e/hostile.test.ts).
 * Chromium's DecompressionStream inflates each piece it is given at once, on the page's thread, and
 * its chunks are then read in microtasks: a timer cannot run until the check yields. Node's inflates
 * on its thread pool, so here the browser's behaviour is modelled by a stream that inflates
 * synchronously (node:zlib), and a timer set before the check must keep firing while it runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { checkZip, entryData, zipEntries, ZIP_LIMITS } from '@/domain/zip';
import { DATASET_CASES, DOCUMENT_CASES } from '../../scripts/lib/hostile-corpus';

const bombs = [...DATASET_CASES, ...DOCUMENT_CASES].filter((c) => c.id.endsWith('bomb-lying'));

/**
 * A 'deflate-raw' DecompressionStream as Chromium runs it: everything given so far is inflated in
 * the same call, synchronously, and queued in 64 KB chunks.
 */
class SyncInflate extends TransformStream<Uint8Array, Uint8Array> {
  constructor(format: string) {
    expect(format).toBe('deflate-raw');
    const pieces: Uint8Array[] = [];
    let done = 0;
    super({
      transform(chunk, controller) {
        pieces.push(chunk);
        let all: Buffer;
        try {
          all = inflateRawSync(Buffer.concat(pieces), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
        } catch {
          return;
        }
        for (let at = done; at < all.length; at += 65_536) controller.enqueue(all.subarray(at, at + 65_536));
        done = all.length;
      },
    });
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the ZIP size check on a lying bomb', () => {
  it.each(bombs.map((c) => [c.id, c] as const))(
    '%s: refused, and timers run while it inflates',
    async (_, c) => {
      const bytes = c.make();
      // The bomb's entry is small enough for the model's whole-buffer inflation to stay quick.
      const entries = zipEntries(bytes) ?? [];
      expect(entries.some((e) => (entryData(bytes, e)?.length ?? 0) > 100_000)).toBe(true);
      vi.stubGlobal('DecompressionStream', SyncInflate);
      const ticks: number[] = [];
      const timer = setInterval(() => ticks.push(performance.now()), 5);
      const start = performance.now();
      const check = await checkZip(bytes, 32 * 1024 * 1024);
      const end = performance.now();
      clearInterval(timer);
      expect(check).toMatchObject({ ok: false, reason: 'too_large', limit: 32 * 1024 * 1024 });
      const marks = [start, ...ticks, end];
      const gaps = marks.slice(1).map((t, i) => t - (marks[i] as number));
      expect(ticks.length).toBeGreaterThan(0);
      expect(Math.max(...gaps)).toBeLessThan(500);
    },
    60_000,
  );

  it('covers both kinds of file, and the real limit refuses them too', async () => {
    expect(bombs.map((c) => c.file.split('.').pop()).sort()).toEqual(['docx', 'xlsx']);
    for (const c of bombs) {
      expect(await checkZip(c.make())).toMatchObject({
        ok: false,
        reason: 'too_large',
        limit: ZIP_LIMITS.maxUncompressedBytes,
      });
    }
  }, 60_000);
});
