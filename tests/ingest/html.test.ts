import { describe, expect, it } from 'vitest';
import { gridCells, htmlBlocks, readHtml } from '@/ingest/html';

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
