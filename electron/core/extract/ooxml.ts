/**
 * The package layer under docx.ts and xlsx.ts: the zip, its XML parts, content types, relationships,
 * document properties; and a peek into OLE compound files, where Office keeps password-protected
 * documents and the old binary formats.
 *
 * Attachments come from outside (citizens' applications, other agencies), so everything here expects
 * hostile input:
 * - The zip is read from its central directory with node:zlib. Each entry's declared size is checked
 *   before inflating, and inflation runs with zlib's maxOutputLength, which stops a lying entry at the
 *   limit instead of allocating what it expands to. (fflate's unzipSync preallocates the declared size
 *   and silently drops what overflows it; JSZip inflates whole entries with no cap.)
 * - XML goes through saxes, a strict non-validating parser that never reads a DTD or resolves an
 *   external entity; any DOCTYPE is refused before parsing (OOXML parts never have one), which stops
 *   entity bombs and XXE alike. saxes streams, so a 50 MB sheet is not held as a DOM.
 * - Entry names are matched case-insensitively (OPC part names are), and two entries that differ only
 *   in case are refused: a reader picking one and Word the other would hide text from the review.
 */
import zlib from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { damaged, extractError, isAppError, tooLarge } from './errors.js';
import type { ExtractLimits, PropertySet } from './types.js';

// ───────────────────────────── zip ─────────────────────────────

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** What may still be inflated from one attachment, shared by a document and the documents embedded in it. */
export interface Budget {
  left: number;
}

/** A zip held in memory; entries are inflated one at a time, on request, within the limits. */
export class ZipArchive {
  private readonly entries = new Map<string, ZipEntry>();

  constructor(
    private readonly data: Buffer,
    private readonly limits: Required<ExtractLimits>,
    private readonly budget: Budget = { left: limits.maxTotalBytes },
  ) {
    let declared = 0;
    for (const entry of readCentralDirectory(data)) {
      const key = entry.name.toLowerCase();
      if (this.entries.has(key)) throw damaged(`duplicate zip entry ${entry.name}`);
      this.entries.set(key, entry);
      declared += entry.size;
    }
    // The whole archive, not only the parts we read: a file that claims to unpack to more than the
    // limit is not an ordinary attachment, and whoever opens it next may unpack all of it.
    if (declared > budget.left) throw tooLarge(limits.maxTotalBytes);
  }

  /** Entry names as stored, in central-directory order. */
  names(): string[] {
    return [...this.entries.values()].map((entry) => entry.name);
  }

  has(name: string): boolean {
    return this.entries.has(stripSlash(name).toLowerCase());
  }

  /** The stored name of an entry (case as in the zip), if present. */
  actualName(name: string): string | undefined {
    return this.entries.get(stripSlash(name).toLowerCase())?.name;
  }

  /** An entry's bytes, or undefined if there is no such entry. */
  read(name: string): Buffer | undefined {
    const entry = this.entries.get(stripSlash(name).toLowerCase());
    if (!entry) return undefined;
    if (entry.flags & 0x1) throw extractError('extract.encrypted', { format: 'zip' });
    // The tighter of the two limits, and which one it is, for the message.
    const cap = Math.min(this.limits.maxEntryBytes, this.budget.left);
    const limit = cap === this.limits.maxEntryBytes ? this.limits.maxEntryBytes : this.limits.maxTotalBytes;
    if (entry.size > cap) throw tooLarge(limit);

    const { data } = this;
    const at = entry.localOffset;
    if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL) throw damaged(`bad local header for ${entry.name}`);
    const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > data.length) throw damaged(`truncated zip entry ${entry.name}`);
    const raw = data.subarray(start, end);

    let out: Buffer;
    if (entry.method === 0) {
      out = Buffer.from(raw);
    } else if (entry.method === 8) {
      try {
        out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(cap, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(limit);
        throw damaged(`cannot inflate ${entry.name}: ${(error as Error).message}`);
      }
    } else {
      throw damaged(`unsupported compression method ${entry.method} in ${entry.name}`);
    }
    if (out.length !== entry.size) throw damaged(`size mismatch in ${entry.name}`);
    if (zlib.crc32(out) !== entry.crc) throw damaged(`checksum mismatch in ${entry.name}`);
    this.budget.left -= out.length;
    return out;
  }
}

const stripSlash = (name: string) => (name.startsWith('/') ? name.slice(1) : name);

