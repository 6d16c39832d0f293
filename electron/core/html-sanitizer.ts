/**
 * Rich-text bodies come from our editor and, far more often, from a paste out of Word or WPS, and
 * end up on the unit's public website. So the allowlist is the structure a 政务公开 notice needs and
 * nothing that can run, fetch or restyle: no scripts or handlers, no style/class (Word's mso-* junk),
 * no remote images (they tell a third party who reads what, and when).
 *
 * sanitize-html (htmlparser2 underneath) does the parsing; its hooks let us follow the element stack
 * so that Word's layout wrappers turn into paragraphs or vanish instead of merging their text.
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';

// sanitize-html with htmlparser2 and postcss takes ~150 ms to load: the first body saved pays it,
// not the app's start-up. (Synchronous require: saving runs inside a database transaction.)
const require = createRequire(import.meta.url);
let library: typeof SanitizeHtml | undefined;
function sanitizeHtml(html: string, options: SanitizeHtml.IOptions): string {
  library ??= require('sanitize-html') as typeof SanitizeHtml;
  return library(html, options);
}

type Attributes = Record<string, string>;

/** Tags kept, with the attributes `transform` lets through; everything else goes, its text stays. */
const ALLOWED_TAGS = [
  'p', 'br', 'h1', 'h2', 'h3', 'h4', 'strong', 'em', 'u', 's', 'sub', 'sup', 'blockquote',
  'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'hr', 'code', 'pre',
];
const ALLOWED = new Set(ALLOWED_TAGS);
const ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'rel', 'target'],
  img: ['src', 'alt'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
};
/** Our own mark on every element we emit, so that a later pass can find it again; see applyFates. */
const MARK = 'data-gk';
const ALLOWED_ATTRIBUTES = Object.fromEntries(ALLOWED_TAGS.map((tag) => [tag, [...(ATTRIBUTES[tag] ?? []), MARK]]));
const VOID = new Set(['br', 'hr', 'img']);

/** Dropped together with everything inside: code, other documents, fallback content, metadata. */
const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'xmp', 'plaintext', 'textarea', 'select', 'option',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'applet', 'embed', 'noembed',
  'svg', 'math', 'canvas', 'audio', 'video', 'head', 'title', 'xml',
];
const DROPPED = new Set(DROP_WITH_CONTENT);

/** Same meaning, one spelling, so that saved bodies compare and diff cleanly. */
const RENAME: Record<string, string> = { b: 'strong', i: 'em', strike: 's', del: 's', h5: 'h4', h6: 'h4', tfoot: 'tbody' };

