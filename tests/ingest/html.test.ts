import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gridCells, htmlBlocks, htmlTokens, MAX_GRID_CELLS, readHtml, type HtmlToken } from '@/ingest/html';
import { isUnreadable, parseReport } from '@/ingest/report';

describe('html reader', () => {
  it('expands rowspan and colspan onto a grid', () => {
    const blocks = htmlBlocks(
      '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>D</td></tr></table>',
    );
    const t = blocks.find((b) => b.kind === 'table');
    expect(t?.kind).toBe('table');
    if (t?.kind !== 'table') return;
    const g = gridCells(t.table);
    expect(g[1]?.map((c) => [c.text, c.col])).toEqual([
      ['C', 1],
      ['D', 2],
    ]);
  });

  it('copes with unclosed cells, entities, <br> in labels and backslash-escaped attribute quotes', () => {
    const doc = readHtml('<p>标题</p><table><tr><td colspan=\\"2\\">本年新<br />制作数量<td>&nbsp;<td>&#49;2</table>');
    const cells = doc.lines.find((l) => l.table === 1)?.cells ?? [];
    expect(cells.map((c) => [c.text.replace(/\s+/g, ' '), c.x])).toEqual([
      ['本年新 制作数量', 0],
      [' ', 2],
      ['12', 3],
    ]);
  });

  it('ignores scripts, styles and comments', () => {
    const doc = readHtml('<style>td{}</style><script>var a="<td>1</td>"</script><!-- <p>x</p> --><p>正文</p>');
    expect(doc.text.trim()).toBe('正文');
  });
});

/** The regular expression the reader used to tokenise with; quadratic on unclosed input, kept as the reference. */
function regexTokens(html: string): HtmlToken[] {
  const re =
    /<!--[\s\S]*?-->|<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+|<)/gi;
  const out: HtmlToken[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    const [, , closing, rawTag, attrs = '', chunk] = m;
    if (chunk !== undefined) out.push({ kind: 'text', text: chunk });
    else if (rawTag) out.push({ kind: 'tag', name: rawTag.toLowerCase(), closing: closing === '/', attrs });
  }
  return out;
}

/** Adjacent text runs joined, so both tokenisers can be compared run for run. */
function merged(tokens: Iterable<HtmlToken>): HtmlToken[] {
  const out: HtmlToken[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + t.text };
    else out.push(t);
  }
  return out;
}

describe('html tokeniser on unclosed input', () => {
  it('reads what the old regular expression read, on every mix of unclosed constructs', () => {
    const parts = [
      '<div',
      ' class="a',
      "'",
      '"',
      '>',
      '<!--',
      '-->',
      '<script>',
      '</script >',
      '</',
      '<a-b_c',
      '<ab_c>',
      '<td',
      'x',
      '<STYLE>',
      '</style>',
      '<',
    ];
    // Every sequence of four of these parts: 17^4 = 83,521 small documents.
    let compared = 0;
    const idx = [0, 0, 0, 0];
    for (let k = 0; k < parts.length ** 4; k++) {
      let r = k;
      for (let j = 0; j < 4; j++) {
        idx[j] = r % parts.length;
        r = Math.floor(r / parts.length);
      }
      const doc = idx.map((j) => parts[j]).join('');
      expect(merged(htmlTokens(doc)), doc).toEqual(merged(regexTokens(doc)));
      compared++;
    }
    expect(compared).toBe(83_521);
  });

  // The old regular expression rescanned to the end of the text from every unclosed '<': over a
  // minute for this document, far past the test timeout. Read once, it takes well under a second.
  it('reads 645 KB of unclosed tags within the test timeout', () => {
    const junk = '<div class="x" '.repeat(43_000);
    expect(junk.length).toBe(645_000);
    const blocks = htmlBlocks(`<table><tr><td>本年新制作数量<td>12</table>${junk}`);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.table.rows[0]?.map((c) => c.text)).toEqual(['本年新制作数量', '12']);
    // The unclosed tags are text, as the old reader had them.
    const text = blocks.find((b) => b.kind === 'text');
    expect(text?.kind === 'text' && text.text.length).toBe(645_000);
  });
});

