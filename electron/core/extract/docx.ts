/**
 * Every piece of text in a Word document, where it sits: the body (tables and text boxes included),
 * headers and footers, comments, footnotes and endnotes, tracked insertions and deletions, hidden runs
 * (w:vanish, directly or through a style), document properties, and the names Word records as comment
 * and revision authors. Hidden content is the usual leak, so it is reported on its own, never merged
 * into the text around it.
 *
 * A paragraph is one part: Word splits text into runs at every formatting or editing-session change,
 * so a phone number is often spread over several runs and only the paragraph's joined text matches.
 */
import { damaged } from './errors.js';
import {
  ContentTypes,
  NS,
  attr,
  documentProperties,
  inNs,
  isOn,
  parseXml,
  relType,
  relationships,
  type XmlElement,
  type ZipArchive,
} from './ooxml.js';
import type { DocxLocation, DocxPart, DocxStory, TablePosition, TextPart } from './types.js';

const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const MAIN_TYPES = [
  `${WML}.document.main+xml`,
  `${WML}.template.main+xml`,
  'application/vnd.ms-word.document.macroEnabled.main+xml',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml',
];
const STORY_TYPES: [DocxStory, string][] = [
  ['header', `${WML}.header+xml`],
  ['footer', `${WML}.footer+xml`],
  ['footnote', `${WML}.footnotes+xml`],
  ['endnote', `${WML}.endnotes+xml`],
  ['comment', `${WML}.comments+xml`],
];
const STYLES_TYPE = `${WML}.styles+xml`;
const PEOPLE_TYPE = `${WML}.people+xml`;

/** Is this content type a Word document's main part? (For sniffing in index.ts.) */
export function isDocxType(type: string): boolean {
  return MAIN_TYPES.some((main) => main.toLowerCase() === type);
}

export function extractDocx(zip: ZipArchive, types: ContentTypes): TextPart[] {
  const main = types.partsOfType(...MAIN_TYPES)[0] ?? officeDocument(zip);
  if (!main) throw damaged('no main document part');
  const styles = readStyles(zip, types);
  const people = new People();

  const parts: TextPart[] = [];
  const story = (kind: DocxStory, file: string) => {
    const bytes = zip.read(file);
    if (!bytes) return;
    // Not push(...): a long document has more parts than a call has room for arguments.
    for (const part of readStory(bytes, file, kind, styles, people)) parts.push(part);
  };
  story('body', main);
  for (const [kind, type] of STORY_TYPES) for (const file of types.partsOfType(type)) story(kind, file);

  for (const property of documentProperties(zip, types)) {
    parts.push({
      text: property.value,
      location: { format: 'docx', part: 'properties', detail: property.name, propertySet: property.set, file: property.file },
    });
  }
  readPeopleXml(zip, types, people);
  for (const part of people.parts()) parts.push(part);
  return parts;
}

/** The main part named by the package relationships, when [Content_Types].xml does not say. */
function officeDocument(zip: ZipArchive): string | undefined {
  const rel = relationships(zip, '').find((r) => !r.external && relType(r, 'officeDocument'));
  return rel && zip.has(rel.target) ? zip.actualName(rel.target) : undefined;
}

// ───────────────────────────── styles ─────────────────────────────

interface Style {
  basedOn?: string;
  /** w:vanish in the style's run properties: true, false (explicitly off) or unset. */
  vanish?: boolean;
}

class Styles {
  constructor(
    private readonly byId: Map<string, Style>,
    /** w:vanish in docDefaults, for every run. */
    readonly defaultVanish: boolean | undefined,
  ) {}

  /** Whether a style (through its basedOn chain) hides text; undefined when none of the chain says. */
  vanish(id: string | undefined): boolean | undefined {
    for (let depth = 0; id !== undefined && depth < 32; depth++) {
      const style = this.byId.get(id);
      if (!style) return undefined;
      if (style.vanish !== undefined) return style.vanish;
      id = style.basedOn;
    }
    return undefined;
  }
}

function readStyles(zip: ZipArchive, types: ContentTypes): Styles {
  const byId = new Map<string, Style>();
  let defaultVanish: boolean | undefined;
  const file = types.partsOfType(STYLES_TYPE)[0];
  const bytes = file ? zip.read(file) : undefined;
  if (!file || !bytes) return new Styles(byId, undefined);

  const path: string[] = [];
  let current: Style | undefined;
  parseXml(bytes, file, {
    open: (el) => {
      path.push(inNs(el, NS.w) ? el.local : '*');
      const parent = path.at(-2);
      const grandparent = path.at(-3);
      if (el.local === 'style' && parent === 'styles') {
        current = {};
        const id = attr(el, 'styleId');
        if (id !== undefined) byId.set(id, current);
      } else if (current && el.local === 'basedOn' && parent === 'style') {
        current.basedOn = attr(el, 'val');
      } else if (el.local === 'vanish' && parent === 'rPr') {
        if (current && grandparent === 'style') current.vanish = isOn(attr(el, 'val'));
        else if (grandparent === 'rPrDefault') defaultVanish = isOn(attr(el, 'val'));
      }
    },
    close: (el) => {
      path.pop();
      if (el.local === 'style') current = undefined;
    },
  });
  return new Styles(byId, defaultVanish);
}

