/**
 * A chart as a file that stands alone: the plot with the card's title, unit and source lines around
 * it, as one well-formed SVG document (PNG and "copy image" are this SVG drawn onto a canvas).
 * Pure string work, no DOM, so every byte of it is unit-tested.
 */
import { FONT_FAMILY } from '@/charts/theme';

/** A node of ZRender's SVG tree (what ECharts serialises itself, without escaping attributes). */
export interface SvgVNode {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly children?: readonly SvgVNode[] | null;
  readonly text?: string | null;
}

/** Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates). */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: & < > escaped (so "]]>" cannot occur), characters XML forbids dropped. */
export function escapeXmlText(s: string): string {
  return s.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An attribute value in double quotes: also " escaped, and tab/line breaks kept as references. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s)
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}

const NAME = /^[A-Za-z_][\w.:-]*$/;

/**
 * Serialises ZRender's SVG tree as XML. ECharts' own `renderToSVGString` writes attribute values
 * unescaped, so the font list's quotes inside `style="…"` broke every exported file.
 */
export function svgVNodeToXml(node: SvgVNode): string {
  if (!NAME.test(node.tag)) throw new Error(`not an XML element name: ${node.tag}`);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([k, v]) => v !== false && v !== null && v !== undefined && NAME.test(k))
    .map(([k, v]) => (v === true ? ` ${k}="${k}"` : ` ${k}="${escapeXmlAttr(String(v))}"`))
    .join('');
  // A <style> element arrives wrapped in CDATA; escaped text is the same CSS to an XML parser.
  const raw = node.text ?? '';
  const text = node.tag === 'style' ? raw.replace(/^\s*<!\[CDATA\[/, '').replace(/\]\]>\s*$/, '') : raw;
  const children = (node.children ?? []).map(svgVNodeToXml).join('\n');
  const body = escapeXmlText(text) + (children ? `\n${children}\n` : '');
  return `<${node.tag}${attrs}>${body}</${node.tag}>`;
}

/** The font list for text in exported files: CJK faces first, with no double quotes in it. */
export const EXPORT_FONT_FAMILY = FONT_FAMILY.replaceAll('"', "'");

/** Width of a character in em, roughly: CJK and full-width forms 1, the rest 0.6 (generous). */
function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    c >= 0x20000;
  return wide ? 1 : 0.6;
}

/** Estimated width of a line in pixels. */
export function textWidth(s: string, fontSize: number): number {
  let em = 0;
  for (const ch of s) em += charEm(ch);
  return em * fontSize;
}

/** Breaks text into lines no wider than `maxWidth`, preferring a space for Latin words. */
export function wrapText(s: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  for (const para of s.split(/\r?\n/)) {
    let line = '';
    let width = 0;
    for (const ch of para) {
      const w = charEm(ch) * fontSize;
      if (width + w > maxWidth && line) {
        const space = line.lastIndexOf(' ');
        if (space > 0 && ch !== ' ') {
          lines.push(line.slice(0, space));
          line = line.slice(space + 1);
        } else {
          lines.push(line);
          line = '';
        }
        width = textWidth(line, fontSize);
        if (ch === ' ' && !line) continue;
      }
      line += ch;
      width += w;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface FrameText {
  /** The card's title. */
  readonly title: string;
  /** Lines under the title, e.g. the unit ("单位：件"). */
  readonly subtitle?: readonly string[];
  /** Lines under the chart: the source line as the card shows it, the data version. */
  readonly footer: readonly string[];
}

export interface FramedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const PAD = 16;
const TITLE = { size: 16, line: 22, color: '#2b3440' };
const SUB = { size: 12, line: 18, color: '#6b7785' };
const FOOT = { size: 11, line: 16, color: '#6b7785' };

/** Strips what may only open a document (XML declaration, doctype) from a chart's SVG. */
function asElement(chartSvg: string): string {
  const s = chartSvg
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^?]*\?>/, '')
    .replace(/^\s*<!DOCTYPE[^>]*>/i, '')
    .trim();
  if (!s.startsWith('<svg')) throw new Error('the chart is not an SVG element');
  return s;
}

/**
 * The chart's SVG (width × height) with the card's words around it, as a standalone SVG document:
 * the title above, the subtitle lines (unit) under it, the source lines below the plot, all as
 * <text> with escaped content and a CJK font list.
 */
export function frameChartSvg(chartSvg: string, width: number, height: number, text: FrameText): FramedSvg {
  const inner = Math.max(width - 2 * PAD, 80);
  const out: string[] = [];
  let y = PAD;
  const line = (s: string, style: typeof TITLE, weight = 400) => {
    y += style.line;
    // The baseline sits a quarter line above the bottom of the line box.
    const base = y - Math.round((style.line - style.size) / 2) - 2;
    out.push(
      `<text x="${PAD}" y="${base}" font-size="${style.size}" font-weight="${weight}" fill="${style.color}">${escapeXmlText(s)}</text>`,
    );
  };
  for (const l of wrapText(text.title, inner, TITLE.size)) line(l, TITLE, 600);
  for (const sub of text.subtitle ?? []) for (const l of wrapText(sub, inner, SUB.size)) line(l, SUB);
  y += 8;
  const chartTop = y;
  y += height + 8;
  for (const foot of text.footer) for (const l of wrapText(foot, inner, FOOT.size)) line(l, FOOT);
  const total = Math.ceil(y + PAD);
  const w = Math.ceil(width);
  const svg = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${w}" height="${total}" viewBox="0 0 ${w} ${total}">`,
    `<title>${escapeXmlText(text.title)}</title>`,
    `<rect x="0" y="0" width="${w}" height="${total}" fill="#ffffff"/>`,
    `<g font-family="${escapeXmlAttr(EXPORT_FONT_FAMILY)}">`,
    ...out,
    '</g>',
    `<g transform="translate(0 ${chartTop})">`,
    asElement(chartSvg),
    '</g>',
    '</svg>',
    '',
  ].join('\n');
  return { svg, width: w, height: total };
}

/** Characters file systems refuse or scripts trip over, and controls. */
const UNSAFE_FILE = /[\\/:*?"<>|\u0000-\u001F\u007F]+/g;

/**
 * A file name that says what the chart is: title, filters and date, joined by "_", with nothing
 * a file system refuses, no leading dot, at most `max` characters before the extension.
 */
export function exportFileName(parts: readonly (string | undefined)[], ext: string, max = 120): string {
  const words = parts
    .filter((p): p is string => !!p && !!p.trim())
    .map((p) =>
      p
        .replace(UNSAFE_FILE, ' ')
        .replace(/[\s\u3000]+/g, '_')
        .replace(/_+/g, '_')
        .replace(/^[_.]+|[_.]+$/g, ''),
    )
    .filter(Boolean);
  let name = [...(words.join('_') || 'chart')]
    .slice(0, max)
    .join('')
    .replace(/[_.]+$/, '');
  // Windows reserves these device names whatever the extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) name = `${name}_`;
  return `${name}.${ext}`;
}
