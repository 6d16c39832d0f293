/**
 * 告知书 as Word documents laid out per GB/T 9704 (official-layout.ts); their wording is
 * shared/domain/letter-templates.ts.
 */
import { Document, Packer, Paragraph } from 'docx';
import { body, officialSection, title } from './official-layout.js';

/** Full-width spaces: the 成文日期 and the issuing body stand 右空四字 (GB/T 9704 §7.3.5). */
const RIGHT_FOUR = '\u3000'.repeat(4);

/** The letter as .docx: title, salutation, body paragraphs, then the issuing body and the date. */
export async function replyLetterDocx(letter: { title: string; paragraphs: string[]; unitName: string; date: string }): Promise<Buffer> {
  const [first = '', ...rest] = letter.paragraphs;
  const salutation = first.endsWith('：');
  const document = new Document({
    evenAndOddHeaderAndFooters: true,
    title: letter.title,
    sections: [
      officialSection([
        title(letter.title),
        body(first, { indent: !salutation }),
        ...rest.map((text) => body(text)),
        new Paragraph({ children: [] }),
        new Paragraph({ children: [] }),
        body(`${letter.unitName}${RIGHT_FOUR}`, { indent: false, align: 'right' }),
        body(`${letter.date}${RIGHT_FOUR}`, { indent: false, align: 'right' }),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}
