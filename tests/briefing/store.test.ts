// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { BRIEFING_STORAGE_KEY, useBriefingStore } from '@/stores/briefing';
import { useBriefing } from '@/composables/use-briefing';
import {
  addItem,
  EMPTY_BRIEFING,
  itemNumbers,
  MAX_BRIEFING_ITEMS,
  moveItem,
  parseBriefing,
  printedTable,
  serialiseBriefing,
  type BriefingItemInput,
} from '@/domain/briefing';
import type { ExportTable } from '@/domain/export-table';

const table: ExportTable = {
  columns: [
    { kind: 'year', label: '年度' },
    { kind: 'count', label: '新收申请', unit: '件' },
    { kind: 'rate', label: '公开率', scale: 'percent', numeratorLabel: '公开', denominatorLabel: '办结' },
  ],
  rows: [
    [2023, 12345, { numerator: 40, denominator: 80 }],
    [2024, null, { numerator: 3, denominator: 0 }],
  ],
};
const chart: BriefingItemInput = {
  kind: 'chart',
  title: '申请数量',
  unit: '单位：件',
  source: '来源：演示数据（生成）· 全部',
  svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
  width: 10,
  height: 10,
  link: 'http://127.0.0.1/#/overview',
  table,
};
const tableItem: BriefingItemInput = { kind: 'table', title: '机构排名', source: '来源：X', table };
const text: BriefingItemInput = { kind: 'text', title: '主要发现', text: '第一段。\n第二段。', source: '来源：Y' };

/** A new page: a fresh Pinia, as after a reload, over the same local storage. */
const reloadPage = () => {
  setActivePinia(createPinia());
  return useBriefingStore();
};

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
});

describe('briefing store', () => {
  it('adds items of each kind through useBriefing and counts them', () => {
    const briefing = useBriefing();
    expect(briefing.count.value).toBe(0);
    const outcomes = [chart, tableItem, text].map((i) => briefing.add(i));
    expect(outcomes.map((o) => o.ok && o.count)).toEqual([1, 2, 3]);
    expect(briefing.count.value).toBe(3);
    const store = useBriefingStore();
    expect(store.items.map((i) => i.kind)).toEqual(['chart', 'table', 'text']);
    expect(new Set(store.items.map((i) => i.id)).size).toBe(3);
    expect(store.items.every((i) => i.caption === '')).toBe(true);
  });

  it('keeps order, captions, title and date across a reload, and forgets removed items', () => {
    const store = useBriefingStore();
    for (const i of [chart, tableItem, text]) store.add(i);
    const [a, b, c] = store.items.map((i) => i.id) as [string, string, string];
    store.move(c, -1);
    store.move(a, 1);
    expect(store.items.map((i) => i.id)).toEqual([c, a, b]);
    store.setCaption(a, '图注：申请量逐年上升');
    store.setTitle('某市简报');
    store.setDate('2026年12月6日');
    store.remove(b);

    const again = reloadPage();
    expect(again.items.map((i) => i.id)).toEqual([c, a]);
    expect(again.items.find((i) => i.id === a)?.caption).toBe('图注：申请量逐年上升');
    expect(again.state.title).toBe('某市简报');
    expect(again.state.date).toBe('2026年12月6日');
    const kept = again.items.find((i) => i.id === a);
    expect(kept?.kind === 'chart' && kept.svg).toBe(chart.kind === 'chart' && chart.svg);
    expect(kept?.kind === 'chart' && kept.table).toEqual(table);

    again.clear();
    expect(reloadPage().items).toEqual([]);
  });

  it('refuses an item that would pass the size cap, says why, and keeps what it had', () => {
    const store = useBriefingStore();
    store.add(text);
    const huge = { ...chart, svg: `<svg xmlns="http://www.w3.org/2000/svg">${'x'.repeat(4_100_000)}</svg>` };
    const outcome = store.add(huge);
    expect(outcome).toEqual({ ok: false, reason: 'size', count: 1 });
    expect(reloadPage().items.map((i) => i.kind)).toEqual(['text']);
  });

  it('undoes a change the browser refuses to keep, and says so', () => {
    const store = useBriefingStore();
    store.add(text);
    const refuse = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      const outcome = store.add(tableItem);
      expect(outcome.ok).toBe(false);
      expect(store.count).toBe(1);
      expect(store.saveFailed).toBe(true);
    } finally {
      refuse.mockRestore();
    }
  });

  it('reads a damaged store as empty and leaves out items that are not items', () => {
    localStorage.setItem(BRIEFING_STORAGE_KEY, '{not json');
    expect(reloadPage().count).toBe(0);
    const good = addItem(EMPTY_BRIEFING, text, 'x1', '2026-01-01').state;
    const stored = JSON.parse(serialiseBriefing(good));
    stored.items.push({
      id: 'bad',
      kind: 'chart',
      title: 't',
      source: 's',
      caption: '',
      svg: 'no svg',
      width: 1,
      height: 1,
    });
    localStorage.setItem(BRIEFING_STORAGE_KEY, JSON.stringify(stored));
    expect(reloadPage().items.map((i) => i.id)).toEqual(['x1']);
  });
});

describe('briefing model', () => {
  it('moves items by one place, clamped at both ends', () => {
    let s = EMPTY_BRIEFING;
    for (const [n, i] of [chart, tableItem, text].entries()) s = addItem(s, i, `i${n}`, '').state;
    const ids = (items: typeof s.items) => items.map((i) => i.id);
    expect(ids(moveItem(s.items, 'i0', -1))).toEqual(['i0', 'i1', 'i2']);
    expect(ids(moveItem(s.items, 'i2', 1))).toEqual(['i0', 'i1', 'i2']);
    expect(ids(moveItem(s.items, 'i1', 1))).toEqual(['i0', 'i2', 'i1']);
    expect(ids(moveItem(s.items, 'i1', -1))).toEqual(['i1', 'i0', 'i2']);
    expect(ids(moveItem(s.items, 'nope', 1))).toEqual(['i0', 'i1', 'i2']);
  });

  it('numbers items per kind and caps the number of items', () => {
    let s = EMPTY_BRIEFING;
    for (let n = 0; n < MAX_BRIEFING_ITEMS; n++) s = addItem(s, n % 2 ? text : tableItem, `i${n}`, '').state;
    expect(itemNumbers(s.items).get('i3')).toBe(2);
    expect(itemNumbers(s.items).get('i4')).toBe(3);
    expect(addItem(s, text, 'one-more', '').outcome).toEqual({ ok: false, reason: 'items', count: MAX_BRIEFING_ITEMS });
    expect(addItem(EMPTY_BRIEFING, { kind: 'text' } as unknown as BriefingItemInput, 'x', '').outcome.ok).toBe(false);
  });

  it('prints a table with each rate followed by its numerator and denominator, missing as —', () => {
    const zh = printedTable(table, 'zh');
    expect(zh.header).toEqual(['年度', '新收申请（件）', '公开率（%）']);
    expect(zh.rows).toEqual([
      ['2023', '12,345', '50.0（40/80）'],
      ['2024', '—', '—（3/0）'],
    ]);
    expect(zh.numeric).toEqual([false, true, true]);
    expect(zh.ratios).toBe(true);
    expect(printedTable(table, 'en', 1)).toMatchObject({ more: 1, rows: [['2023', '12,345', '50.0 (40/80)']] });
    expect(parseBriefing(null)).toEqual(EMPTY_BRIEFING);
  });
});
