/**
 * The text layer of a PDF, one part per page, plus annotation texts (notes, free-text boxes, filled-in
 * form fields) and the Author/Title/Subject/Keywords of the information dictionary.
 *
 * pdf.js (Mozilla's, the legacy build for Node) parses; no canvas, no network, no eval (font programs
 * are never compiled to JavaScript: CVE-2024-4367). Character maps and standard font metrics are read
 * from the pdfjs-dist package folder with fs, offline: without them the text of Chinese PDFs set in a
 * non-embedded font (STSong-Light with UniGB-UCS2-H, common in older government files) comes out
 * empty and the file would pass as a scan. (fs.promises.readFile, which pdf.js uses, also reads
 * inside Electron's asar archive.)
 *
 * Text under a black box drawn over it ("redaction" by drawing) is still in the text layer and is
 * reported, which is the point. A page with no text at all is most likely a scan; a document where no
 * page has text comes back as noTextLayer so the reviewer reads it by eye.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { damaged, extractError } from './errors.js';
import type { ExtractResult, TextPart } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjs: Promise<PdfJs> | undefined;
/** pdf.js is large (a few MB of JavaScript): loaded on the first PDF, not at startup. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const packageDir = () => path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const INFO_FIELDS = ['Author', 'Title', 'Subject', 'Keywords'] as const;

interface AnnotationData {
  subtype?: string;
  contentsObj?: { str?: string };
  titleObj?: { str?: string };
  fieldValue?: unknown;
}

export async function extractPdf(data: Buffer): Promise<ExtractResult> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const dir = packageDir();
  const task = getDocument({
    data: new Uint8Array(data), // a copy: pdf.js takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'PasswordException') throw extractError('extract.encrypted', { format: 'pdf' });
      throw damaged(`pdf: ${(error as Error).message}`);
    }

    const parts: TextPart[] = [];
    const pagesWithoutText: number[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      if (text.trim()) parts.push({ text, location: { format: 'pdf', part: 'text', page: number } });
      else pagesWithoutText.push(number);

      for (const annotation of (await page.getAnnotations()) as AnnotationData[]) {
        if (annotation.subtype === 'Popup') continue; // repeats its parent's contents
        const author = annotation.titleObj?.str?.trim();
        const texts = [annotation.contentsObj?.str, ...[annotation.fieldValue].flat().filter((v) => typeof v === 'string')];
        for (const value of texts) {
          if (typeof value === 'string' && value.trim()) {
            parts.push({ text: value, location: { format: 'pdf', part: 'annotation', page: number, ...(author ? { detail: author } : {}) } });
          }
        }
      }
      page.cleanup();
    }

    const info = (await doc.getMetadata()).info as Record<string, unknown> | undefined;
    for (const field of INFO_FIELDS) {
      const value = info?.[field];
      if (typeof value === 'string' && value.trim()) parts.push({ text: value, location: { format: 'pdf', part: 'properties', detail: field } });
    }

    const noTextLayer = pagesWithoutText.length === doc.numPages;
    return {
      parts,
      format: 'pdf',
      ...(noTextLayer ? { noTextLayer: true } : pagesWithoutText.length ? { pagesWithoutText } : {}),
    };
  } finally {
    await task.destroy();
  }
}
