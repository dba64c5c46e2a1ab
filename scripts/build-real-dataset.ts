/**
 * Builds datasets/real.csv from the hand-checked figures of real published reports.
 *
 *   npx tsx scripts/build-real-dataset.ts [input.csv]
 *
 * The input defaults to ../shared/data/real-reports.csv (relative to the project root). Values are
 * copied unchanged; only the encoding (UTF-8 or GB18030, BOM dropped) and the line endings (\n) are
 * normalised. The output is committed because CI and users do not necessarily have ../shared.
 *
 * Also exports the small CSV reader and writer the other dataset scripts share.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const defaultInput = resolve(projectRoot, '../shared/data/real-reports.csv');
const output = resolve(projectRoot, 'datasets/real.csv');

export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** RFC 4180 records; accepts \r\n, \n or \r between records and quoted fields with "" escapes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += ch;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function formatCsv(records: readonly (readonly string[])[]): string {
  return records.map((record) => record.map(formatCsvField).join(',') + '\n').join('');
}

export function readCsvFile(path: string): string[][] {
  return parseCsv(decodeText(readFileSync(path)));
}

function checkRectangular(records: string[][], source: string): void {
  const width = records[0]?.length ?? 0;
  if (width === 0) throw new Error(`${source}: no header row`);
  records.forEach((record, index) => {
    if (record.length !== width) {
      throw new Error(`${source}: line ${index + 1} has ${record.length} fields, header has ${width}`);
    }
  });
}

function main(): void {
  const input = resolve(process.argv[2] ?? defaultInput);
  const records = readCsvFile(input);
  checkRectangular(records, input);
  writeFileSync(output, formatCsv(records));
  console.log(`${relative(projectRoot, output)}: ${records.length - 1} reports from ${input}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