// ───────────────────────────── people ─────────────────────────────

/** Names Word writes by itself: they are personal data even when nobody typed them into the text. */
class People {
  private readonly seen = new Map<string, { role: string; file: string }>();

  add(role: 'comment_author' | 'revision_author' | 'person' | 'person_user_id', name: string | undefined, file: string): void {
    const value = name?.trim();
    if (!value) return;
    const key = `${role}\u0000${value}`;
    if (!this.seen.has(key)) this.seen.set(key, { role, file });
  }

  parts(): TextPart[] {
    return [...this.seen].map(([key, { role, file }]) => ({
      text: key.slice(key.indexOf('\u0000') + 1),
      location: { format: 'docx', part: 'properties', detail: role, propertySet: 'people', file },
    }));
  }
}

/** Elements that carry w:author: revisions of text, of formatting, of tables. */
const AUTHORED = new Set([
  'ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'pPrChange', 'sectPrChange', 'tblPrChange', 'tblGridChange',
  'trPrChange', 'tcPrChange', 'cellIns', 'cellDel', 'cellMerge', 'numberingChange', 'customXmlInsRangeStart',
  'customXmlDelRangeStart', 'customXmlMoveFromRangeStart', 'customXmlMoveToRangeStart', 'moveFromRangeStart', 'moveToRangeStart',
]);

function readPeopleXml(zip: ZipArchive, types: ContentTypes, people: People): void {
  const file = types.partsOfType(PEOPLE_TYPE)[0];
  const bytes = file ? zip.read(file) : undefined;
  if (!file || !bytes) return;
  parseXml(bytes, file, {
    open: (el) => {
      if (el.local === 'person') people.add('person', attr(el, 'author'), file);
      else if (el.local === 'presenceInfo') people.add('person_user_id', attr(el, 'userId'), file);
    },
  });
}

// ───────────────────────────── stories ─────────────────────────────

type RunClass = 'normal' | 'tracked_insertion' | 'tracked_deletion' | 'hidden_text';

interface Segment {
  part: Exclude<RunClass, 'normal'>;
  author?: string;
  text: string;
}

interface Paragraph {
  index: number;
  table?: TablePosition;
  /** The paragraph style's vanish, if it says. */
  styleVanish?: boolean;
  /** The text as shown with changes accepted: normal and inserted runs. */
  shown: string;
  segments: Segment[];
  /** The segment the last text went to, so that adjacent runs of one kind join. */
  open?: Segment;
}

interface Run {
  vanish?: boolean;
  styleVanish?: boolean;
}

interface Revision {
  element: XmlElement;
  kind: 'ins' | 'del';
  author?: string;
}