function readCentralDirectory(data: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= 0 && i >= data.length - 22 - MAX_COMMENT; i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('zip end record not found (truncated?)');

  if (data.readUInt16LE(eocd + 4) !== 0 || data.readUInt16LE(eocd + 6) !== 0) throw damaged('multi-volume zip');
  let count = data.readUInt16LE(eocd + 10);
  let size = data.readUInt32LE(eocd + 12);
  let offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || data.readUInt32LE(locator) !== ZIP64_LOCATOR) throw damaged('zip64 locator missing');
    const record = safeNumber(data.readBigUInt64LE(locator + 8));
    if (record + 56 > data.length || data.readUInt32LE(record) !== ZIP64_EOCD) throw damaged('zip64 end record missing');
    count = safeNumber(data.readBigUInt64LE(record + 32));
    size = safeNumber(data.readBigUInt64LE(record + 40));
    offset = safeNumber(data.readBigUInt64LE(record + 48));
  }
  if (offset + size > data.length) throw damaged('zip central directory out of range (truncated?)');
  // Each record is at least 46 bytes; a count the directory cannot hold is a lie.
  if (count * 46 > size) throw damaged('zip entry count does not fit the directory');

  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || data.readUInt32LE(at) !== CENTRAL) throw damaged('bad zip central directory');
    const flags = data.readUInt16LE(at + 8);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd + commentLength > offset + size) throw damaged('bad zip central directory');
    const entry: ZipEntry = {
      // Bit 11 says UTF-8; OOXML part names are ASCII (percent-encoded) either way.
      name: data.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, nameEnd),
      flags,
      method: data.readUInt16LE(at + 10),
      crc: data.readUInt32LE(at + 16),
      compressedSize: data.readUInt32LE(at + 20),
      size: data.readUInt32LE(at + 24),
      localOffset: data.readUInt32LE(at + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      readZip64Extra(data.subarray(nameEnd, extraEnd), entry);
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Sizes and offset that did not fit 32 bits, in the zip64 extra field, in this order, each only if needed. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) throw damaged('bad zip64 extra field');
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localOffset === 0xffffffff) entry.localOffset = next();
      return;
    }
    at += 4 + length;
  }
  throw damaged('zip64 extra field missing');
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('zip64 value out of range');
  return Number(value);
}

// ───────────────────────────── XML ─────────────────────────────

export const NS = {
  w: ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  s: ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'],
  r: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  m: ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'http://purl.oclc.org/ooxml/officeDocument/math'],
} as const;

/** An element as the handlers see it: namespace resolved, attributes by qualified name. */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  uri: string;
  local: string;
  attributes: Record<string, string>;
  /** Namespace URI of a prefix in scope here (for attribute values such as r:id). */
  resolve(prefix: string): string;
}

export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
  text?(text: string): void;
}

/** Anywhere in the part, even in a comment: no OOXML writer puts one there, and a false alarm costs only a manual check. */
const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

/** Decodes an XML part: UTF-8 unless a byte-order mark says UTF-16. */
export function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // drops a UTF-8 BOM
}

/**
 * Streams one XML part through the handlers. Namespaces are tracked here rather than by saxes
 * (its xmlns mode is 2.5× slower): OOXML declares them on the root, so scopes are rarely pushed.
 */
export function parseXml(bytes: Buffer, file: string, handlers: XmlHandlers): void {
  const xml = decodeXml(bytes);
  if (DOCTYPE.test(xml)) throw extractError('extract.entity_bomb', { file });

  const parser = new SaxesParser({ xmlns: false, position: false });
  // Namespace scopes: the bindings and the depth at which each scope was opened. Maps, so that a
  // prefix named __proto__ or constructor is just a name.
  let scope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  const scopes: { depth: number; previous: Map<string, string>; resolve: (prefix: string) => string }[] = [];
  const stack: XmlElement[] = [];
  // One resolver per scope, not per element: a sheet has millions of elements.
  const resolverOf = (bindings: Map<string, string>) => (prefix: string) => bindings.get(prefix) ?? '';
  let resolve = resolverOf(scope);

  parser.on('doctype', () => {
    throw extractError('extract.entity_bomb', { file });
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const attributes = tag.attributes;
    let declared: Map<string, string> | undefined;
    for (const key in attributes) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        declared ??= new Map(scope);
        declared.set(key === 'xmlns' ? '' : key.slice(6), attributes[key] ?? '');
      }
    }
    if (declared) {
      scopes.push({ depth: stack.length, previous: scope, resolve });
      scope = declared;
      resolve = resolverOf(scope);
    }
    const colon = tag.name.indexOf(':');
    const prefix = colon < 0 ? '' : tag.name.slice(0, colon);
    const element: XmlElement = {
      uri: scope.get(prefix) ?? '',
      local: colon < 0 ? tag.name : tag.name.slice(colon + 1),
      attributes,
      resolve,
    };
    stack.push(element);
    handlers.open?.(element);
  });
  parser.on('closetag', () => {
    const element = stack.pop();
    if (!element) return;
    handlers.close?.(element);
    const top = scopes.at(-1);
    if (top && top.depth === stack.length) {
      scope = top.previous;
      resolve = top.resolve;
      scopes.pop();
    }
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (isAppError(error)) throw error;
    throw damaged(`${file}: ${(error as Error).message}`);
  }
}

