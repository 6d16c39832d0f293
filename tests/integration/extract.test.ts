import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  Footer,
  FootnoteReferenceRun,
  Header,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { EXTRACT_ERROR_CODES, extractText, type ExtractResult, type Location, type TextPart } from '../../electron/core/extract/index.js';
import { TINY_PNG } from '../support/docx-fixture.js';

// ───────────────────────────── helpers ─────────────────────────────

/** The parts whose text contains the needle. */
const containing = (result: ExtractResult, needle: string): TextPart[] => result.parts.filter((part) => part.text.includes(needle));

/** The one part containing the needle, with its location. */
function only(result: ExtractResult, needle: string): Location {
  const found = containing(result, needle);
  expect(found.map((part) => part.location), `parts containing ${needle}`).toHaveLength(1);
  return found[0]!.location;
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected an error');
}

/** Rewrites entries of a zip (a docx from the docx package) and zips it again. */
function patchZip(data: Buffer, patch: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(new Uint8Array(data));
  patch(files);
  return Buffer.from(zipSync(files));
}

const editXml = (files: Record<string, Uint8Array>, name: string, edit: (xml: string) => string) => {
  files[name] = strToU8(edit(strFromU8(files[name]!)));
};

interface RawEntry {
  name: string;
  /** The stored bytes, already deflated when method is 8. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  /** Declared uncompressed size: honest or not. */
  size: number;
  flags?: number;
}

/**
 * A zip written byte by byte, so that sizes, checksums and flags can lie. With zip64, every size and
 * offset goes to the zip64 fields, as some packaging libraries write even small files.
 */
