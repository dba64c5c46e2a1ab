import { describe, expect, it } from 'vitest';
import { init } from 'echarts/core';
import type { EChartsOption } from 'echarts';
import {
  escapeXmlAttr,
  escapeXmlText,
  EXPORT_FONT_FAMILY,
  exportFileName,
  frameChartSvg,
  svgVNodeToXml,
  wrapText,
} from '@/charts/export-frame';
import { renderSvg } from '@/components/chart/echarts-setup';
import { buildStackedYearsOption } from '@/charts/requests-by-year';
import { buildCompositionOption } from '@/charts/composition';
import { buildRankingOption } from '@/charts/ranking';
import { buildCompareBarsOption } from '@/charts/compare-bars';
import { buildPeerRangeOption, type PeerRangeText } from '@/charts/peer-range';
import { buildStackedBarsOption } from '@/charts/stacked-bars';
import { buildTrendOption } from '@/charts/trend';
import { buildYearLinesOption } from '@/charts/year-lines';
import { buildFlowStockOption } from '@/charts/flow-stock';
import { buildOutcomeFlowOption } from '@/charts/outcome-flow';
import { parseStrictXml } from '../support/xml';

const parseStrict = (xml: string) => parseStrictXml(xml);

/** Data text that breaks naive XML: markup, entities, both quotes, a CDATA end, a control char. */
const NASTY = `甲局 <b>&amp; "引号" 'single' ]]> \u0001end`;
const NASTY_CLEAN = `甲局 <b>&amp; "引号" 'single' ]]> end`;

const peerText: PeerRangeText = {
  value: '本机关',
  median: '中位数',
  quartiles: '四分位',
  whiskers: '须',
  peers: '同组',
  high: '偏高',
  low: '偏低',
  within: '范围内',
  tooFew: '同组不足',
};
const stats = { n: 9, q1: 30, median: 50, q3: 70, low: 10, high: 80 };

/** One option from every builder in src/charts, each with a name from data that needs escaping. */
const CHARTS: Record<string, EChartsOption | null> = {
  stackedYears: buildStackedYearsOption({
    years: [2021, 2022],
    series: [{ key: 'person', name: NASTY, values: [3, 4] }],
    lang: 'zh',
    highlight: { from: 2022, to: 2022 },
  }),
  composition: buildCompositionOption({
    parts: [
      { key: 'granted', name: NASTY, value: 10 },
      { key: 'denied', name: '不予公开', value: 5 },
    ],
    lang: 'zh',
  }),
  ranking: buildRankingOption({
    items: [{ id: 'a', name: NASTY, value: 12 }],
    unit: 'count',
    valueName: '新收申请',
    lang: 'zh',
  }),
  compareBars: buildCompareBarsOption({
    agencies: [{ id: 'a', name: NASTY, start: 1, end: 2 }],
    from: 2022,
    to: 2023,
    unit: 'count',
    lang: 'zh',
  }),
  peerRange: buildPeerRangeOption({
    items: [{ id: 'a', name: NASTY, group: '县级·部门 <&>', value: 40, stats }],
    unit: 'count',
    lang: 'zh',
    text: peerText,
  }),
  stackedBars: buildStackedBarsOption({
    categories: [NASTY, '乙局'],
    series: [{ key: 'granted', name: '予以公开', values: [3, 4] }],
    mode: 'share',
    lang: 'zh',
  }),
  trend: buildTrendOption({
    years: [2021, 2022, 2023],
    series: [{ id: 'a', name: NASTY, values: [1, null, 3] }],
    unit: 'percent',
    mode: 'absolute',
    lang: 'en',
    templateBreak: { year: 2021, label: '模板 "2021" <break>' },
  }),
  yearLines: buildYearLinesOption({
    years: [2021, 2022],
    series: [{ key: 'a', name: NASTY, values: [1, 2] }],
    unit: 'count',
    lang: 'zh',
  }),
  flowStock: buildFlowStockOption({
    years: [2021, 2022],
    flows: [{ key: 'issued', name: NASTY, values: [1, 2] }],
    stock: { key: 'force', name: '现行有效', values: [5, 6] },
    lang: 'zh',
    colors: ['#1f5fa8', '#e07b39'],
  }),
  outcomeFlow: buildOutcomeFlowOption({
    figures: {
      newRequests: 70,
      carriedIn: 6,
      handled: 70,
      carriedOut: 6,
      groups: [
        { key: 'granted', value: 40 },
        { key: 'denied', value: 30 },
      ],
      review: 8,
      suitDirect: 2,
      suitAfterReview: 1,
    },
    names: { new: NASTY, received: '收到', handled: '办结', review: '复议' },
    onwardNote: '并非 "子集" & <注>',
    lang: 'zh',
  }),
};