/** An attribute by local name, whatever its prefix (OOXML never puts two with one local name on an element). */
export function attr(element: XmlElement, local: string): string | undefined {
  const direct = element.attributes[local];
  if (direct !== undefined) return direct;
  for (const key in element.attributes) {
    const colon = key.indexOf(':');
    if (colon >= 0 && key.slice(colon + 1) === local && key.slice(0, colon) !== 'xmlns') return element.attributes[key];
  }
  return undefined;
}

/** An attribute in a given namespace (r:id on a sheet or header reference). */
export function attrNs(element: XmlElement, uris: readonly string[], local: string): string | undefined {
  for (const key in element.attributes) {
    const colon = key.indexOf(':');
    if (colon < 0 || key.slice(colon + 1) !== local) continue;
    if (uris.includes(element.resolve(key.slice(0, colon)))) return element.attributes[key];
  }
  return undefined;
}

export const inNs = (element: XmlElement, uris: readonly string[]) => uris.includes(element.uri);

/** OOXML's on/off values: absent means on. */
export function isOn(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

// ───────────────────────────── package ─────────────────────────────

export const CONTENT_TYPES = '[Content_Types].xml';

/** The content type of each part, from [Content_Types].xml (overrides, then defaults by extension). */
export class ContentTypes {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();

  constructor(private readonly zip: ZipArchive) {
    const bytes = zip.read(CONTENT_TYPES);
    if (!bytes) throw damaged('[Content_Types].xml missing');
    parseXml(bytes, CONTENT_TYPES, {
      open: (el) => {
        if (el.local === 'Default') {
          const ext = attr(el, 'Extension');
          const type = attr(el, 'ContentType');
          if (ext && type) this.defaults.set(ext.toLowerCase(), type.toLowerCase());
        } else if (el.local === 'Override') {
          const part = attr(el, 'PartName');
          const type = attr(el, 'ContentType');
          if (part && type) this.overrides.set(stripSlash(part).toLowerCase(), type.toLowerCase());
        }
      },
    });
  }

  typeOf(name: string): string | undefined {
    const key = stripSlash(name).toLowerCase();
    const override = this.overrides.get(key);
    if (override) return override;
    const dot = key.lastIndexOf('.');
    return dot < 0 ? undefined : this.defaults.get(key.slice(dot + 1));
  }

  /** Entries of the zip with one of these content types, in natural name order (header2 before header10). */
  partsOfType(...types: string[]): string[] {
    const wanted = new Set(types.map((type) => type.toLowerCase()));
    return this.zip
      .names()
      .filter((name) => !name.endsWith('/') && wanted.has(this.typeOf(name) ?? ''))
      .sort(naturalCompare);
  }

  /** Every declared type, to tell a docx from an xlsx. */
  allTypes(): Set<string> {
    return new Set([...this.overrides.values()]);
  }
}

export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface Relationship {
  id: string;
  type: string;
  /** The target part's name in the zip (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

/** The relationships of a part (its _rels/<name>.rels), targets resolved against the part's folder. */
export function relationships(zip: ZipArchive, part: string): Relationship[] {
  const slash = part.lastIndexOf('/');
  const folder = slash < 0 ? '' : part.slice(0, slash + 1);
  const relsName = `${folder}_rels/${part.slice(slash + 1)}.rels`;
  const bytes = zip.read(relsName);
  if (!bytes) return [];
  const out: Relationship[] = [];
  parseXml(bytes, relsName, {
    open: (el) => {
      if (el.local !== 'Relationship') return;
      const id = attr(el, 'Id');
      const type = attr(el, 'Type') ?? '';
      const target = attr(el, 'Target');
      if (!id || !target) return;
      const external = attr(el, 'TargetMode') === 'External';
      out.push({ id, type, target: external ? target : resolvePartName(folder, target), external });
    },
  });
  return out;
}

function resolvePartName(folder: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target);
  } catch {
    path = target;
  }
  const segments = (path.startsWith('/') ? path.slice(1) : folder + path).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** Relationship types end the same in transitional and strict OOXML. */
export const relType = (rel: Relationship, suffix: string) => rel.type.endsWith(`/${suffix}`);

export const TYPES = {
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
} as const;

export interface Property {
  set: PropertySet;
  name: string;
  value: string;
  file: string;
}

const CORE_PROPERTIES = new Set(['creator', 'lastModifiedBy', 'title', 'subject', 'keywords', 'description', 'category']);
const APP_PROPERTIES = new Set(['Company', 'Manager']);

/**
 * Document properties that name people or describe the content: core (creator, lastModifiedBy,
 * title, subject, keywords, description, category), app (Company, Manager) and every custom one.
 */
export function documentProperties(zip: ZipArchive, types: ContentTypes): Property[] {
  const out: Property[] = [];
  const find = (type: string, fallback: string) => types.partsOfType(type)[0] ?? (zip.has(fallback) ? zip.actualName(fallback) : undefined);

  const simple = (file: string | undefined, set: PropertySet, wanted: Set<string>) => {
    const bytes = file ? zip.read(file) : undefined;
    if (!file || !bytes) return;
    let depth = 0;
    let current: string | undefined;
    let text = '';
    parseXml(bytes, file, {
      open: (el) => {
        depth++;
        if (depth === 2 && wanted.has(el.local)) {
          current = el.local;
          text = '';
        }
      },
      text: (t) => {
        if (current) text += t;
      },
      close: () => {
        if (depth === 2 && current) {
          if (text.trim()) out.push({ set, name: current, value: text, file });
          current = undefined;
        }
        depth--;
      },
    });
  };
  simple(find(TYPES.core, 'docProps/core.xml'), 'core', CORE_PROPERTIES);
  simple(find(TYPES.app, 'docProps/app.xml'), 'app', APP_PROPERTIES);

  const custom = find(TYPES.custom, 'docProps/custom.xml');
  const bytes = custom ? zip.read(custom) : undefined;
  if (custom && bytes) {
    let name: string | undefined;
    let text = '';
    parseXml(bytes, custom, {
      open: (el) => {
        if (el.local === 'property') {
          name = attr(el, 'name') ?? '';
          text = '';
        }
      },
      text: (t) => {
        if (name !== undefined) text += t;
      },
      close: (el) => {
        if (el.local === 'property' && name !== undefined) {
          if (text.trim()) out.push({ set: 'custom', name, value: text, file: custom });
          name = undefined;
        }
      },
    });
  }
  return out;
}

// ───────────────────────────── OLE compound files ─────────────────────────────

export const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;

/**
 * The names of the storages and streams in an OLE compound file (MS-CFB). Enough to tell a
 * password-protected OOXML document (EncryptionInfo + EncryptedPackage) from an old .doc or .xls.
 */
export function cfbEntryNames(data: Buffer): string[] {
  if (data.length < 512 || !data.subarray(0, 8).equals(CFB_MAGIC)) throw damaged('not a compound file');
  const shift = data.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw damaged('bad compound file sector size');
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((data.length - sectorSize) / sectorSize) + 1;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  const perSector = sectorSize / 4;

  // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = data.readUInt32LE(0x2c);
  if (fatCount > sectorCount) throw damaged('bad compound file FAT');
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(data.readUInt32LE(0x4c + i * 4));
  let difat = data.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatCount && difat <= MAX_REGULAR_SECTOR; hops++) {
    if (hops > sectorCount || offsetOf(difat) + sectorSize > data.length) throw damaged('bad compound file DIFAT');
    const base = offsetOf(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(data.readUInt32LE(base + i * 4));
    difat = data.readUInt32LE(base + (perSector - 1) * 4);
  }
  const next = (sector: number): number => {
    const fatSector = fatSectors[Math.floor(sector / perSector)];
    if (fatSector === undefined || fatSector > MAX_REGULAR_SECTOR) throw damaged('bad compound file FAT');
    const at = offsetOf(fatSector) + (sector % perSector) * 4;
    if (at + 4 > data.length) throw damaged('truncated compound file');
    return data.readUInt32LE(at);
  };

  const names: string[] = [];
  let sector = data.readUInt32LE(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (sector > MAX_REGULAR_SECTOR || hops > sectorCount) throw damaged('bad compound file directory');
    const base = offsetOf(sector);
    if (base + sectorSize > data.length) throw damaged('truncated compound file');
    for (let at = base; at < base + sectorSize; at += 128) {
      const type = data[at + 0x42];
      const length = data.readUInt16LE(at + 0x40);
      if ((type === 1 || type === 2 || type === 5) && length >= 2 && length <= 64) {
        names.push(data.toString('utf16le', at, at + length - 2));
      }
    }
    sector = next(sector);
  }
  return names;
}
