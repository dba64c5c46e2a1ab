import { deflateSync } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** What a .docx holds, read with an independent unzip and XML parser (not the writer's own code). */
export interface DocxParts {
  readonly names: readonly string[];
  /** The text of every paragraph of the body, in order. */
  readonly paragraphs: readonly string[];
  /** The text of every table cell. */
  readonly cells: readonly string[];
  /** word/document.xml as text. */
  readonly documentXml: string;
  /** The footer parts' XML, joined. */
  readonly footerXml: string;
  /** The East Asian font names used by runs and defaults (document and styles). */
  readonly eastAsiaFonts: readonly string[];
  /** Page size of every section, in twips. */
  readonly pageSizes: readonly { w: number; h: number; orient: string | null }[];
  /** The media parts with whether each starts with the PNG signature. */
  readonly media: readonly { name: string; png: boolean; bytes: number }[];
}

const texts = (el: Element): string =>
  [...Array.from(el.getElementsByTagNameNS(W, 't'))].map((t) => t.textContent ?? '').join('');

export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const xml = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const documentXml = xml('word/document.xml');
  const doc = new DOMParser().parseFromString(documentXml, 'text/xml');
  const styles = new DOMParser().parseFromString(xml('word/styles.xml') || '<x/>', 'text/xml');
  const body = doc.getElementsByTagNameNS(W, 'body')[0];
  if (!body) throw new Error('word/document.xml has no body');
  const paragraphs = Array.from(body.getElementsByTagNameNS(W, 'p'))
    .filter((p) => !hasAncestor(p, 'tc'))
    .map(texts);
  const cells = Array.from(body.getElementsByTagNameNS(W, 'tc')).map(texts);
  const eastAsiaFonts = [doc, styles].flatMap((d) =>
    Array.from(d.getElementsByTagNameNS(W, 'rFonts'))
      .map((f) => f.getAttributeNS(W, 'eastAsia') ?? f.getAttribute('w:eastAsia'))
      .filter((f): f is string => !!f),
  );
  const pageSizes = Array.from(doc.getElementsByTagNameNS(W, 'pgSz')).map((s) => ({
    w: Number(s.getAttribute('w:w')),
    h: Number(s.getAttribute('w:h')),
    orient: s.getAttribute('w:orient'),
  }));
  const media = names
    .filter((n) => n.startsWith('word/media/') && !n.endsWith('/'))
    .map((name) => {
      const data = files[name] ?? new Uint8Array();
      return { name, png: PNG_MAGIC.every((b, i) => data[i] === b), bytes: data.length };
    });
  const footerXml = names
    .filter((n) => /^word\/footer\d*\.xml$/.test(n))
    .map(xml)
    .join('\n');
  return { names, paragraphs, cells, documentXml, footerXml, eastAsiaFonts, pageSizes, media };
}

function hasAncestor(el: Element, local: string): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if ((p as Element).localName === local) return true;
  return false;
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real PNG of one colour, `width` × `height` (RGB, no filter), made with node's zlib. */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [31, 95, 168]): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgb, y * (width * 3 + 1) + 1 + x * 3);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from(PNG_MAGIC),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}
