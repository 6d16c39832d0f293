/**
 * 政府信息公开工作年度报告 as a Word document: GB/T 9704 layout (official-layout.ts) and the three
 * tables of 国办公开办函〔2021〕30号 with their merged header cells. Labels are the official wording.
 */
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from 'docx';
import { body, FONT, heading, officialSection, PAGE, run, title } from './official-layout.js';
import { annualReportTitle, reportTables, SECTION_TITLES, type LayoutCell, type Narrative, type ReportModel, type TableLayout } from '../../../shared/domain/annual-report.js';

export interface AnnualReportDocument {
  unitName: string;
  model: ReportModel;
  narrative: Narrative;
}

/** 五号 (10.5 pt) in table cells, so the 15-column table 四 fits the 156 mm type area. */
const TABLE_SIZE = 21;
const TYPE_AREA = PAGE.width - PAGE.margin.left - PAGE.margin.right;

function tableCell({ text, span, rows, header }: LayoutCell): TableCell {
  return new TableCell({
    ...(span ? { columnSpan: span } : {}),
    ...(rows ? { rowSpan: rows } : {}),
    verticalAlign: VerticalAlign.CENTER,
    children: [
      new Paragraph({
        alignment: /^\d+(\.\d+)?$/.test(text) || header ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 300, lineRule: LineRuleType.AUTO },
        children: [run(text, header ? FONT.heading1 : FONT.body, TABLE_SIZE)],
      }),
    ],
  });
}

/** An official table over the whole type area, merged cells as laid out in the domain module. */
function table({ widths, rows }: TableLayout): Table {
  const sum = widths.reduce((s, w) => s + w, 0);
  return new Table({
    width: { size: TYPE_AREA, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.floor((w / sum) * TYPE_AREA)),
    rows: rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map(tableCell) })),
  });
}

/** Narrative text: a line that is only a "（一）…" heading is set in 楷体, the rest as body paragraphs. */
function narrativeParagraphs(text: string): Paragraph[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (/^（[一二三四五六七八九十]+）[^。；，]*$/.test(line) ? heading(line, 2) : body(line)));
}

export async function annualReportDocx({ unitName, model, narrative }: AnnualReportDocument): Promise<Buffer> {
  const gap = () => new Paragraph({ children: [] });
  const tables = reportTables(model);
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    title: annualReportTitle(unitName, model.year),
    sections: [
      officialSection([
        title(annualReportTitle(unitName, model.year)),
        heading(SECTION_TITLES.overview, 1),
        ...narrativeParagraphs(narrative.overview),
        heading(SECTION_TITLES.proactive, 1),
        table(tables.table2),
        ...(model.table2.source ? [body(`注：第二十条第（五）、（六）、（八）项数据来源：${model.table2.source}。`)] : []),
        gap(),
        heading(SECTION_TITLES.requests, 1),
        table(tables.table3),
        gap(),
        heading(SECTION_TITLES.appeals, 1),
        table(tables.table4),
        gap(),
        heading(SECTION_TITLES.problems, 1),
        ...narrativeParagraphs(narrative.problems),
        heading(SECTION_TITLES.other, 1),
        ...narrativeParagraphs(narrative.other),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}