const TEXT = {
  title: `标题 ${NASTY}`,
  subtitle: ['单位：件'],
  footer: ['来源：演示数据（生成）；2019–2024、"省级" & <市级> ]]>', '版本 v1 · 数据截至 2025-01-01'],
};

describe('the parser the tests rely on', () => {
  it('refuses what ECharts writes itself: quotes of the font list inside style="…"', () => {
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 200 });
    chart.setOption({ ...(CHARTS.composition as EChartsOption), animation: false });
    const broken = chart.renderToSVGString();
    chart.dispose();
    expect(broken).toContain('font-family:"');
    expect(() => parseStrict(broken)).toThrow();
  });

  it('refuses a raw < or & in text and an unescaped quote in an attribute', () => {
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><text>a < b</text></svg>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg" a="x"y"/>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><text>a ]]> b</text></svg>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg" a="1" a="2"/>')).toThrow();
    expect(() => parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><text>\u0001</text></svg>')).toThrow();
    expect(
      parseStrict('<svg xmlns="http://www.w3.org/2000/svg"><text>a &amp; b &#60; &#x3e;</text></svg>'),
    ).toBeTruthy();
  });
});

describe('escaping', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXmlText('a<b>&c ]]> "q"')).toBe('a&lt;b&gt;&amp;c ]]&gt; "q"');
    expect(escapeXmlAttr(`"x" & 'y'\n`)).toBe(`&quot;x&quot; &amp; 'y'&#10;`);
    expect(escapeXmlText('a\u0000b\u001Fc\uD800d')).toBe('abcd');
    expect(escapeXmlText('😀')).toBe('😀');
  });

  it('serialises a ZRender tree with every attribute escaped and <style> as escaped text', () => {
    const xml = svgVNodeToXml({
      tag: 'svg',
      attrs: { xmlns: 'http://www.w3.org/2000/svg', width: 10, hidden: false, 'aria-label': NASTY },
      children: [
        { tag: 'style', text: '<![CDATA[.a{font-family:"X"}]]>' },
        { tag: 'text', attrs: { style: 'font-family:"Noto Sans CJK SC", sans-serif' }, text: NASTY },
      ],
    });
    const doc = parseStrict(xml);
    const root = doc.documentElement;
    expect(root.getAttribute('aria-label')).toBe(NASTY_CLEAN);
    expect(root.hasAttribute('hidden')).toBe(false);
    expect(doc.getElementsByTagName('style')[0]?.textContent).toBe('.a{font-family:"X"}');
    const text = doc.getElementsByTagName('text')[0];
    expect(text?.getAttribute('style')).toBe('font-family:"Noto Sans CJK SC", sans-serif');
    expect(text?.textContent).toBe(NASTY_CLEAN);
  });

  it('refuses an element name that is not one', () => {
    expect(() => svgVNodeToXml({ tag: 'a b' })).toThrow(/element name/);
  });
});

