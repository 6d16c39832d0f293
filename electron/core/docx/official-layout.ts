/**
 * GB/T 9704-2012 《党政机关公文格式》 conventions for the Word documents we generate: A4, margins
 * 37/35/28/26 mm giving a 156 × 225 mm type area, 3号仿宋 body on a fixed pitch of 22 lines, the
 * title in 2号小标宋, 一、 headings in 黑体 and （一） in 楷体, and page numbers "— N —" in 4号宋体,
 * odd pages right and even pages left.
 */
import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';

/** Font sizes in half-points (docx's unit): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt. */
export const SIZE = { hao2: 44, hao3: 32, hao4: 28, xiaosi: 24 } as const;

/** The usual concrete faces; Word and LibreOffice substitute an installed Song/Fang Song face when missing. */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** 225 mm of type area / 22 lines ≈ 28.95 pt a line, as an exact line pitch in twips. */
export const LINE_PITCH = Math.round((225 / 22 / 25.4) * 72 * 20);

/** Millimetres to twips, rounded (docx's own helper truncates: A4 would come out 11905 × 16837). */
const mm = (value: number) => Math.round((value * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: {
    top: mm(37),
    bottom: mm(35),
    left: mm(28),
    right: mm(26),
  },
} as const;

export function run(text: string, font: string = FONT.body, size: number = SIZE.hao3, bold = false): TextRun {
  return new TextRun({ text, bold, size, font: { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: font } });
}

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT } as const;

export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: LINE_PITCH * 1.5, lineRule: LineRuleType.EXACT, after: LINE_PITCH }, children: [run(text, FONT.title, SIZE.hao2)] });
}

/** 一、 level headings in 黑体, （一） level in 楷体, both indented two characters like body text. */
export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({ spacing: exact, indent: { firstLine: 640 }, children: [run(text, level === 1 ? FONT.heading1 : FONT.heading2)] });
}

/** A body paragraph: 3号仿宋, first line indented two characters. */
export function body(text: string, options: { indent?: boolean; align?: 'left' | 'right' | 'center' } = {}): Paragraph {
  const alignment = options.align === 'right' ? AlignmentType.RIGHT : options.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED;
  return new Paragraph({ alignment, spacing: exact, indent: options.indent === false ? {} : { firstLine: 640 }, children: [run(text)] });
}

/** Smaller text for table cells, so a form fits the type area. */
export function cell(text: string, bold = false): Paragraph {
  return new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO }, children: [run(text, bold ? FONT.heading1 : FONT.body, SIZE.xiaosi)] });
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const font = { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        // 单页码居右空一字，双页码居左空一字
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ text: '— ', size: SIZE.hao4, font }), new TextRun({ children: [PageNumber.CURRENT], size: SIZE.hao4, font }), new TextRun({ text: ' —', size: SIZE.hao4, font })],
      }),
    ],
  });
}

/** A section on A4 with the standard margins and odd/even page numbers (the Document needs evenAndOddHeaderAndFooters). */
export function officialSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...PAGE.margin, footer: mm(35 - 7 - 5) },
      },
    },
    footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
    children,
  };
}
