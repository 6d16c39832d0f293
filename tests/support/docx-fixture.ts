import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

/** A 1×1 red PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/** A real Word document with a heading, a bulleted list, a table and an image, as offices write them. */
export async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: 'bullet', text: '•', alignment: 'left' }] }],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('关于做好2026年秋冬季森林防火工作的通知')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、总体要求')] }),
          new Paragraph({ children: [new TextRun('各镇人民政府、街道办事处，市直有关单位：现将有关事项通知如下。')] }),
          new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('加强野外用火管理')] }),
          new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun('落实24小时值班制度')] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('镇街')] }), new TableCell({ children: [new Paragraph('责任人')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('雷城街道')] }), new TableCell({ children: [new Paragraph('值班室')] })] }),
            ],
          }),
          new Paragraph({ children: [new ImageRun({ type: 'png', data: TINY_PNG, transformation: { width: 20, height: 20 } })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
