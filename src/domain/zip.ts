/**
 * Reading the table of contents of a ZIP file (XLSX and DOCX are ZIP files) and checking, before a
 * reader library inflates it, that its contents are of a size a browser tab can hold. A "zip bomb"
 * is a small file whose entries inflate to gigabytes; the libraries that read XLSX and DOCX inflate
 * every entry they need whole, so without this check such a file freezes and then crashes the page.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is left to the reader to refuse. */
  readonly method: number;
  readonly compressedSize: number;
  /** As the central directory declares it: a bomb may lie, so the check also counts what inflates. */
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

/**
 * The largest XLSX or DOCX the readers accept, in bytes once inflated (all entries together).
 * A wide dataset row with 250 cells filled takes roughly 7 KB of sheet XML, so this holds some
 * 35,000 such rows (larger tables load as CSV or Parquet); a report's DOCX is a few megabytes. At
 * twice this a JavaScript string cannot hold the sheet at all (V8's limit is ~512 MB).
 */
export const ZIP_LIMITS = {
  maxUncompressedBytes: 256 * 1024 * 1024,
} as const;

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** A 32-bit size of 0xFFFFFFFF says "see the ZIP64 record": over 4 GB, so over any limit here. */
const ZIP64_MARK = 0xffffffff;

/** The central directory of a ZIP file, or null when there is none (not a ZIP, or cut short). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The stored (possibly deflated) bytes of an entry, or null when its local header is not where it says. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
}

/** How long the check may keep the main thread busy before it lets the page run (ms). */
const SLICE_MS = 50;
const INPUT_PIECE = 16 * 1024;

/**
 * Gives the event loop a turn. The chunks a `DecompressionStream` has ready are read in
 * microtasks, so without this a bomb inflating to the limit is one task of seconds (the page
 * stalls); a timer lets input, painting and other work in between.
 */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Inflates raw deflate data, stopping as soon as more than `cap` bytes came out. Data that stops
 * inflating (damaged, or junk after its end) counts what came out before: the reader decides
 * whether the rest is readable, and cannot inflate more than that either.
 */
async function inflatedLength(data: Uint8Array, cap: number): Promise<number> {
  // Fed in small pieces: the stream inflates each piece it is given in one go, and 16 KB of a bomb
  // is some 16 MB inflated — a short task. (Copies, so never a view on a SharedArrayBuffer.)
  let at = 0;
  const source = new ReadableStream<BufferSource>(
    {
      pull(controller) {
        if (at >= data.length) return controller.close();
        controller.enqueue(data.slice(at, at + INPUT_PIECE));
        at += INPUT_PIECE;
      },
    },
    { highWaterMark: 0 },
  );
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let n = 0;
  let sliceStart = performance.now();
  try {
    for (;;) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await nextTask();
        sliceStart = performance.now();
      }
      const { done, value } = await reader.read();
      if (done) return n;
      n += value.byteLength;
      if (n > cap) {
        await reader.cancel().catch(() => undefined);
        return n;
      }
    }
  } catch {
    return n;
  }
}

export type ZipCheck =
  | { readonly ok: true }
  /** Not a ZIP file, or one whose table of contents or data is damaged. */
  | { readonly ok: false; readonly reason: 'damaged' }
  /** Inflates past `ZIP_LIMITS`: `bytes` is at least how much it would take. */
  | { readonly ok: false; readonly reason: 'too_large'; readonly bytes: number; readonly limit: number };

/**
 * Checks that a ZIP file inflates to at most `limit` bytes: first by the sizes its central
 * directory declares (a bomb that says what it is, refused without inflating anything), then by
 * inflating each deflated entry and counting, stopping at the limit (a bomb that lies about its
 * sizes). The readers inflate the file again afterwards; this pass only counts.
 */
export async function checkZip(bytes: Uint8Array, limit: number = ZIP_LIMITS.maxUncompressedBytes): Promise<ZipCheck> {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: 'damaged' };
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize === ZIP64_MARK || e.compressedSize === ZIP64_MARK ? Infinity : e.uncompressedSize;
  }
  if (declared > limit) return { ok: false, reason: 'too_large', bytes: declared, limit };
  let actual = 0;
  for (const e of entries) {
    const data = entryData(bytes, e);
    if (!data) return { ok: false, reason: 'damaged' };
    if (e.method === 0) actual += data.length;
    else if (e.method === 8) actual += await inflatedLength(data, limit - actual);
    if (actual > limit) return { ok: false, reason: 'too_large', bytes: actual, limit };
  }
  return { ok: true };
}

/** A byte count as people read it: "256 MB", "1.5 GB". */
export function byteSize(bytes: number): string {
  if (!Number.isFinite(bytes)) return '> 4 GB';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 || Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}
