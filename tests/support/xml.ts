import { DOMParser } from '@xmldom/xmldom';

const NAME = '[A-Za-z_][\\w.:-]*';
const ATTR = new RegExp(`\\s+(${NAME})\\s*=\\s*("[^"]*"|'[^']*')`, 'y');
const OPEN = new RegExp(`<(/?)(${NAME})`, 'y');
const REF = /&(?:[A-Za-z_][\w.-]*|#\d+|#x[\da-fA-F]+);/y;
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Character data: every & starts a reference, no "]]>", no character XML 1.0 forbids. */
function checkChars(s: string, where: string): void {
  if (s.includes('<')) throw new Error(`"<" in ${where}`);
  if (where === 'text' && s.includes(']]>')) throw new Error('"]]>" in text');
  if (FORBIDDEN.test(s)) throw new Error(`a forbidden character in ${where}`);
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
    REF.lastIndex = i;
    if (!REF.test(s)) throw new Error(`a bare "&" in ${where}: ${s.slice(i, i + 12)}`);
  }
}

/**
 * Well-formedness as XML 1.0 defines it, for the subset an SVG export uses (declaration, comments,
 * CDATA, elements, attributes, text): tags nest and match, attribute values are quoted and unique,
 * "&" only starts a reference, "<" never appears in text or values. xmldom alone lets a bare "&"
 * and "]]>" through, so both checks run.
 */
export function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  let roots = 0;
  let i = xml.startsWith('\uFEFF') ? 1 : 0;
  if (xml.startsWith('<?xml', i)) {
    const end = xml.indexOf('?>', i);
    if (end < 0) throw new Error('unclosed XML declaration');
    i = end + 2;
  }
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    checkChars(text, 'text');
    if (!stack.length && text.trim()) throw new Error('text outside the root element');
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error('bad comment');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      if (!stack.length) throw new Error('CDATA outside the root element');
      const end = xml.indexOf(']]>', i);
      if (end < 0) throw new Error('unclosed CDATA');
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<?', i) || xml.startsWith('<!', i)) throw new Error(`unexpected markup at ${i}`);
    OPEN.lastIndex = i;
    const m = OPEN.exec(xml);
    if (!m) throw new Error(`not a tag at ${i}: ${xml.slice(i, i + 20)}`);
    const [, close, name] = m as unknown as [string, string, string];
    i = OPEN.lastIndex;
    const seen = new Set<string>();
    if (!close) {
      for (;;) {
        ATTR.lastIndex = i;
        const a = ATTR.exec(xml);
        if (!a) break;
        const [, attr, value] = a as unknown as [string, string, string];
        if (seen.has(attr)) throw new Error(`attribute ${attr} twice on <${name}>`);
        seen.add(attr);
        checkChars(value.slice(1, -1), `attribute ${attr}`);
        i = ATTR.lastIndex;
      }
    }
    const end = /\s*(\/?)>/y;
    end.lastIndex = i;
    const e = end.exec(xml);
    if (!e) throw new Error(`malformed tag <${close}${name}> at ${i}: ${xml.slice(i, i + 30)}`);
    i = end.lastIndex;
    if (close) {
      if (e[1]) throw new Error('"/>" on a closing tag');
      if (stack.pop() !== name) throw new Error(`</${name}> does not close the open element`);
    } else if (!e[1]) {
      if (!stack.length) roots += 1;
      stack.push(name);
    } else if (!stack.length) roots += 1;
    if (roots > 1) throw new Error('more than one root element');
  }
  if (stack.length) throw new Error(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) throw new Error('no root element');
}

/** Parses XML strictly: the well-formedness check above, then xmldom with every report an error. */
export function parseStrictXml(xml: string, mime = 'image/svg+xml'): Document {
  assertWellFormed(xml);
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(`warning: ${m}`),
      error: (m: string) => problems.push(`error: ${m}`),
      fatalError: (m: string) => problems.push(`fatal: ${m}`),
    },
  }).parseFromString(xml, mime);
  if (problems.length) throw new Error(problems.join('\n'));
  return doc as unknown as Document;
}
