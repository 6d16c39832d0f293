/**
 * Text pulled out of an attachment for the confidentiality review, every piece with the exact place
 * it came from. Locations are data, not sentences: the UI translates them ("附件 花名册.xlsx，工作表
 * Sheet2（隐藏），单元格 C7"), and the review decides what a place means (hidden, deleted, metadata).
 */

/** Where the runs of a Word document live: the main text and each kind of side story. */
export type DocxStory = 'body' | 'header' | 'footer' | 'comment' | 'footnote' | 'endnote';

/**
 * The kind of text. A story's own part (body, header …) is a paragraph as Word shows it with all
 * changes accepted: normal and inserted runs, without deleted or hidden ones. Inserted runs are also
 * reported on their own as tracked_insertion, so a number typed with track changes on is found twice
 * (once in the paragraph, once as the revision); deleted and hidden runs are reported only on their own.
 */
export type DocxPart = DocxStory | 'tracked_insertion' | 'tracked_deletion' | 'hidden_text' | 'properties';

/** Which metadata a property comes from. `people` are the names Word records by itself: comment and revision authors, people.xml. */
export type PropertySet = 'core' | 'app' | 'custom' | 'people';

/** A paragraph's table cell, all 1-based: the table's number within its file (nested tables counted in order), row and cell in the row. */
export interface TablePosition {
  table: number;
  row: number;
  column: number;
}

export interface DocxLocation {
  format: 'docx';
  part: DocxPart;
  /** 1-based, among every w:p of the file (table cells and text boxes included). Absent for properties. */
  paragraph?: number;
  /**
   * comment: its author; header/footer: the file (word/header1.xml); footnote/endnote: its w:id (not
   * the number Word shows, which follows the order of references); tracked_insertion/deletion: the
   * revision's author; properties: the property's name (core: creator, lastModifiedBy …; app:
   * Company, Manager; custom: its own name; people: comment_author, revision_author, person, person_user_id).
   */
  detail?: string;
  /** For tracked_insertion, tracked_deletion and hidden_text: the story the run sits in. */
  story?: DocxStory;
  /** The part inside the package, e.g. word/document.xml, docProps/core.xml. */
  file?: string;
  table?: TablePosition;
  propertySet?: PropertySet;
}

/** Sheet facts every xlsx location carries. */
export interface XlsxSheet {
  sheet: string;
  /** The sheet is hidden or very hidden (workbook.xml state). */
  hidden: boolean;
  /** veryHidden sheets cannot be unhidden from Excel's menus; the reviewer needs to know. */
  sheetState?: 'hidden' | 'veryHidden';
}

export interface XlsxCellLocation extends XlsxSheet {
  format: 'xlsx';
  part: 'cell';
  /** A1 reference. */
  cell: string;
  /** Hidden row: hidden="1" or zero height. */
  hiddenRow?: boolean;
  /** Hidden column: hidden="1" or zero width. */
  hiddenColumn?: boolean;
}

export interface XlsxCommentLocation extends XlsxSheet {
  format: 'xlsx';
  part: 'comment';
  cell: string;
  /** The comment's author. */
  detail?: string;
}

/** Page header or footer of a sheet (printed, not shown in the grid). */
export interface XlsxHeaderFooterLocation extends XlsxSheet {
  format: 'xlsx';
  part: 'header_footer';
  /** oddHeader, oddFooter, evenHeader, evenFooter, firstHeader, firstFooter. */
  detail: string;
}

export interface XlsxPropertiesLocation {
  format: 'xlsx';
  part: 'properties';
  /** The property's name, as for DocxLocation. */
  detail: string;
  propertySet: PropertySet;
  file: string;
}

export type XlsxLocation = XlsxCellLocation | XlsxCommentLocation | XlsxHeaderFooterLocation | XlsxPropertiesLocation;

export type PdfLocation =
  /** The text layer of a page, one part per page. */
  | { format: 'pdf'; part: 'text'; page: number }
  /** A note, free-text box or other annotation on a page; detail is its author when it has one. */
  | { format: 'pdf'; part: 'annotation'; page: number; detail?: string }
  /** The document information dictionary: Author, Title, Subject, Keywords. */
  | { format: 'pdf'; part: 'properties'; detail: string };

/** .txt, .csv, .html: 1-based line (for HTML, a line of the text the page shows, not of its source). */
export interface TextLocation {
  format: 'text';
  line: number;
}

/**
 * Inside a document embedded in the attachment: the workbook behind a Word chart, a spreadsheet pasted
 * as an object. container is the embedded file's part (word/embeddings/Microsoft_Excel_Worksheet.xlsx);
 * inner is the location within it, itself embedded again when objects nest.
 */
export interface EmbeddedLocation {
  format: 'embedded';
  container: string;
  inner: Location;
}

export type Location = DocxLocation | XlsxLocation | PdfLocation | TextLocation | EmbeddedLocation;

export interface TextPart {
  text: string;
  location: Location;
}

/** What the content turned out to be, whatever the file name says. */
export type DetectedFormat =
  | 'docx'
  | 'xlsx'
  | 'pptx'
  | 'ofd'
  | 'zip'
  /** Old binary Office (.doc, .xls, .ppt, .wps, .et) or another OLE compound file. */
  | 'ole'
  | 'pdf'
  | 'text'
  | 'html'
  /** Anything else: images, archives, executables. */
  | 'binary';

export interface ExtractResult {
  parts: TextPart[];
  format: DetectedFormat;
  /** A PDF whose pages carry no text at all (a scan): the reviewer must read it. */
  noTextLayer?: boolean;
  /** PDF pages (1-based) without any text, when some pages do have text: probably scanned pages. */
  pagesWithoutText?: number[];
  /** Not a format we read (old binary Office, pptx, OFD, images …): the reviewer must check it by hand. */
  unsupported?: boolean;
  /**
   * Embedded objects (their parts, e.g. word/embeddings/oleObject1.bin) whose text we could not read:
   * old binary Office, OLE packages, scans, damaged or encrypted ones. The reviewer must open them.
   */
  unreadEmbedded?: string[];
}

/** Guards against decompression bombs. Sizes in bytes. */
export interface ExtractLimits {
  /**
   * The file itself, everything inflated from it (embedded documents included), and the declared
   * size of all entries of its zip. Default 200 MB.
   */
  maxTotalBytes?: number;
  /** One zip entry. Default 50 MB. */
  maxEntryBytes?: number;
}

export const DEFAULT_LIMITS: Required<ExtractLimits> = {
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 50 * 1024 * 1024,
};
