/**
 * Every cell of every sheet of a workbook — hidden and very hidden sheets, hidden rows and columns
 * included and flagged — with cell comments, print headers and footers, and document properties.
 *
 * The XML is read here rather than through exceljs: the same zip reader and XML parser as docx.ts,
 * so the same size limits and DOCTYPE refusal cover every part; one streaming pass per part keeps no
 * workbook model in memory; and values are seen as stored, before any library turns them into its
 * own cell model (and numbers into JavaScript numbers).
 *
 * Values are reported as stored, not as displayed: a number is its raw value string ("13800138000",
 * "1.1010519900307123E+17" for an 18-digit ID typed as a number, which has lost its last digits),
 * a shared or inline string its text, a formula its cached result. Number formats are not applied.
 */
import {
  ContentTypes,
  NS,
  attr,
  attrNs,
  documentProperties,
  inNs,
  isOn,
  parseXml,
  relType,
  relationships,
  type Relationship,
  type XmlElement,
  type ZipArchive,
} from './ooxml.js';
import { damaged } from './errors.js';
import type { TextPart, XlsxCellLocation, XlsxSheet } from './types.js';

const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const MAIN_TYPES = [
  `${SML}.sheet.main+xml`,
  `${SML}.template.main+xml`,
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
];

/** Is this content type a workbook's main part? (For sniffing in index.ts.) */
export function isXlsxType(type: string): boolean {
  return MAIN_TYPES.some((main) => main.toLowerCase() === type);
}

interface SheetEntry extends XlsxSheet {
  file: string;
}

export function extractXlsx(zip: ZipArchive, types: ContentTypes): TextPart[] {
  const workbook = types.partsOfType(...MAIN_TYPES)[0];
  if (!workbook) throw damaged('no workbook part');
  const rels = relationships(zip, workbook);
  const sheets = readWorkbook(zip, workbook, new Map(rels.map((rel) => [rel.id, rel])));
  const sharedStringsRel = rels.find((rel) => !rel.external && relType(rel, 'sharedStrings'));
  const strings = sharedStringsRel ? readSharedStrings(zip, sharedStringsRel.target) : [];
  const authors = new Set<string>();

  const parts: TextPart[] = [];
  for (const sheet of sheets) {
    // Not push(...): a sheet can have more cells than a call has room for arguments.
    for (const part of readSheet(zip, sheet, strings)) parts.push(part);
    for (const rel of relationships(zip, sheet.file)) {
      if (rel.external || !relType(rel, 'comments')) continue;
      for (const part of readComments(zip, rel.target, sheet, authors)) parts.push(part);
    }
  }
  for (const property of documentProperties(zip, types)) {
    parts.push({
      text: property.value,
      location: { format: 'xlsx', part: 'properties', detail: property.name, propertySet: property.set, file: property.file },
    });
  }
  for (const author of authors) {
    parts.push({ text: author, location: { format: 'xlsx', part: 'properties', detail: 'comment_author', propertySet: 'people', file: workbook } });
  }
  return parts;
}

/** The worksheets in workbook order, with their state; chart sheets and dialog sheets have no cells and are skipped. */
function readWorkbook(zip: ZipArchive, file: string, rels: Map<string, Relationship>): SheetEntry[] {
  const bytes = zip.read(file);
  if (!bytes) throw damaged(`${file} missing`);
  const sheets: SheetEntry[] = [];
  parseXml(bytes, file, {
    open: (el) => {
      if (el.local !== 'sheet' || !inNs(el, NS.s)) return;
      const name = attr(el, 'name') ?? '';
      const id = attrNs(el, NS.r, 'id');
      const rel = id === undefined ? undefined : rels.get(id);
      if (!rel || rel.external || !rel.type.endsWith('/worksheet') || !zip.has(rel.target)) return;
      const state = attr(el, 'state');
      const sheetState = state === 'hidden' || state === 'veryHidden' ? state : undefined;
      sheets.push({ sheet: name, hidden: !!sheetState, ...(sheetState ? { sheetState } : {}), file: zip.actualName(rel.target)! });
    },
  });
  return sheets;
}