/** Layout wrappers (Word's <div class=WordSection1>, web pages' divs): a paragraph if they hold only inline content, else unwrapped. */
const WRAPPERS = new Set([
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'address', 'center',
  'figure', 'figcaption', 'dl', 'dt', 'dd', 'details', 'summary', 'hgroup',
]);
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'pre']);
/** Where a paragraph may not open: inside another paragraph, a heading, pre, a link or inline formatting. */
const NO_BLOCK_INSIDE = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'pre', 'a', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code']);
const TABLE_PARTS = new Set(['thead', 'tbody', 'tr', 'th', 'td']);
const INLINE = new Set(['a', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code']);

const LINK = /^(?:https?:\/\/|mailto:)[^\s\p{Cc}]+$/iu;
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const ATTACHMENT = /^attachments\/[0-9a-f]{64}$/;
const SPAN = /^[1-9]\d{0,2}$/;

// Whitespace that only looks empty: nbsp, 全角空格 (\s has both), zero-width characters.
const BLANK = /^[\s\u200B-\u200D\u2060]*$/;

/** A line break in the source between two Chinese characters is a wrap, not a space (Word wraps its HTML at ~76 columns). */
const WIDE = '\\p{Script=Han}\\u3000-\\u303F\\uFF01-\\uFF5E\\u2018\\u2019\\u201C\\u201D\\u2026\\u2014';
// Starts at the line break: a leading [ \t]* would make long runs of spaces quadratic.
const SOURCE_BREAK = /(?:\r\n?|\n)[ \t\f\r\n]*/g;
const SENTINEL = '\uFDD0'; // a noncharacter: never in real text, so it can mark source breaks
const CELL = '\uFDD1';
const OUR_MARKS = /[\uFDD0\uFDD1]/g;
// No lookbehinds here: evaluated at every position, they cost seconds on a large embedded image.
const WRAP_IN_MARKUP = new RegExp(`[${WIDE}](?:<[^>]*>)*${SENTINEL}(?:<[^>]*>|${SENTINEL})*(?=[${WIDE}])`, 'gu');
const BLOCK_TAG = `<\\/?(?:${[...BLOCKS].join('|')})\\b[^>]*>`;
/** Source line breaks next to a block's tags render as nothing. */
const BREAK_AT_BLOCK_EDGE = new RegExp(`${SENTINEL}+(?=${BLOCK_TAG})|(${BLOCK_TAG})${SENTINEL}+`, 'g');
const WRAP_IN_TEXT = new RegExp(`([${WIDE}])[ \\t\\f\\r]*\\n[ \\t\\f\\r\\n]*(?=[${WIDE}])`, 'gu');
// Only the source's own whitespace: a leading 全角空格 indent or nbsp is content.
function trimSource(html: string): string {
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\f' || c === '\r' || c === '\n';
  let start = 0;
  let end = html.length;
  while (start < end && space(html[start])) start++;
  while (end > start && space(html[end - 1])) end--;
  return html.slice(start, end);
}

function safeHref(href: string | undefined): string | null {
  const value = href?.trim() ?? '';
  return LINK.test(value) ? value : null;
}

function safeImageSrc(src: string | undefined): string | null {
  const value = src?.trim() ?? '';
  if (ATTACHMENT.test(value)) return value;
  const compact = value.replace(/\s+/g, ''); // base64 is often wrapped
  return DATA_IMAGE.test(compact) ? compact : null;
}

/** What becomes of an emitted element once we have seen all of it. */
type Fate = 'keep' | 'unwrap' | 'remove';

/** One open element as htmlparser2 reports it, and what we made of it. */
interface Open {
  name: string;
  /** Index into the fates, when the element is emitted. */
  id?: number;
  /** The tag we emit, or '' when it is dropped. */
  out: string;
  fromWrapper: boolean;
  /** Somewhere inside a p, heading, pre, link or inline formatting. */
  inline: boolean;
  inPre: boolean;
  inTable: boolean;
  hasBlock: boolean;
  hasImage: boolean;
  hasBreak: boolean;
  /** Text other than whitespace, anywhere inside. */
  hasText: boolean;
  /** Any text at all, whitespace included. */
  hasChars: boolean;
}

function fateOf(el: Open): Fate {
  if (!el.out) return el.name === 'img' ? 'remove' : 'unwrap';
  if (el.out === 'p' && el.hasBlock) return 'unwrap';
  if (/^(?:p|h[1-4])$/.test(el.out) && !el.hasImage && !el.hasText) return 'remove';
  if (INLINE.has(el.out) && !el.hasImage && !el.hasBreak && !el.hasChars) return 'remove';
  return 'keep';
}

const TOKEN = /<(\/?)([a-z0-9]+)([^>]*)>|[^<]+|</g;
const MARK_ATTRIBUTE = new RegExp(` ${MARK}="(\\d+)"`);

/**
 * Carries out the fates on sanitize-html's output, which is regular: only our tags, balanced, text
 * and attribute values escaped. One linear pass; sanitize-html's own exclusiveFilter re-slices the
 * whole output for every element it drops, and took seconds on a long Word paste.
 */
function applyFates(html: string, fates: Fate[]): string {
  const out: string[] = [];
  const written: boolean[] = []; // per open element: were its tags written?
  let removing = 0; // depth inside a removed element
  for (const [token, slash, name, attributes = ''] of html.matchAll(TOKEN)) {
    if (name === undefined) {
      if (!removing) out.push(token === '<' ? '&lt;' : token);
    } else if (slash) {
      if (removing) removing--;
      else if (written.pop()) out.push(token);
    } else if (removing) {
      if (!VOID.has(name)) removing++;
    } else {
      const id = MARK_ATTRIBUTE.exec(attributes)?.[1];
      const fate = id === undefined ? 'keep' : (fates[Number(id)] ?? 'keep');
      if (fate === 'remove') {
        if (!VOID.has(name)) removing = 1;
        continue;
      }
      if (fate === 'keep') out.push(token.replace(MARK_ATTRIBUTE, ''));
      if (!VOID.has(name)) written.push(fate === 'keep');
    }
  }
  return out.join('');
}

const unescapeText = (text: string) => text.replace(/&(amp|lt|gt|quot);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e]!);

/**
 * Cleans a body for storage and publication. Links get rel="noopener noreferrer" and open in a new
 * window; images must be embedded (data:image/png|jpeg|gif|webp;base64) or one of our attachments
 * (attachments/<sha256>). Empty paragraphs, Word's spacing device, are removed — spacing is the
 * stylesheet's job. Idempotent: cleaning a clean body changes nothing.
 */
export function sanitizeBodyHtml(html: string): string {
  const open: Open[] = [];
  const fates: Fate[] = [];

  const transform = (name: string, attribs: Attributes): { tagName: string; attribs: Attributes } => {
    const el = open.at(-1);
    const parent = open.at(-2);
    let out = RENAME[name] ?? name;
    let attrs: Attributes = {};
    const inline = !!parent && (parent.inline || (NO_BLOCK_INSIDE.has(parent.out) && !parent.fromWrapper));

    if (name === 'p' || WRAPPERS.has(name)) {
      out = inline ? '' : 'p';
    } else if (name === 'a') {
      const href = safeHref(attribs.href);
      out = href ? 'a' : '';
      if (href) attrs = { href, rel: 'noopener noreferrer', target: '_blank' };
    } else if (name === 'img') {
      const src = safeImageSrc(attribs.src);
      out = src ? 'img' : '';
      if (src) attrs = attribs.alt ? { src, alt: attribs.alt } : { src };
    } else if (TABLE_PARTS.has(out) && !(parent?.inTable || parent?.out === 'table')) {
      out = ''; // a cell without its table: browsers drop the tag, so do we
    } else if (name === 'td' || name === 'th') {
      for (const span of ['colspan', 'rowspan']) {
        const value = attribs[span]?.trim();
        if (value && SPAN.test(value)) attrs[span] = value;
      }
    }
    if (!ALLOWED.has(out)) out = '';

    if (el) {
      Object.assign(el, {
        out,
        fromWrapper: WRAPPERS.has(name),
        inline,
        inPre: !!parent && (parent.inPre || parent.out === 'pre'),
        inTable: !!parent && (parent.inTable || parent.out === 'table'),
      });
    }
    // Only ever rename to a kept tag: sanitize-html forgets to clear the rename of a discarded tag and
    // would close a later sibling with the stale name. Kept tags we reject (a bad link or image, a
    // paragraph in a paragraph) are emitted and then dropped by their fate; unknown ones are discarded by name.
    const tagName = out || name;
    if (el && ALLOWED.has(tagName)) {
      el.id = fates.push('keep') - 1;
      attrs[MARK] = String(el.id);
    }
    return { tagName, attribs: attrs };
  };

  const options: SanitizeHtml.IOptions = {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: [],
    allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['data'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parseStyleAttributes: false,
    onOpenTag: (name) => {
      open.push({
        name, out: '', fromWrapper: false, inline: false, inPre: false, inTable: false,
        hasBlock: false, hasImage: false, hasBreak: false, hasText: false, hasChars: false,
      });
    },
    onCloseTag: () => {
      const el = open.pop();
      if (!el) return;
      if (el.id !== undefined) fates[el.id] = fateOf(el);
      const parent = open.at(-1);
      if (parent) {
        parent.hasBlock ||= el.hasBlock || BLOCKS.has(el.out);
        parent.hasImage ||= el.hasImage || el.out === 'img';
        parent.hasBreak ||= el.hasBreak || el.out === 'br';
        parent.hasText ||= el.hasText;
        parent.hasChars ||= el.hasChars;
      }
    },
    transformTags: { '*': transform },
    textFilter: (text) => {
      const clean = text.replace(OUR_MARKS, '');
      const el = open.at(-1);
      if (el && clean) {
        el.hasChars = true;
        el.hasText ||= !BLANK.test(clean);
      }
      return el?.inPre || el?.out === 'pre' ? clean : clean.replace(SOURCE_BREAK, SENTINEL);
    },
  };

  const clean = applyFates(sanitizeHtml(html, options), fates);
  if (!clean.includes(SENTINEL)) return trimSource(clean);
  return trimSource(
    clean
      .replace(BREAK_AT_BLOCK_EDGE, (_, tag: string | undefined) => tag ?? '')
      .replace(WRAP_IN_MARKUP, (run) => run.replaceAll(SENTINEL, ''))
      .replace(/\uFDD0+/g, '\n'),
  );
}

/** Elements that end a line of text. */
const TEXT_BLOCKS = new Set([...BLOCKS, ...WRAPPERS, 'h5', 'h6', 'caption', 'tfoot', 'body', 'html', 'li', 'br']);

/**
 * The text of a body for full-text search and the copy/diff checks: one line per block and one per
 * table row (cells separated by a tab), entities decoded, runs of whitespace — 全角空格 indents
 * included — collapsed to one space, blank lines dropped. Safe on any input, clean or not.
 */
export function htmlToPlainText(html: string): string {
  // How many elements of each kind we are inside.
  let dropping = 0;
  let inPre = 0;
  let inCell = 0;
  let buffer = '';
  const lines: string[] = [];

  const flush = () => {
    const cells = buffer
      .replace(WRAP_IN_TEXT, '$1')
      .split(CELL)
      .map((cell) => cell.replace(/\s+/g, ' ').trim());
    while (cells.length > 1 && cells.at(-1) === '') cells.pop();
    const line = cells.join('\t');
    if (line.trim()) lines.push(line);
    buffer = '';
  };
  const isCell = (name: string) => name === 'td' || name === 'th';
  // Inside a cell every boundary is a space, so that a table row stays one line.
  const boundary = (name: string) => {
    if (isCell(name)) buffer += inCell ? ' ' : CELL;
    else if (TEXT_BLOCKS.has(name)) {
      if (inCell) buffer += ' ';
      else flush();
    }
  };

  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: DROP_WITH_CONTENT,
    parseStyleAttributes: false,
    onOpenTag: (name) => {
      if (!dropping && !isCell(name)) boundary(name);
      if (DROPPED.has(name)) dropping++;
      if (name === 'pre') inPre++;
      if (isCell(name)) inCell++;
    },
    onCloseTag: (name) => {
      if (DROPPED.has(name)) dropping--;
      if (name === 'pre') inPre--;
      if (isCell(name)) inCell--;
      if (!dropping) boundary(name);
    },
    textFilter: (text) => {
      const plain = unescapeText(text.replace(OUR_MARKS, ''));
      if (inPre) {
        const [first = '', ...rest] = plain.split(/\r\n?|\n/);
        buffer += first;
        for (const line of rest) {
          flush();
          buffer += line;
        }
      } else {
        buffer += plain;
      }
      return '';
    },
  });
  flush();
  return lines.join('\n');
}

/** Replaces text inside HTML text nodes only, so attribute values (image data) are never touched. */
export function replaceInHtmlText(html: string, replace: (text: string) => string): string {
  return sanitizeHtml(html, { allowedTags: false, allowedAttributes: false, allowVulnerableTags: true, textFilter: replace });
}
