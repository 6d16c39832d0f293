/**
 * Plain text (.txt, .csv) and web pages (.html), one part per non-blank line.
 *
 * Chinese offices still save text as GBK from older tools and Excel's "CSV" export: bytes that are not
 * valid UTF-8 are read as GB18030 (a superset of GBK and GB2312). Byte-order marks are honoured
 * (UTF-8, UTF-16 LE/BE) and dropped.
 */
import { htmlToPlainText } from '../html-sanitizer.js';
import type { TextPart } from './types.js';

export function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/** Text with a byte-order mark, or without NUL bytes and with few other control characters in its first 64 KB. */
export function looksLikeText(data: Buffer): boolean {
  if (data[0] === 0xff && data[1] === 0xfe) return true;
  if (data[0] === 0xfe && data[1] === 0xff) return true;
  const sample = data.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    // C0 controls other than tab, newline, form feed, carriage return and escape.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control <= sample.length / 100;
}

/** Does the start of the text look like an HTML document? */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/i.test(text.slice(0, 4096));
}

function lineParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim()) parts.push({ text: line, location: { format: 'text', line: index + 1 } });
  });
  return parts;
}

export function extractPlainText(data: Buffer): TextPart[] {
  return lineParts(decodeText(data));
}

/**
 * The text a browser shows, a line per block (htmlToPlainText: scripts, styles and comments dropped).
 * Line numbers are of that text, not of the HTML source.
 */
export function extractHtml(data: Buffer): TextPart[] {
  return lineParts(htmlToPlainText(decodeText(data)));
}
