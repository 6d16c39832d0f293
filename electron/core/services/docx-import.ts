/** A Word document becomes a new draft: headings, lists, tables and images kept, everything else dropped. */
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { blankFields } from '../../../shared/domain/catalogue.js';
import { htmlToPlainText } from '../html-sanitizer.js';
import { createItem, today } from './items.js';
import { readUnit } from './setup.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Word styles → our headings. The document title (Title, 标题) is h1, so Word's own heading
 * levels shift down one; Chinese Word and WPS name the styles 标题 1, 标题 2 ….
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3].flatMap((level) => [
    `p[style-name='Heading ${level}'] => h${level + 1}:fresh`,
    `p[style-name='标题 ${level}'] => h${level + 1}:fresh`,
  ]),
];

export async function docxToHtml(data: Buffer): Promise<string> {
  if (data.length < 4 || !data.subarray(0, 4).equals(ZIP_MAGIC)) throw new AppError('docx.not_docx');
  // Our own bounded reader goes first: mammoth would inflate a zip bomb or expand an entity bomb.
  // It refuses those (extract.too_large, extract.entity_bomb) and encrypted files with their own message.
  const { extractText } = await import('../extract/index.js');
  const { format } = await extractText('import.docx', data).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'extract.damaged') throw new AppError('docx.unreadable', { detail: String(error.params.detail ?? '') });
    throw error;
  });
  if (format !== 'docx') throw new AppError('docx.not_docx');
  try {
    // Loaded on first use: it is not needed to start the app.
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.convertToHtml({ buffer: data }, { styleMap: STYLE_MAP });
    return result.value;
  } catch (error) {
    throw new AppError('docx.unreadable', { detail: (error as Error).message.slice(0, 200) });
  }
}

/** The title: the first heading, else the file name. */
function titleOf(html: string, fileName: string): string {
  const heading = /<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/i.exec(html)?.[1];
  const text = heading ? htmlToPlainText(heading) : '';
  return (text || fileName.replace(/\.docx$/i, '')).slice(0, 200);
}

export async function importDocx(ctx: Ctx, input: ParsedInput<'items.importDocx'>): Promise<CommandOutput<'items.importDocx'>> {
  const html = await docxToHtml(Buffer.from(input.dataBase64, 'base64'));
  const unit = readUnit(ctx);
  return createItem(
    ctx,
    {
      categoryId: input.categoryId,
      bodyHtml: html,
      fields: { ...blankFields(unit?.name ?? '', today(ctx)), title: titleOf(html, input.fileName) },
    },
    'items.importDocx',
  );
}
