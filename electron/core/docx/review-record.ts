/**
 * 政府信息公开保密审查表: the paper record of a confidentiality review, per the local rules that
 * require a written record (信息名称、内容摘要、拟公开方式、公开范围、公开时间、审查结论及依据) with
 * signatures. Labels are the official Chinese wording: this document is an archive record, not UI.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { body, cell, officialSection, title } from './official-layout.js';

export interface ReviewRecord {
  unitName: string;
  title: string;
  indexNumber: string;
  documentNumber: string;
  summary: string;
  disclosure: string;
  scope: string;
  timing: string;
  draftingUnit: string;
  author: string;
  checklist: { question: string; answer: string; note: string }[];
  findings: { kind: string; text: string; location: string; handling: string }[];
  decision: string;
  basis: string;
  note: string;
  reviewer: string;
  decidedAt: string;
  contentHash: string;
}

const FULL = { size: 100, type: WidthType.PERCENTAGE } as const;

function row(cells: string[], header = false, widths?: number[]): TableRow {
  return new TableRow({
    tableHeader: header,
    children: cells.map((text, i) => new TableCell({ children: [cell(text, header)], ...(widths ? { width: { size: widths[i]!, type: WidthType.PERCENTAGE } } : {}) })),
  });
}

function pairs(rows: [string, string][]): Table {
  return new Table({ width: FULL, rows: rows.map(([label, value]) => row([label, value], false, [22, 78])) });
}

function grid(header: string[], rows: string[][], widths: number[]): Table {
  return new Table({ width: FULL, rows: [row(header, true, widths), ...rows.map((r) => row(r, false, widths))] });
}

const gap = () => new Paragraph({ children: [] });
/** Full-width spaces (一字), the way forms leave room to sign and date by hand. */
const blank = (characters: number) => '\u3000'.repeat(characters);

export async function reviewRecordDocx(r: ReviewRecord): Promise<Buffer> {
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    title: `${r.title} 保密审查表`,
    sections: [
      officialSection([
        title('政府信息公开保密审查表'),
        body(`填报单位：${r.unitName}`, { indent: false }),
        pairs([
          ['信息名称', r.title],
          ['索引号', r.indexNumber],
          ['发文字号', r.documentNumber || '无'],
          ['内容摘要', r.summary || '—'],
          ['拟公开方式', r.disclosure],
          ['拟公开范围', r.scope],
          ['拟公开时间', r.timing],
          ['起草单位及起草人', `${r.draftingUnit}${blank(1)}${r.author}`],
        ]),
        gap(),
        body('一、审查清单', { indent: false }),
        grid(
          ['序号', '审查事项', '结论', '说明'],
          r.checklist.map((c, i) => [String(i + 1), c.question, c.answer, c.note]),
          [8, 52, 12, 28],
        ),
        gap(),
        body('二、自动检测结果及处理', { indent: false }),
        r.findings.length
          ? grid(['类型', '内容（已脱敏显示）', '位置', '处理情况'], r.findings.map((f) => [f.kind, f.text, f.location, f.handling]), [18, 32, 14, 36])
          : body('未发现敏感信息。（自动检测不能替代人工审查。）'),
        gap(),
        body('三、审查结论', { indent: false }),
        pairs([
          ['审查结论', r.decision],
          ['依据', r.basis || '—'],
          ['说明', r.note || '—'],
          ['审查人', r.reviewer],
          ['审查时间', r.decidedAt],
          ['内容校验值（SHA-256）', r.contentHash || '—'],
        ]),
        gap(),
        body(`审查人（签字）：${blank(6)}日期：${blank(2)}年${blank(2)}月${blank(2)}日`, { indent: false }),
        body(`单位负责人（签字）：${blank(4)}日期：${blank(2)}年${blank(2)}月${blank(2)}日`, { indent: false }),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}