describe('every chart as a standalone SVG', () => {
  const built = Object.entries(CHARTS);

  it('covers every builder', () => {
    expect(built.map(([k]) => k)).toHaveLength(10);
    for (const [name, option] of built) expect(option, name).not.toBeNull();
  });

  it.each(built)('%s: well-formed, with the card’s words as escaped <text> in a CJK font', (_, option) => {
    const chart = renderSvg(option as EChartsOption, 640, 320);
    const inner = parseStrict(chart);
    // The data name reaches the plot as text (not dropped by the escaping).
    const plotted = Array.from(inner.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(plotted.some((t) => t.includes('甲局') || t.includes('<&>') || t.includes('"子集"'))).toBe(true);

    const framed = frameChartSvg(chart, 640, 320, TEXT);
    const doc = parseStrict(framed.svg);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('width')).toBe('640');
    expect(Number(root.getAttribute('height'))).toBe(framed.height);
    expect(framed.height).toBeGreaterThan(320 + 3 * 16);
    expect(doc.getElementsByTagName('title')[0]?.textContent).toBe(`标题 ${NASTY_CLEAN}`);
    // The frame's own lines: the first <g> holds them, in order, in the export font list.
    const frame = root.getElementsByTagName('g')[0];
    expect(frame?.getAttribute('font-family')).toBe(EXPORT_FONT_FAMILY);
    expect(EXPORT_FONT_FAMILY).toMatch(/^'Noto Sans CJK SC'/);
    expect(EXPORT_FONT_FAMILY).toContain("'Microsoft YaHei'");
    const lines = Array.from(frame?.getElementsByTagName('text') ?? []).map((t) => t.textContent);
    expect(lines).toEqual([`标题 ${NASTY_CLEAN}`, '单位：件', ...TEXT.footer]);
    // The plot sits between the header and the footer, at its own size.
    const plot = root.getElementsByTagName('svg')[0];
    expect(plot?.getAttribute('width')).toBe('640');
    expect(plot?.getAttribute('height')).toBe('320');
  });
});

describe('frame layout', () => {
  it('wraps a long title inside the width and puts the plot below every header line', () => {
    const title = '各级行政机关政府信息公开申请办理结果构成'.repeat(4);
    const lines = wrapText(title, 300, 16);
    expect(lines.length).toBe(Math.ceil((title.length * 16) / 300));
    expect(lines.join('')).toBe(title);
    const framed = frameChartSvg('<svg xmlns="http://www.w3.org/2000/svg" width="332" height="100"/>', 332, 100, {
      title,
      footer: ['来源'],
    });
    const doc = parseStrict(framed.svg);
    const texts = Array.from(doc.getElementsByTagName('text'));
    expect(texts).toHaveLength(lines.length + 1);
    const top = Number(/translate\(0 (\d+)\)/.exec(framed.svg)?.[1]);
    const lastHeaderBaseline = Number(texts[lines.length - 1]?.getAttribute('y'));
    expect(top).toBeGreaterThan(lastHeaderBaseline);
    expect(Number(texts[lines.length]?.getAttribute('y'))).toBeGreaterThan(top + 100);
  });

  it('breaks English at spaces', () => {
    expect(wrapText('Requests received by year and applicant', 140, 10)).toEqual([
      'Requests received by',
      'year and applicant',
    ]);
  });

  it('drops an XML declaration of the chart and refuses what is not SVG', () => {
    const framed = frameChartSvg('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', 100, 50, {
      title: 't',
      footer: [],
    });
    expect(framed.svg.match(/<\?xml/g)).toHaveLength(1);
    parseStrict(framed.svg);
    expect(() => frameChartSvg('<html/>', 100, 50, { title: 't', footer: [] })).toThrow();
  });
});

describe('export file names', () => {
  it('say title, filters and date, without characters file systems refuse', () => {
    expect(exportFileName(['申请人构成 <2024>', '省级、市级 / "公安"', '2026-11-30'], 'svg')).toBe(
      '申请人构成_2024_省级、市级_公安_2026-11-30.svg',
    );
    expect(exportFileName(['a:b*c?d|e\\f\u0007g', undefined, ' '], 'png')).toBe('a_b_c_d_e_f_g.png');
    expect(exportFileName(['..hidden..'], 'csv')).toBe('hidden.csv');
    expect(exportFileName(['', '   '], 'png')).toBe('chart.png');
    expect(exportFileName(['CON'], 'csv')).toBe('CON_.csv');
    const long = exportFileName(['长'.repeat(300)], 'csv');
    expect(long).toBe(`${'长'.repeat(120)}.csv`);
  });
});
