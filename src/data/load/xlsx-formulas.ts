/**
 * Formula cells of an .xlsx file's first sheet that carry no saved result. Excel saves each
 * formula's last result next to it; some programs write the formula alone, and a reader without a
 * formula engine (ours) then sees a blank cell. That blank would read as "not reported", so the
 * loader refuses such a file, naming each cell.
 */
import { entryData, zipEntries, type ZipEntry } from '@/domain/zip';

/** The text of an entry (stored or deflated), or null when it cannot be found. */
async function entryText(bytes: Uint8Array, entry: ZipEntry): Promise<string | null> {
  const data = entryData(bytes, entry);
  if (!data) return null;
  if (entry.method === 0) return new TextDecoder().decode(data);
  if (entry.method !== 8) return null;
  const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** The path of the workbook's first sheet, as the workbook lists its sheets. */
async function firstSheetPath(bytes: Uint8Array, entries: Map<string, ZipEntry>): Promise<string> {
  const fallback = 'xl/worksheets/sheet1.xml';
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return fallback;
  const wb = (await entryText(bytes, workbook)) ?? '';
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(wb);
  if (!sheet) return fallback;
  const relText = (await entryText(bytes, rels)) ?? '';
  for (const rel of relText.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (!rel.includes(`Id="${sheet[1]}"`)) continue;
    const target = /Target="([^"]+)"/.exec(rel)?.[1];
    if (!target) break;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return fallback;
}

/**
 * References (`F2`) of the first sheet's formula cells without a saved result, in sheet order.
 * Reads with indexOf only, so a damaged sheet cannot make it slow; a file that is not a readable
 * workbook gives no references (reading it fails elsewhere, with its own message).
 */
export async function formulasWithoutValue(bytes: Uint8Array): Promise<string[]> {
  let xml: string | null;
  try {
    const entries = new Map((zipEntries(bytes) ?? []).map((e) => [e.name, e]));
    const entry = entries.get(await firstSheetPath(bytes, entries));
    xml = entry ? await entryText(bytes, entry) : null;
  } catch {
    return [];
  }
  if (!xml) return [];
  const refs: string[] = [];
  let i = 0;
  for (;;) {
    const open = xml.indexOf('<c', i);
    if (open < 0) break;
    const next = xml.charCodeAt(open + 2);
    const gt = xml.indexOf('>', open);
    if (gt < 0) break;
    i = gt + 1;
    // "<c " or "<c>" only: not <col>, <cfRule>…; a self-closing cell has no formula.
    if (next !== 32 && next !== 62 && next !== 9 && next !== 10 && next !== 13) continue;
    if (xml.charCodeAt(gt - 1) === 47) continue;
    const close = xml.indexOf('</c>', gt);
    if (close < 0) break;
    const body = xml.slice(gt + 1, close);
    i = close + 4;
    if (/<(?:\w+:)?f[\s>/]/.test(body) && !/<(?:\w+:)?v[\s>/]/.test(body)) {
      refs.push(/\br="([A-Z]+[0-9]+)"/.exec(xml.slice(open, gt))?.[1] ?? '?');
    }
  }
  return refs;
}
