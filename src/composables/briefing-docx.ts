/**
 * The briefing as a Word document (.docx): A4 portrait, the title and date, then each item in
 * order — a chart as a PNG at print resolution, a table as a Word table, text as paragraphs — each
 * with its number, caption and source, and "page / pages" in the footer. Fonts are named for both
 * scripts (Latin Calibri, East Asian 宋体/黑体), so Word and WPS show Chinese in a Chinese face.
 * The `docx` library is loaded on first use.
 */
import type { Paragraph as ParagraphT, Table as TableT, IRunOptions } from 'docx';
import { itemNumbers, printedTable, type BriefingItem, type ChartItemInput } from '@/domain/briefing';
import type { Lang } from '@/domain/format';

/** A chart drawn as PNG; width and height are the picture's size in CSS pixels (not the bitmap's). */
export interface DocxImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** The words of the document in the page's language. */
export interface DocxWords {
  /** "图 1" / "Figure 1" by kind and number. */
  number(kind: BriefingItem['kind'], n: number): string;
  /** The link to the view an item came from. */
  from: string;
  /** Rows of a long table left out. */
  moreRows(n: number): string;
  /** Under a table: what "—" means, and (with rates) what the brackets hold. */
  tableNote(withRates: boolean): string;
}

export interface DocxBriefing {
  readonly title: string;
  readonly date: string;
  readonly items: readonly BriefingItem[];
  readonly lang: Lang;
}

/** A4 in twentieths of a point, and 20 mm margins. */
export const A4 = { width: 11906, height: 16838, margin: 1134 } as const;
/** The width text and pictures may take, in CSS pixels (96 per inch; 1440 twips per inch). */
export const CONTENT_WIDTH_PX = Math.floor(((A4.width - 2 * A4.margin) / 1440) * 96);