/**
 * The text of one string item (si in sharedStrings, is in a cell, text in a comment): t directly
 * inside or inside a run r, never the phonetic guide rPh. Created when the item opens; told of every
 * element opened and closed after that, until close() reports the item's own end.
 */
class RichText {
  private depth = 0;
  private inT = false;
  private phonetic = 0;
  text = '';

  open(local: string): void {
    this.depth++;
    if (local === 'rPh') this.phonetic++;
    else if (local === 't' && !this.phonetic) this.inT = true;
  }

  /** True when this closes the item itself. */
  close(local: string): boolean {
    if (this.depth === 0) return true;
    this.depth--;
    if (local === 'rPh') this.phonetic--;
    else if (local === 't') this.inT = false;
    return false;
  }

  add(text: string): void {
    if (this.inT) this.text += text;
  }
}

function readSharedStrings(zip: ZipArchive, file: string): string[] {
  const bytes = zip.read(file);
  if (!bytes) return [];
  const strings: string[] = [];
  let item: RichText | undefined;
  parseXml(bytes, file, {
    open: (el) => {
      if (item) item.open(el.local);
      else if (el.local === 'si') item = new RichText();
    },
    text: (text) => item?.add(text),
    close: (el) => {
      if (item?.close(el.local)) {
        strings.push(item.text);
        item = undefined;
      }
    },
  });
  return strings;
}

const MAX_COLUMN = 16384;
const HEADER_FOOTER = new Set(['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']);

