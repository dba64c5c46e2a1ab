/** Reading a dataset's bytes: over HTTP with progress and cancel, or from a file the user chose. */
import { DatasetLoadError } from '@/data/load/issues';
import { fileSizeIssue } from '@/data/load/load-dataset';
import type { ByteTracker } from '@/workspace/progress';

/** Fetches a dataset's bytes; `track` (when given) hears of the bytes read and may cancel. */
export type Fetcher = (url: string, track?: ByteTracker) => Promise<Uint8Array>;

export const defaultFetch: Fetcher = async (url, track) => {
  const name = decodeURIComponent(url.split('/').pop() || url);
  let res: Response;
  try {
    res = await fetch(url, { signal: track?.signal });
  } catch (e) {
    if (track?.signal.aborted) throw e;
    throw new FetchError(name, [{ code: 'fetch_failed', file: name, detail: (e as Error).message }], 1);
  }
  if (!res.ok) throw new FetchError(name, [{ code: 'fetch_failed', file: name, detail: `HTTP ${res.status}` }], 1);
  const size = Number(res.headers.get('content-length'));
  const tooLarge = Number.isFinite(size) ? fileSizeIssue(name, size) : null;
  if (tooLarge) throw new DatasetLoadError(name, [tooLarge], 1);
  return readStream(res.body, Number.isFinite(size) && size > 0 ? size : null, track, () => res.arrayBuffer());
};

/** A body read in chunks, so the bytes read so far can be reported; whole when there is no stream. */
export async function readStream(
  body: ReadableStream<Uint8Array> | null,
  total: number | null,
  track: ByteTracker | undefined,
  whole: () => Promise<ArrayBuffer>,
): Promise<Uint8Array> {
  if (!body || !track) return new Uint8Array(await whole());
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let done = 0;
  for (;;) {
    if (track.signal.aborted) {
      await reader.cancel();
      break;
    }
    const next = await reader.read();
    if (next.done) break;
    chunks.push(next.value);
    done += next.value.byteLength;
    track.bytes(done, total);
  }
  const out = new Uint8Array(done);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A fetch that failed (offline, 404…): said as such, not as a damaged file. */
class FetchError extends DatasetLoadError {}

/** A file the user chose: its size is known before its bytes are read (a huge one is refused unread). */
export interface ChosenFile {
  readonly name: string;
  readonly size: number;
  /** `track` (when given) hears of the bytes read and may cancel. */
  read(track?: ByteTracker): Promise<Uint8Array>;
}

/** The first 12 hex digits of the SHA-256 of a file (where the browser or Node offers it). */
export async function contentHashOf(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  try {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } catch {
    return null;
  }
}