export const FONTS = {
  body: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimSun' },
  heading: { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Calibri', eastAsia: 'SimHei' },
} as const;

/** The size a picture takes on the page: its own, scaled down to the text width. */
export function fitWidth(width: number, height: number, max = CONTENT_WIDTH_PX): { width: number; height: number } {
  const k = width > max ? max / width : 1;
  return { width: Math.round(width * k), height: Math.round(height * k) };
}

/**
 * How many times its size to draw a chart for the document: enough for 300 dpi at the width it
 * takes on the page (a chart wider than the text is shrunk there, so needs fewer), between 2× and 3×.
 */
export function printScale(width: number): number {
  const shown = fitWidth(width, 1).width;
  const dots = (shown / 96) * 300;
  return Math.min(3, Math.max(2, Math.ceil((dots / width) * 10) / 10));
}

export async function buildBriefingDocx(
  briefing: DocxBriefing,
  words: DocxWords,
  image: (item: ChartItemInput) => Promise<DocxImage>,
): Promise<ArrayBuffer> {
  const d = await import('docx');
  const run = (text: string, o: Omit<IRunOptions, 'text' | 'font'> & { heading?: boolean } = {}) => {
    const { heading, ...rest } = o;
    return new d.TextRun({ ...rest, text, font: heading ? FONTS.heading : FONTS.body });
  };
  const small = { size: 18, color: '5F6B78' };
  const numbers = itemNumbers(briefing.items);
  const body: (ParagraphT | TableT)[] = [
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [run(briefing.title, { heading: true, bold: true, size: 36 })],
    }),
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [run(briefing.date, { size: 22 })],
    }),
  ];

  /** Number and caption (or the title when there is no caption), then the source lines. */
  const captionAndSource = (item: BriefingItem, withTitle: boolean) => {
    const label = words.number(item.kind, numbers.get(item.id) ?? 0);
    const caption = item.caption.trim();
    const out: ParagraphT[] = [];
    const text = caption || (withTitle ? item.title : '');
    out.push(
      new d.Paragraph({
        keepNext: true,
        spacing: { before: 60, after: 40 },
        children: [run(label, { bold: true, size: 21 }), ...(text ? [run(`　${text}`, { size: 21 })] : [])],
      }),
    );
    const lines = [item.source, ...(item.provenance ? [item.provenance] : [])];
    lines.forEach((line, i) =>
      out.push(
        new d.Paragraph({
          keepNext: i < lines.length - 1 || !!item.link,
          spacing: { after: 0 },
          children: [run(line, small)],
        }),
      ),
    );
    if (item.link)
      out.push(
        new d.Paragraph({
          spacing: { after: 320 },
          children: [
            new d.ExternalHyperlink({
              link: item.link,
              children: [run(words.from, { ...small, style: 'Hyperlink', color: '1F5FA8', underline: {} })],
            }),
          ],
        }),
      );
    else out.push(new d.Paragraph({ spacing: { after: 240 }, children: [] }));
    return out;
  };

  const wordTable = (item: BriefingItem & { table: NonNullable<ChartItemInput['table']> }) => {
    const t = printedTable(item.table, briefing.lang);
    const cell = (text: string, right: boolean, header: boolean) =>
      new d.TableCell({
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        shading: header ? { type: d.ShadingType.CLEAR, fill: 'EEF2F6', color: 'auto' } : undefined,
        children: [
          new d.Paragraph({
            alignment: right ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
            children: [run(text, { size: 16, bold: header })],
          }),
        ],
      });
    const rows = [
      new d.TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.header.map((h, c) => cell(h, t.numeric[c] ?? false, true)),
      }),
      ...t.rows.map(
        (r) =>
          new d.TableRow({
            cantSplit: true,
            children: r.map((v, c) => cell(v, t.numeric[c] ?? false, false)),
          }),
      ),
    ];
    const out: (ParagraphT | TableT)[] = [new d.Table({ width: { size: 100, type: d.WidthType.PERCENTAGE }, rows })];
    const notes = [words.tableNote(t.ratios), ...(t.more > 0 ? [words.moreRows(t.more)] : [])];
    out.push(new d.Paragraph({ spacing: { before: 40 }, keepNext: true, children: [run(notes.join(' '), small)] }));
    return out;
  };

  for (const item of briefing.items) {
    if (item.kind === 'chart') {
      const png = await image(item);
      const size = fitWidth(png.width, png.height);
      body.push(
        new d.Paragraph({
          keepNext: true,
          alignment: d.AlignmentType.CENTER,
          children: [
            new d.ImageRun({
              type: 'png',
              data: png.data,
              transformation: size,
              altText: { name: item.title, title: item.title, description: item.title },
            }),
          ],
        }),
        ...captionAndSource(item, false),
      );
    } else if (item.kind === 'table') {
      body.push(
        new d.Paragraph({
          keepNext: true,
          spacing: { after: 80 },
          children: [
            run(item.title, { heading: true, bold: true, size: 22 }),
            ...(item.unit ? [run(`　${item.unit}`, small)] : []),
          ],
        }),
        ...wordTable(item),
        ...captionAndSource(item, false),
      );
    } else {
      body.push(
        new d.Paragraph({
          keepNext: true,
          spacing: { after: 80 },
          children: [run(item.title, { heading: true, bold: true, size: 22 })],
        }),
        ...item.text
          .split(/\r?\n+/)
          .filter((p) => p.trim())
          .map(
            (p) =>
              new d.Paragraph({
                spacing: { after: 80, line: 360 },
                indent: briefing.lang === 'zh' ? { firstLine: 420 } : undefined,
                children: [run(p.trim(), { size: 21 })],
              }),
          ),
        ...captionAndSource(item, false),
      );
    }
  }

  const doc = new d.Document({
    creator: briefing.title,
    title: briefing.title,
    styles: {
      default: {
        document: {
          run: { font: FONTS.body, size: 21 },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: d.PageOrientation.PORTRAIT },
            margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin, footer: 567 },
          },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [
                  new d.TextRun({ font: FONTS.body, size: 18, children: [d.PageNumber.CURRENT] }),
                  run(' / ', { size: 18 }),
                  new d.TextRun({ font: FONTS.body, size: 18, children: [d.PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return d.Packer.toArrayBuffer(doc);
}