describe('html grid expansion', () => {
  it('caps the positions a document of huge spans covers, with a warning instead of a crash', () => {
    // 2.1 MB: 55,000 cells each asking for 200 × 200 positions (2.2 billion in all).
    const row = '<tr>' + '<td rowspan="200" colspan="200">1</td>'.repeat(50) + '</tr>';
    const html = '<table>' + row.repeat(1_100) + '</table>';
    expect(html.length).toBeGreaterThan(2_000_000);
    const doc = readHtml(html);
    expect(doc.warnings.map((w) => w.code)).toEqual(['grid_capped']);
    // Only MAX_GRID_CELLS / 40,000 = 6 cells keep their spans; every cell is still read.
    const cells = doc.lines.flatMap((l) => l.cells);
    expect(cells).toHaveLength(55_000);
    expect(cells.filter((c) => (c.x2 ?? 0) - (c.x ?? 0) === 200)).toHaveLength(Math.floor(MAX_GRID_CELLS / 40_000));
  });

  it('keeps ordinary spans and says nothing for a normal table', () => {
    const doc = readHtml('<table><tr><td rowspan="3" colspan="2">A</td><td>B</td></tr><tr><td>C</td></tr></table>');
    expect(doc.warnings).toEqual([]);
    expect(doc.lines[1]?.cells.map((c) => [c.text, c.x])).toEqual([['C', 2]]);
  });
});

describe('span attributes', () => {
  it('reads the span after a long run of spaces in linear time', () => {
    // `rowspan=\s*\\?["']?\s*(\d+)` backtracked over the run quadratically: ~0.5 s for 20,000
    // spaces, minutes for this one.
    const doc = readHtml(
      `<table><tr><td rowspan=${' '.repeat(600_000)}x colspan = \\" 3 \\">A</td><td>B</td></tr></table>`,
    );
    expect(doc.lines[0]?.cells.map((c) => [c.text, c.x, c.x2])).toEqual([
      ['A', 0, 3],
      ['B', 3, 4],
    ]);
  });

  it('reads the span of a later attribute when an earlier one of the same name holds no number', () => {
    const doc = readHtml('<table><tr><td data-colspan="x" colspan="2">A</td><td>B</td></tr></table>');
    expect(doc.lines[0]?.cells.map((c) => [c.text, c.x])).toEqual([
      ['A', 0],
      ['B', 2],
    ]);
  });
});

describe('a document of spans past the limit, with no report table left', () => {
  it('is refused naming the file and the limit, not read as a blank report', async () => {
    const row = '<tr>' + '<td rowspan=200 colspan=200>1</td>'.repeat(200) + '</tr>';
    const html = `<html><body><p>二、主动公开政府信息情况</p><table>${row.repeat(290)}</table></body></html>`;
    expect(html.length).toBeGreaterThan(1_900_000);
    const report = await parseReport({ name: 'spans.html', bytes: new TextEncoder().encode(html) });
    const errors = report.warnings.filter((w) => w.severity === 'error');
    expect(errors.map((w) => w.code)).toEqual(['grid_too_large']);
    expect(errors[0]?.message.zh).toContain('spans.html');
    expect(errors[0]?.message.zh).toContain(MAX_GRID_CELLS.toLocaleString('en-US'));
    expect(errors[0]?.message.en).toContain('spans.html');
    expect(report.warnings.map((w) => w.code)).toContain('grid_capped');
    expect(isUnreadable(report)).toBe(true);
    expect(Object.values(report.cells).filter((v) => v !== null)).toEqual([]);
  });

  it('a capped document whose tables are still read keeps its cells, with the grid_capped warning', async () => {
    const clean = readFileSync(
      fileURLToPath(new URL('../fixtures/ingest/single-other-2021.html', import.meta.url)),
      'utf8',
    );
    const spans =
      '<table>' + ('<tr>' + '<td rowspan=200 colspan=200>x</td>'.repeat(10) + '</tr>').repeat(10) + '</table>';
    const report = await parseReport({ name: 'capped-2021.html', bytes: new TextEncoder().encode(spans + clean) });
    expect(report.warnings.map((w) => w.code)).toContain('grid_capped');
    expect(isUnreadable(report)).toBe(false);
    expect(Object.values(report.cells).filter((v) => v !== null).length).toBeGreaterThan(20);
  });
});