function rawZip(entries: RawEntry[], zip64 = false): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const MAX = 0xffffffff;
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(zip64 ? 45 : 20, 4);
    local.writeUInt16LE((entry.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(entry.size), 4);
      extra.writeBigUInt64LE(BigInt(entry.data.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(zip64 ? 45 : 20, 4);
    central.writeUInt16LE(zip64 ? 45 : 20, 6);
    central.writeUInt16LE((entry.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(zip64 ? MAX : entry.data.length, 20);
    central.writeUInt32LE(zip64 ? MAX : entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(zip64 ? MAX : offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name, extra);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(directory.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directory.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(zip64 ? MAX : directory.length, 12);
  end.writeUInt32LE(zip64 ? MAX : offset, 16);
  return Buffer.concat([...locals, directory, ...tail, end]);
}

const stored = (name: string, text: string): RawEntry => {
  const data = Buffer.from(text, 'utf8');
  return { name, data, method: 0, crc: zlib.crc32(data), size: data.length };
};

/**
 * A deflate stream of `megabytes` MB of zeros in about 1 KB per MB, made without holding the zeros:
 * after a full flush a block does not refer back, so one flushed block of 1 MB can be repeated.
 */
async function zerosDeflated(megabytes: number): Promise<Buffer> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const flush = () => new Promise<void>((resolve) => deflate.flush(zlib.constants.Z_FULL_FLUSH, () => resolve()));
  const mb = Buffer.alloc(1024 * 1024);
  deflate.write(mb);
  await flush();
  const first = Buffer.concat(chunks.splice(0));
  deflate.write(mb);
  await flush();
  const repeated = Buffer.concat(chunks.splice(0));
  deflate.end();
  await new Promise((resolve) => deflate.on('end', resolve));
  const last = Buffer.concat(chunks.splice(0));
  return Buffer.concat([first, ...Array.from({ length: megabytes - 1 }, () => repeated), last]);
}

const CONTENT_TYPES_DOCX = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** An OLE compound file with the given streams (all empty): enough for sniffing. */
function compoundFile(streams: string[]): Buffer {
  const sector = 512;
  const out = Buffer.alloc(sector * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // one FAT sector
  out.writeUInt32LE(1, 0x30); // directory in sector 1
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(0xfffffffe, 0x3c);
  out.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = sector; // sector 0
  out.fill(0xff, fat, fat + sector);
  out.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT
  out.writeUInt32LE(0xfffffffe, fat + 4); // sector 1, the directory, ends its chain
  const dir = sector * 2;
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = dir + i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(out, at);
    out.writeUInt16LE(encoded.length, at + 0x40);
    out[at + 0x42] = i === 0 ? 5 : 2;
    out[at + 0x43] = 1;
    out.writeUInt32LE(0xffffffff, at + 0x44);
    out.writeUInt32LE(i > 0 && i < streams.length ? i + 1 : 0xffffffff, at + 0x48);
    out.writeUInt32LE(i === 0 && streams.length ? 1 : 0xffffffff, at + 0x4c);
    out.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return out;
}

// ───────────────────────────── fixtures ─────────────────────────────

const DATE = '2026-03-01T09:00:00Z';

/** A notice as an office drafts it, with every kind of hidden place holding a phone number or an ID. */
async function reviewDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: '张三',
    lastModifiedBy: '赵六',
    title: '关于发放2026年度困难群众救助资金的公示',
    subject: '救助资金',
    keywords: '公示;救助',
    description: '经办人 13600001111',
    customProperties: [{ name: '审核人', value: '钱七' }],
    styles: { characterStyles: [{ id: 'Secret', name: 'Secret', run: { vanish: true } }] },
    comments: {
      children: [{ id: 0, author: '李四', date: new Date(DATE), children: [new Paragraph('请核实申请人电话 13912345678')] }],
    },
    footnotes: { 1: { children: [new Paragraph('数据来源：民政办 13700000000')] } },
    endnotes: { 1: { children: [new Paragraph('尾注 13755556666')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('内部资料 注意保密')] }) },
        footers: { default: new Footer({ children: [new Paragraph('经办人 孙八 13899990000')] }) },
        children: [
          new Paragraph('关于发放2026年度困难群众救助资金的公示'),
          // One number over three runs, as Word splits text at every formatting change.
          new Paragraph({ children: [new TextRun('咨询电话：138'), new TextRun({ text: '0013', bold: true }), new TextRun('8001。')] }),
          new Paragraph({
            children: [
              new TextRun('联系电话：'),
              new DeletedTextRun({ text: '13800138000', id: 1, author: '王五', date: DATE }),
              new InsertedTextRun({ text: '66668888', id: 2, author: '王五', date: DATE }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('申请人已核实'),
              new TextRun({ text: '，身份证号 110105199003071234', vanish: true }),
              new FootnoteReferenceRun(1),
              new EndnoteReferenceRun(1),
            ],
          }),
          new Paragraph({ children: [new TextRun('备注'), new TextRun({ text: '样式隐藏 13622223333', style: 'Secret' })] }),
          new Paragraph({
            children: [new CommentRangeStart(0), new TextRun('张某某 2000 元'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
          }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('姓名')] }), new TableCell({ children: [new Paragraph('身份证号')] })] }),
              new TableRow({
                children: [new TableCell({ children: [new Paragraph('王某')] }), new TableCell({ children: [new Paragraph('44088219800101123X')] })],
              }),
            ],
          }),
        ],
      },
    ],
  });
  const built = await Packer.toBuffer(doc);
  return patchZip(built, (files) => {
    editXml(files, 'docProps/app.xml', (xml) => xml.replace('/>', '><Company>某某县民政局</Company><Manager>周九</Manager></Properties>'));
    // A text box as Word writes it: the DrawingML version, and a VML copy for old readers.
    const box = (text: string) => `<w:txbxContent><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:txbxContent>`;
    const textBox =
      `<w:p><w:r><w:t>见右侧</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('文本框 13044445555')}</wps:txbx></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:textbox>${box('文本框 13044445555')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    // Tab stops are not tabs; a paragraph mark's own deletion is no deleted text.
    const marks = '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:rPr><w:del w:id="9" w:author="X" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>甲</w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r></w:p>';
    editXml(files, 'word/document.xml', (xml) => xml.replace(/<w:sectPr(?![\s\S]*<w:sectPr)/, `${textBox}${marks}<w:sectPr`));
  });
}

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>`;
const S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A subsidy roster: the public sheet, a hidden working sheet and a very hidden one, written part by part. */
function rosterXlsx(): Buffer {
  const files: Record<string, string> = {
    '[Content_Types].xml': XLSX_TYPES,
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook ${S}><sheets><sheet name="公示名单" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" state="hidden" r:id="rId2"/><sheet name="底稿" sheetId="3" state="veryHidden" r:id="rId3"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/sharedStrings.xml': `<?xml version="1.0"?><sst ${S} count="5" uniqueCount="5"><si><t>姓名</t></si><si><t>电话</t></si><si><t>张三</t></si><si><r><rPr><b/></rPr><t>李</t></r><r><t>四</t></r><rPh sb="0" eb="1"><t>LI</t></rPh></si><si><t>身份证号 11010519900307123X</t></si></sst>`,
    'xl/worksheets/sheet1.xml':
      `<?xml version="1.0"?><worksheet ${S}><cols><col min="3" max="3" width="9" hidden="1" customWidth="1"/><col min="4" max="4" width="0" customWidth="1"/></cols><sheetData>` +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>13800138000</v></c><c r="C2" t="inlineStr"><is><t>隐藏列 13511112222</t></is></c><c r="D2" t="str"><f>"宽度为零"</f><v>宽度为零 13522223333</v></c></row>' +
      '<row r="3" hidden="1"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>1.1010519900307123E+17</v></c></row>' +
      '<row r="4" ht="0" customHeight="1"><c r="A4" t="inlineStr"><is><r><t>零行高 </t></r><r><t>13533334444</t></r></is></c></row>' +
      // Cells and rows without r, as some generators write them: positions follow on.
      '<row><c t="inlineStr"><is><t>第五行</t></is></c><c><v>42</v></c></row>' +
      '</sheetData><headerFooter><oddHeader>&amp;L&amp;"宋体,常规"&amp;12制表人：王五&amp;R&amp;P</oddHeader></headerFooter></worksheet>',
    'xl/worksheets/_rels/sheet1.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    'xl/comments1.xml': `<?xml version="1.0"?><comments ${S}><authors><author>审核员甲</author></authors><commentList><comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>审核员甲:</t></r><r><t xml:space="preserve">\n本人电话 13912345678</t></r></text></comment></commentList></comments>`,
    'xl/worksheets/sheet2.xml': `<?xml version="1.0"?><worksheet ${S}><sheetData><row r="7"><c r="C7" t="s"><v>4</v></c></row></sheetData></worksheet>`,
    'xl/worksheets/sheet3.xml': `<?xml version="1.0"?><worksheet ${S}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>底稿 13700001111</t></is></c></row></sheetData></worksheet>`,
    'docProps/core.xml': `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>张三</dc:creator><cp:lastModifiedBy>王五</cp:lastModifiedBy><cp:revision>3</cp:revision></cp:coreProperties>`,
    'docProps/app.xml': `<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><Company>某某街道办事处</Company></Properties>`,
  };
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
}

async function textPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor('Zhang San');
  doc.setTitle('Subsidy list');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Contact: Tel 13800138000', { x: 50, y: 780, font, size: 12 });
  page.drawText('ID 110105199003071234', { x: 50, y: 760, font, size: 12 });
  // A sticky note on the page, as a reviewer's markup leaves it.
  const note = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [400, 700, 420, 720],
    Contents: PDFString.of('Call back 13911112222'),
    T: PDFString.of('Li Si'),
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  // A scanned page: an image and no text.
  const image = await doc.embedPng(TINY_PNG);
  doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

async function scannedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(TINY_PNG);
  for (let i = 0; i < 2; i++) doc.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  return Buffer.from(await doc.save());
}

/** A PDF written by hand from its objects (numbered from 1; object 1 the catalog), with a correct xref table. */
function handPdf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const ONE_PAGE = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'];

/** A PDF whose standard security handler wants a user password (its /U matches no empty password). */
function encryptedPdf(): Buffer {
  const hex = (bytes: number) => 'ab'.repeat(bytes);
  return handPdf(
    [...ONE_PAGE, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>', `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`],
    `/Encrypt 4 0 R /ID [<${hex(16)}> <${hex(16)}>] `,
  );
}

/**
 * Chinese as older government PDFs carry it: the non-embedded STSong-Light with the predefined
 * UniGB-UCS2-H CMap. Its text only maps back to Unicode through pdf.js's character maps.
 */
function chinesePdf(text: string): Buffer {
  const codes = [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 12 Tf 20 100 Td <${codes}> Tj ET`;
  return handPdf([
    ...ONE_PAGE,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

// ───────────────────────────── tests ─────────────────────────────

describe('extractText: Word documents', () => {
  it('finds text in every hidden place of a docx, each with its location', async () => {
    const result = await extractText('公示.docx', await reviewDocx());
    expect(result.format).toBe('docx');
    expect(result.unsupported).toBeUndefined();

    // Body text joins Word's runs, so a number split by formatting is whole.
    expect(only(result, '13800138001')).toEqual({ format: 'docx', part: 'body', paragraph: 2, file: 'word/document.xml' });

    // A phone number in a tracked deletion: not in the paragraph as shown, reported on its own.
    expect(only(result, '13800138000')).toEqual({
      format: 'docx', part: 'tracked_deletion', paragraph: 3, detail: '王五', story: 'body', file: 'word/document.xml',
    });
    // The insertion is shown text and is also reported as the revision it is.
    expect(containing(result, '66668888').map((p) => [p.text, p.location])).toEqual([
      ['联系电话：66668888', { format: 'docx', part: 'body', paragraph: 3, file: 'word/document.xml' }],
      ['66668888', { format: 'docx', part: 'tracked_insertion', paragraph: 3, detail: '王五', story: 'body', file: 'word/document.xml' }],
    ]);

    // Hidden runs, directly and through a character style.
    expect(only(result, '110105199003071234')).toMatchObject({ format: 'docx', part: 'hidden_text', paragraph: 4, story: 'body' });
    expect(containing(result, '申请人已核实')[0]?.text).toBe('申请人已核实');
    expect(only(result, '13622223333')).toMatchObject({ part: 'hidden_text', paragraph: 5 });

    // A comment, with its author; the body text it is anchored to stays body.
    expect(only(result, '13912345678')).toEqual({ format: 'docx', part: 'comment', paragraph: 1, detail: '李四', file: 'word/comments.xml' });
    expect(only(result, '张某某 2000 元')).toMatchObject({ part: 'body', paragraph: 6 });

    // Table cells: table, row, column.
    expect(only(result, '44088219800101123X')).toMatchObject({ part: 'body', table: { table: 1, row: 2, column: 2 } });

    // Headers, footers, footnotes and endnotes.
    expect(only(result, '内部资料')).toEqual({ format: 'docx', part: 'header', paragraph: 1, detail: 'word/header1.xml', file: 'word/header1.xml' });
    expect(only(result, '13899990000')).toMatchObject({ part: 'footer', file: 'word/footer1.xml' });
    expect(only(result, '13700000000')).toMatchObject({ part: 'footnote', detail: '1', file: 'word/footnotes.xml' });
    expect(only(result, '13755556666')).toMatchObject({ part: 'endnote', detail: '1', file: 'word/endnotes.xml' });

    // A text box once, not twice (the VML fallback repeats it); tabs become tab characters, tab stops do not.
    expect(only(result, '13044445555')).toMatchObject({ part: 'body', file: 'word/document.xml' });
    expect(containing(result, '甲').map((p) => p.text)).toEqual(['甲\t乙']);
    expect(result.parts.some((p) => p.location.format === 'docx' && p.location.detail === 'X' && p.location.part !== 'properties')).toBe(false);
  });

  it('reports document properties and the people Word records', async () => {
    const result = await extractText('公示.docx', await reviewDocx());
    const properties = result.parts
      .filter((p) => p.location.format === 'docx' && p.location.part === 'properties')
      .map((p) => (p.location.format === 'docx' ? [p.location.propertySet, p.location.detail, p.text] : []));
    expect(properties).toEqual(
      expect.arrayContaining([
        ['core', 'creator', '张三'],
        ['core', 'lastModifiedBy', '赵六'],
        ['core', 'title', '关于发放2026年度困难群众救助资金的公示'],
        ['core', 'subject', '救助资金'],
        ['core', 'keywords', '公示;救助'],
        ['core', 'description', '经办人 13600001111'],
        ['app', 'Company', '某某县民政局'],
        ['app', 'Manager', '周九'],
        ['custom', '审核人', '钱七'],
        ['people', 'revision_author', '王五'],
        ['people', 'comment_author', '李四'],
      ]),
    );
    expect(only(result, '张三')).toEqual({ format: 'docx', part: 'properties', detail: 'creator', propertySet: 'core', file: 'docProps/core.xml' });
  });

  it('reads zip64 packages and deflated or stored entries alike', async () => {
    const files = unzipSync(new Uint8Array(await reviewDocx()));
    const entries = Object.entries(files).map(([name, bytes], i): RawEntry => {
      const data = Buffer.from(bytes);
      const common = { name, crc: zlib.crc32(data), size: data.length };
      return i % 2 ? { ...common, data, method: 0 } : { ...common, data: zlib.deflateRawSync(data), method: 8 };
    });
    for (const zip64 of [false, true]) {
      const result = await extractText('公示.docx', rawZip(entries, zip64));
      expect(only(result, '13800138000')).toMatchObject({ part: 'tracked_deletion' });
      expect(only(result, '13912345678')).toMatchObject({ part: 'comment' });
    }
  });

  it('reads the document by content: a docx named .xlsx or without extension is a docx', async () => {
    const data = await reviewDocx();
    for (const name of ['名单.xlsx', 'attachment', 'x.bin']) {
      const result = await extractText(name, data);
      expect(result.format).toBe('docx');
      expect(containing(result, '13800138000')).toHaveLength(1);
    }
  });
});

describe('extractText: embedded documents', () => {
  it('reads a workbook embedded in a Word document and lists the objects it cannot read', async () => {
    const data = patchZip(await reviewDocx(), (files) => {
      files['word/embeddings/Microsoft_Excel_Worksheet1.xlsx'] = new Uint8Array(rosterXlsx());
      files['word/embeddings/oleObject1.bin'] = new Uint8Array(compoundFile(['\u0001Ole10Native']));
    });
    const result = await extractText('公示.docx', data);
    expect(result.format).toBe('docx');
    expect(only(result, '11010519900307123X')).toEqual({
      format: 'embedded',
      container: 'word/embeddings/Microsoft_Excel_Worksheet1.xlsx',
      inner: { format: 'xlsx', part: 'cell', sheet: 'Sheet2', hidden: true, sheetState: 'hidden', cell: 'C7' },
    });
    // The same number in the document's tracked deletion and in the embedded sheet: both found.
    expect(containing(result, '13800138000').map((p) => p.location)).toEqual([
      expect.objectContaining({ format: 'docx', part: 'tracked_deletion' }),
      expect.objectContaining({ format: 'embedded', inner: expect.objectContaining({ sheet: '公示名单', cell: 'B2' }) }),
    ]);
    expect(result.unreadEmbedded).toEqual(['word/embeddings/oleObject1.bin']);
  });
});

describe('extractText: workbooks', () => {
  it('reads every sheet, hidden and very hidden ones flagged, with hidden rows and columns', async () => {
    const result = await extractText('花名册.xlsx', rosterXlsx());
    expect(result.format).toBe('xlsx');
    const visible = { format: 'xlsx', part: 'cell', sheet: '公示名单', hidden: false };

    expect(containing(result, '张三').map((p) => p.location)).toContainEqual({ ...visible, cell: 'A2' });
    // Numbers as stored: the raw value, exponent and all.
    expect(only(result, '13800138000')).toEqual({ ...visible, cell: 'B2' });
    expect(containing(result, '1.1010519900307123E+17').map((p) => p.location)).toEqual([{ ...visible, cell: 'B3', hiddenRow: true }]);
    // Rich text joined, the phonetic guide left out.
    expect(containing(result, '李四').map((p) => [p.text, p.location])).toEqual([['李四', { ...visible, cell: 'A3', hiddenRow: true }]]);
    expect(containing(result, 'LI')).toHaveLength(0);
    // Hidden and zero-width columns, zero-height rows; inline strings and formula results.
    expect(only(result, '13511112222')).toEqual({ ...visible, cell: 'C2', hiddenColumn: true });
    expect(only(result, '13522223333')).toEqual({ ...visible, cell: 'D2', hiddenColumn: true });
    expect(containing(result, '13533334444').map((p) => [p.text, p.location])).toEqual([['零行高 13533334444', { ...visible, cell: 'A4', hiddenRow: true }]]);
    // Positions carried on where r is missing.
    expect(only(result, '第五行')).toEqual({ ...visible, cell: 'A5' });
    expect(containing(result, '42').map((p) => p.location)).toContainEqual({ ...visible, cell: 'B5' });

    // The hidden sheet: 附件 花名册.xlsx，工作表 Sheet2（隐藏），单元格 C7.
    expect(only(result, '11010519900307123X')).toEqual({ format: 'xlsx', part: 'cell', sheet: 'Sheet2', hidden: true, sheetState: 'hidden', cell: 'C7' });
    expect(only(result, '13700001111')).toEqual({ format: 'xlsx', part: 'cell', sheet: '底稿', hidden: true, sheetState: 'veryHidden', cell: 'A1' });
  });

  it('reads cell comments, print headers and properties', async () => {
    const result = await extractText('花名册.xlsx', rosterXlsx());
    expect(only(result, '13912345678')).toEqual({ format: 'xlsx', part: 'comment', sheet: '公示名单', hidden: false, cell: 'B2', detail: '审核员甲' });
    const header = containing(result, '制表人');
    expect(header.map((p) => p.location)).toEqual([{ format: 'xlsx', part: 'header_footer', sheet: '公示名单', hidden: false, detail: 'oddHeader' }]);
    expect(header[0]?.text).not.toMatch(/&|宋体/);

    const properties = result.parts.flatMap((p) => (p.location.format === 'xlsx' && p.location.part === 'properties' ? [[p.location.detail, p.text]] : []));
    expect(properties).toEqual([
      ['creator', '张三'],
      ['lastModifiedBy', '王五'],
      ['Company', '某某街道办事处'],
      ['comment_author', '审核员甲'],
    ]);
  });
});

describe('extractText: PDF', () => {
  it('reads the text layer per page, notes and the author; flags pages without text', async () => {
    const result = await extractText('list.pdf', await textPdf());
    expect(result.format).toBe('pdf');
    expect(only(result, '13800138000')).toEqual({ format: 'pdf', part: 'text', page: 1 });
    expect(only(result, '110105199003071234')).toEqual({ format: 'pdf', part: 'text', page: 1 });
    expect(only(result, '13911112222')).toEqual({ format: 'pdf', part: 'annotation', page: 1, detail: 'Li Si' });
    expect(only(result, 'Zhang San')).toEqual({ format: 'pdf', part: 'properties', detail: 'Author' });
    expect(result.noTextLayer).toBeUndefined();
    expect(result.pagesWithoutText).toEqual([2]);
  });

  it('reads Chinese in a non-embedded CJK font through the character maps, offline', async () => {
    const result = await extractText('通知.pdf', chinesePdf('联系人张三，电话13800138000'));
    expect(result).toEqual({ parts: [{ text: '联系人张三，电话13800138000', location: { format: 'pdf', part: 'text', page: 1 } }], format: 'pdf' });
  });

  it('marks a scan without a text layer for manual checking', async () => {
    const result = await extractText('扫描件.pdf', await scannedPdf());
    expect(result).toEqual({ parts: [], format: 'pdf', noTextLayer: true });
  });

  it('refuses a password-protected PDF', async () => {
    expect(await errorCode(extractText('x.pdf', encryptedPdf()))).toBe('extract.encrypted');
  });
});

describe('extractText: text files', () => {
  it('reads UTF-8 with a BOM, GBK and UTF-16, line by line', async () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('姓名,电话\r\n张三,13800138000\r\n\r\n李四,13912345678\n')]);
    const result = await extractText('名单.csv', utf8);
    expect(result.format).toBe('text');
    expect(result.parts).toEqual([
      { text: '姓名,电话', location: { format: 'text', line: 1 } },
      { text: '张三,13800138000', location: { format: 'text', line: 2 } },
      { text: '李四,13912345678', location: { format: 'text', line: 4 } },
    ]);

    // 张三,电话 in GBK, as Excel's "CSV" export writes on a Chinese Windows.
    const gbk = Buffer.concat([Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from(','), Buffer.from([0xb5, 0xe7, 0xbb, 0xb0]), Buffer.from(' 13800138000\n')]);
    expect((await extractText('名单.csv', gbk)).parts).toEqual([{ text: '张三,电话 13800138000', location: { format: 'text', line: 1 } }]);

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('第一行\n联系人 13700001111', 'utf16le')]);
    expect(only(await extractText('a.txt', utf16), '13700001111')).toEqual({ format: 'text', line: 2 });
  });

  it('reads the text a web page shows, not its scripts', async () => {
    const html = '<!DOCTYPE html><html><head><title>t</title><script>var tel = "13900000000";</script></head><body><h1>公示</h1><p>联系电话：<b>138</b>00138000</p></body></html>';
    const result = await extractText('notice.html', Buffer.from(html));
    expect(result.format).toBe('html');
    expect(result.parts).toEqual([
      { text: '公示', location: { format: 'text', line: 1 } },
      { text: '联系电话：13800138000', location: { format: 'text', line: 2 } },
    ]);
    expect((await extractText('page', Buffer.from(html))).format).toBe('html');
  });
});

describe('extractText: formats we cannot read', () => {
  it('returns unsupported for old binary Office files, presentations, OFD, plain zips and images', async () => {
    expect(await extractText('旧文件.doc', compoundFile(['WordDocument', '1Table']))).toEqual({ parts: [], format: 'ole', unsupported: true });
    // A .doc renamed .docx is still a .doc.
    expect(await extractText('旧文件.docx', compoundFile(['WordDocument']))).toMatchObject({ format: 'ole', unsupported: true });
    const ofd = Buffer.from(zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>') }));
    expect(await extractText('公文.ofd', ofd)).toEqual({ parts: [], format: 'ofd', unsupported: true });
    expect(await extractText('a.zip', Buffer.from(zipSync({ 'a.txt': strToU8('13800138000') })))).toEqual({ parts: [], format: 'zip', unsupported: true });
    expect(await extractText('photo.png', TINY_PNG)).toEqual({ parts: [], format: 'binary', unsupported: true });
  });

  it('refuses a password-protected Word or Excel file', async () => {
    const encrypted = compoundFile(['EncryptionInfo', 'EncryptedPackage']);
    expect(await errorCode(extractText('保密.docx', encrypted))).toBe('extract.encrypted');
    expect(await errorCode(extractText('保密.xlsx', encrypted))).toBe('extract.encrypted');
    const zipCrypto = rawZip([{ ...stored('[Content_Types].xml', CONTENT_TYPES_DOCX) }, { ...stored('word/document.xml', '<w:document/>'), flags: 1 }]);
    expect(await errorCode(extractText('a.docx', zipCrypto))).toBe('extract.encrypted');
  });
});

describe('extractText: hostile and damaged files', () => {
  it('lists its error codes for shared/errors.ts', () => {
    expect(EXTRACT_ERROR_CODES).toEqual(['extract.damaged', 'extract.too_large', 'extract.entity_bomb', 'extract.encrypted']);
  });

  it('stops a zip bomb disguised as .docx before inflating it', async () => {
    const bomb = await zerosDeflated(1024); // 1 GB of zeros in about 1 MB
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const entry = (size: number): RawEntry => ({ name: 'word/document.xml', data: bomb, method: 8, crc: 0, size });
    const types = stored('[Content_Types].xml', CONTENT_TYPES_DOCX);

    // Honest sizes: refused from the central directory alone.
    let started = performance.now();
    expect(await errorCode(extractText('bomb.docx', rawZip([types, entry(1024 * 1024 * 1024)])))).toBe('extract.too_large');
    expect(performance.now() - started).toBeLessThan(500);

    // Lying sizes: inflation stops at the entry limit (50 MB by default), not at 1 GB.
    started = performance.now();
    const before = process.memoryUsage().arrayBuffers;
    expect(await errorCode(extractText('bomb.docx', rawZip([types, entry(1000)])))).toBe('extract.too_large');
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 1024 * 1024);

    // Lower limits stop sooner.
    const limits = { maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 };
    expect(await errorCode(extractText('bomb.docx', rawZip([types, entry(1000)]), limits))).toBe('extract.too_large');
    // Many entries, each under the entry limit, over the total together.
    const many = Array.from({ length: 5 }, (_, i): RawEntry => ({ ...entry(1024 * 1024), name: `word/media/${i}.bin` }));
    expect(await errorCode(extractText('bomb.docx', rawZip([types, ...many]), limits))).toBe('extract.too_large');
    // A bomb embedded in an innocent document: the same budget, the same refusal.
    const nested = rawZip([types, entry(1000)]);
    const carrier = patchZip(await reviewDocx(), (files) => {
      files['word/embeddings/Microsoft_Word_Document1.docx'] = new Uint8Array(nested);
    });
    expect(await errorCode(extractText('公示.docx', carrier, limits))).toBe('extract.too_large');
    // A file itself larger than the total.
    expect(await errorCode(extractText('big.txt', Buffer.alloc(5 * 1024 * 1024, 0x61), limits))).toBe('extract.too_large');
  });

  it('refuses XML with a DOCTYPE: entity bombs and external entities', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>';
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>';
    const docx = await reviewDocx();
    for (const xml of [laughs, xxe]) {
      const data = patchZip(docx, (files) => {
        files['word/document.xml'] = strToU8(xml);
      });
      expect(await errorCode(extractText('bomb.docx', data))).toBe('extract.entity_bomb');
    }
    // In a workbook part too: the same XML layer.
    const xlsx = patchZip(rosterXlsx(), (files) => editXml(files, 'xl/sharedStrings.xml', (xml) => xml.replace('<sst', '<!DOCTYPE sst SYSTEM "http://example.invalid/x.dtd"><sst')));
    expect(await errorCode(extractText('a.xlsx', xlsx))).toBe('extract.entity_bomb');
  });

  it('calls empty, random, truncated and corrupt files damaged', async () => {
    const docx = await reviewDocx();
    expect(await errorCode(extractText('a.docx', Buffer.alloc(0)))).toBe('extract.damaged');
    expect(await errorCode(extractText('a.docx', randomBytes(4096)))).toBe('extract.damaged');
    expect(await errorCode(extractText('a.pdf', randomBytes(4096)))).toBe('extract.damaged');
    expect(await errorCode(extractText('a.docx', docx.subarray(0, Math.floor(docx.length / 2))))).toBe('extract.damaged');
    expect(await errorCode(extractText('a.docx', docx.subarray(0, docx.length - 10)))).toBe('extract.damaged');
    expect(await errorCode(extractText('a.pdf', Buffer.from('%PDF-1.7\nnot really a pdf')))).toBe('extract.damaged');

    // A zip without content types, claiming to be a docx.
    expect(await errorCode(extractText('a.docx', Buffer.from(zipSync({ 'word/document.xml': strToU8('<x/>') }))))).toBe('extract.damaged');
    // Malformed XML in the main part.
    const broken = patchZip(docx, (files) => editXml(files, 'word/document.xml', (xml) => xml.replace('</w:body>', '')));
    expect(await errorCode(extractText('a.docx', broken))).toBe('extract.damaged');
    // A checksum that does not match what the entry inflates to.
    const document = stored('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
    expect(await errorCode(extractText('a.docx', rawZip([stored('[Content_Types].xml', CONTENT_TYPES_DOCX), { ...document, crc: document.crc ^ 1 }])))).toBe(
      'extract.damaged',
    );
    // Two entries that differ only in case: Word and we might read different ones.
    const twins = Buffer.from(zipSync({ '[Content_Types].xml': strToU8(CONTENT_TYPES_DOCX), 'word/document.xml': strToU8('<a/>'), 'Word/Document.xml': strToU8('<b/>') }));
    expect(await errorCode(extractText('a.docx', twins))).toBe('extract.damaged');
  });
});