/** Where w:ins/w:del are property marks (a paragraph mark or table row inserted), not containers of runs. */
const PROPERTY_PARENTS = new Set(['rPr', 'pPr', 'trPr', 'tcPr', 'tblPr', 'sectPr', 'numPr', 'tblPrEx']);
/** Run children that stand for characters. */
const RUN_CHARACTERS: Record<string, string> = { tab: '\t', ptab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' };

function readStory(bytes: Buffer, file: string, story: DocxStory, styles: Styles, people: People): TextPart[] {
  const parts: TextPart[] = [];
  /** Element path: w: names bare, math as m:, markup compatibility as mc:, anything else '*'. */
  const path: string[] = [];
  const paragraphs: Paragraph[] = [];
  const runs: Run[] = [];
  const tables: TablePosition[] = [];
  const revisions: Revision[] = [];
  let paragraphCount = 0;
  let tableCount = 0;
  let commentAuthor: string | undefined;
  /** The w:id of the footnote or endnote being read. */
  let noteId: string | undefined;
  /** Inside mc:Fallback: the same content again, for older readers. */
  let skipping: XmlElement | undefined;
  /** Inside w:t, w:delText or m:t. */
  let collecting: 'text' | 'deleted' | undefined;

  const add = (text: string, deletedText: boolean) => {
    const paragraph = paragraphs.at(-1);
    const run = runs.at(-1);
    if (!paragraph || !run || !text) return;
    const del = revisions.findLast((r) => r.kind === 'del');
    const hidden = run.vanish ?? run.styleVanish ?? paragraph.styleVanish ?? styles.defaultVanish ?? false;
    const ins = revisions.findLast((r) => r.kind === 'ins');
    let part: RunClass = 'normal';
    let author: string | undefined;
    if (del || deletedText) [part, author] = ['tracked_deletion', del?.author];
    else if (hidden) part = 'hidden_text';
    else if (ins) [part, author] = ['tracked_insertion', ins.author];

    if (part === 'normal' || part === 'tracked_insertion') paragraph.shown += text;
    if (part === 'normal') {
      paragraph.open = undefined;
      return;
    }
    const open = paragraph.open;
    if (open && open.part === part && open.author === author) {
      open.text += text;
    } else {
      paragraph.open = { part, text, ...(author ? { author } : {}) };
      paragraph.segments.push(paragraph.open);
    }
  };

  const location = (paragraph: Paragraph, part: DocxPart, detail: string | undefined): DocxLocation => ({
    format: 'docx',
    part,
    paragraph: paragraph.index,
    ...(detail ? { detail } : {}),
    ...(part === story ? {} : { story }),
    file,
    ...(paragraph.table ? { table: paragraph.table } : {}),
  });

  const finishParagraph = (paragraph: Paragraph) => {
    const detail =
      story === 'header' || story === 'footer' ? file : story === 'comment' ? commentAuthor : story === 'footnote' || story === 'endnote' ? noteId : undefined;
    if (paragraph.shown.trim()) parts.push({ text: paragraph.shown, location: location(paragraph, story, detail) });
    for (const segment of paragraph.segments) {
      if (segment.text.trim()) parts.push({ text: segment.text, location: location(paragraph, segment.part, segment.author) });
    }
  };

  parseXml(bytes, file, {
    open: (el) => {
      if (skipping) return;
      const w = inNs(el, NS.w);
      const name = w ? el.local : inNs(el, NS.m) ? `m:${el.local}` : inNs(el, NS.mc) ? `mc:${el.local}` : '*';
      path.push(name);
      const parent = path.at(-2);
      if (w && AUTHORED.has(el.local)) people.add('revision_author', attr(el, 'author'), file);

      switch (name) {
        case 'mc:Fallback':
          path.pop();
          skipping = el;
          return;
        case 'p':
          paragraphs.push({ index: ++paragraphCount, shown: '', segments: [], ...(tables.length ? { table: { ...tables.at(-1)! } } : {}) });
          return;
        case 'r':
        case 'm:r':
          runs.push({});
          return;
        case 't':
        case 'm:t':
          if (parent === 'r' || parent === 'm:r') collecting = 'text';
          return;
        case 'delText':
          if (parent === 'r') collecting = 'deleted';
          return;
        case 'ins':
        case 'moveTo':
        case 'del':
        case 'moveFrom':
          if (!PROPERTY_PARENTS.has(parent ?? '')) {
            const author = attr(el, 'author');
            revisions.push({ element: el, kind: name === 'ins' || name === 'moveTo' ? 'ins' : 'del', ...(author ? { author } : {}) });
          }
          return;
        case 'vanish':
          if (parent === 'rPr' && (path.at(-3) === 'r' || path.at(-3) === 'm:r')) {
            const run = runs.at(-1);
            if (run) run.vanish = isOn(attr(el, 'val'));
          }
          return;
        case 'rStyle':
          if (parent === 'rPr' && path.at(-3) === 'r') {
            const run = runs.at(-1);
            if (run) run.styleVanish = styles.vanish(attr(el, 'val'));
          }
          return;
        case 'pStyle':
          if (parent === 'pPr') {
            const paragraph = paragraphs.at(-1);
            if (paragraph) paragraph.styleVanish = styles.vanish(attr(el, 'val'));
          }
          return;
        case 'tbl':
          tables.push({ table: ++tableCount, row: 0, column: 0 });
          return;
        case 'tr': {
          const table = tables.at(-1);
          if (table) [table.row, table.column] = [table.row + 1, 0];
          return;
        }
        case 'tc': {
          const table = tables.at(-1);
          if (table) table.column++;
          return;
        }
        case 'comment':
          commentAuthor = attr(el, 'author');
          people.add('comment_author', commentAuthor, file);
          return;
        case 'footnote':
        case 'endnote':
          if (parent === 'footnotes' || parent === 'endnotes') noteId = attr(el, 'id');
          return;
        default: {
          const character = w && parent === 'r' ? RUN_CHARACTERS[el.local] : undefined;
          if (character) add(character, false);
        }
      }
    },
    text: (text) => {
      if (collecting && !skipping) add(text, collecting === 'deleted');
    },
    close: (el) => {
      if (skipping) {
        if (skipping === el) skipping = undefined;
        return;
      }
      const name = path.pop();
      switch (name) {
        case 'p': {
          const paragraph = paragraphs.pop();
          if (paragraph) finishParagraph(paragraph);
          return;
        }
        case 'r':
        case 'm:r':
          runs.pop();
          return;
        case 't':
        case 'm:t':
        case 'delText':
          collecting = undefined;
          return;
        case 'tbl':
          tables.pop();
          return;
        case 'comment':
          commentAuthor = undefined;
          return;
        case 'footnote':
        case 'endnote':
          noteId = undefined;
          return;
        default:
          if (revisions.at(-1)?.element === el) revisions.pop();
      }
    },
  });

  // Text boxes are paragraphs inside a paragraph and finish first: put them back in reading order.
  return parts.sort((a, b) => ((a.location as DocxLocation).paragraph ?? 0) - ((b.location as DocxLocation).paragraph ?? 0));
}