function readSheet(zip: ZipArchive, sheet: SheetEntry, strings: string[]): TextPart[] {
  const bytes = zip.read(sheet.file);
  if (!bytes) return [];
  const { file: _file, ...where } = sheet;
  const parts: TextPart[] = [];
  /** Hidden flag per column (1-based, up to Excel's last column XFD): a lookup, not a scan of ranges per cell. */
  const hiddenColumns = new Uint8Array(MAX_COLUMN + 1);
  const path: string[] = [];

  let row = 0;
  let rowHidden = false;
  let column = 0;
  let cell: { ref: string; column: number; type: string | undefined; value: string; inline?: RichText } | undefined;
  /** Inside the cell's is element. */
  let inInline = false;
  let inValue = false;
  let headerFooter: { name: string; text: string } | undefined;

  parseXml(bytes, sheet.file, {
    open: (el: XmlElement) => {
      const local = inNs(el, NS.s) ? el.local : '*';
      path.push(local);
      if (inInline) {
        cell?.inline?.open(local);
        return;
      }
      switch (local) {
        case 'col': {
          const min = Number(attr(el, 'min'));
          const max = Number(attr(el, 'max'));
          const hidden = attr(el, 'hidden');
          const width = attr(el, 'width');
          if (Number.isInteger(min) && Number.isInteger(max) && ((hidden !== undefined && isOn(hidden)) || (width !== undefined && Number(width) === 0))) {
            hiddenColumns.fill(1, Math.max(min, 1), Math.min(max, MAX_COLUMN) + 1);
          }
          return;
        }
        case 'row': {
          const r = Number(attr(el, 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
          const hidden = attr(el, 'hidden');
          const height = attr(el, 'ht');
          rowHidden = (hidden !== undefined && isOn(hidden)) || (height !== undefined && Number(height) === 0);
          return;
        }
        case 'c': {
          const ref = attr(el, 'r');
          const parsed = ref ? parseRef(ref) : undefined;
          column = parsed ? parsed.column : column + 1;
          if (parsed && parsed.row !== row) row = parsed.row;
          cell = { ref: parsed ? ref!.toUpperCase() : `${columnName(column)}${row}`, column, type: attr(el, 't'), value: '' };
          return;
        }
        case 'v':
          inValue = !!cell && path.at(-2) === 'c';
          return;
        case 'is':
          if (cell) {
            cell.inline = new RichText();
            inInline = true;
          }
          return;
        default:
          if (HEADER_FOOTER.has(local) && path.at(-2) === 'headerFooter') headerFooter = { name: local, text: '' };
      }
    },
    text: (text) => {
      if (inInline) cell?.inline?.add(text);
      else if (inValue && cell) cell.value += text;
      else if (headerFooter) headerFooter.text += text;
    },
    close: () => {
      const local = path.pop() ?? '';
      if (inInline) {
        if (cell?.inline?.close(local) ?? true) inInline = false;
        return;
      }
      switch (local) {
        case 'v':
          inValue = false;
          return;
        case 'c': {
          if (!cell) return;
          const text = cellText(cell.type, cell.value, cell.inline?.text, strings);
          if (text.trim()) {
            const location: XlsxCellLocation = { format: 'xlsx', part: 'cell', sheet: sheet.sheet, hidden: sheet.hidden, cell: cell.ref };
            if (sheet.sheetState) location.sheetState = sheet.sheetState;
            if (rowHidden) location.hiddenRow = true;
            if (hiddenColumns[cell.column]) location.hiddenColumn = true;
            parts.push({ text, location });
          }
          cell = undefined;
          return;
        }
        case 'row':
          rowHidden = false;
          return;
        default:
          if (headerFooter && local === headerFooter.name) {
            const text = stripHeaderFooterCodes(headerFooter.text);
            if (text.trim()) parts.push({ text, location: { format: 'xlsx', part: 'header_footer', ...where, detail: headerFooter.name } });
            headerFooter = undefined;
          }
      }
    },
  });
  return parts;
}

/** A cell's text as stored: shared or inline string, else the raw value (number, formula result, boolean, error, ISO date). */
function cellText(type: string | undefined, value: string, inline: string | undefined, strings: string[]): string {
  if (type === 's') {
    const index = Number(value);
    return Number.isInteger(index) ? (strings[index] ?? '') : '';
  }
  if (type === 'inlineStr') return inline ?? value;
  return value;
}

function readComments(zip: ZipArchive, file: string, sheet: SheetEntry, authors: Set<string>): TextPart[] {
  const bytes = zip.read(file);
  if (!bytes) return [];
  const { file: _file, ...where } = sheet;
  const parts: TextPart[] = [];
  const authorNames: string[] = [];
  let author: string | undefined;
  let comment: { ref: string; author?: string; text: RichText } | undefined;

  parseXml(bytes, file, {
    open: (el) => {
      if (comment) {
        comment.text.open(el.local);
      } else if (el.local === 'author') {
        author = '';
      } else if (el.local === 'comment') {
        const name = authorNames[Number(attr(el, 'authorId'))];
        comment = { ref: (attr(el, 'ref') ?? '').toUpperCase(), ...(name ? { author: name } : {}), text: new RichText() };
      }
    },
    text: (text) => {
      if (comment) comment.text.add(text);
      else if (author !== undefined) author += text;
    },
    close: (el) => {
      if (comment) {
        if (!comment.text.close(el.local)) return;
        if (comment.text.text.trim()) {
          parts.push({
            text: comment.text.text,
            location: { format: 'xlsx', part: 'comment', ...where, cell: comment.ref, ...(comment.author ? { detail: comment.author } : {}) },
          });
        }
        if (comment.author?.trim()) authors.add(comment.author.trim());
        comment = undefined;
      } else if (el.local === 'author' && author !== undefined) {
        authorNames.push(author);
        author = undefined;
      }
    },
  });
  return parts;
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseRef(ref: string): { column: number; row: number } | undefined {
  const match = REF.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: Number(match[2]) };
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Header and footer codes: &L &C &R sections, &P page, &"font,style", &12 size, &KFF0000 colour, &&
 * a literal &. Removed so that a size code does not run into the digits of a phone number.
 */
function stripHeaderFooterCodes(text: string): string {
  return text.replace(/&(?:&|"[^"]*"|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|\d+|[A-Za-z])/g, (code) => (code === '&&' ? '&' : ' '));
}
