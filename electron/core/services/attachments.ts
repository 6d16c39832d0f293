/**
 * Attachments are stored once per content, named by SHA-256 under <data>/files/ab/abcdef…, and
 * linked to editions by rows that keep the original (sanitised) name.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Ctx } from '../context.js';
import type { CommandOutput, Edition, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../ids.js';
import { catalogueSettings } from './catalogue-settings.js';
import { record } from './audit-trail.js';
import { presentEdition, requireDraft } from './items.js';
import { findEdition, touchEdition } from '../db/items-repo.js';

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.wps': 'application/vnd.ms-works',
  '.et': 'application/vnd.ms-excel',
  '.ofd': 'application/ofd',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.zip': 'application/zip',
  '.rar': 'application/vnd.rar',
};

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * The name shown and offered on download: the last path segment only, without control or
 * reserved characters, so a name like ..\..\x.exe or a/b/../c can never point anywhere.
 */
function safeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = last
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  // CON, NUL, COM1 … are devices on Windows, with any extension: opening "NUL.pdf" would not open a file.
  return WINDOWS_DEVICE.test(cleaned) ? `_${cleaned}` : cleaned || 'attachment';
}

function mimeOf(name: string): string {
  return MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

export function blobPath(ctx: Ctx, sha256: string): string {
  return join(ctx.runtime.dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** Writes the bytes once; a crash mid-write leaves only a temp file, never a truncated blob. */
function storeBlob(ctx: Ctx, data: Buffer): string {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const path = blobPath(ctx, sha256);
  if (!existsSync(path)) {
    mkdirSync(join(path, '..'), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, data, { flag: 'w' });
    renameSync(temp, path);
  }
  return sha256;
}

export function listAttachments(ctx: Ctx, editionId: string): Edition['attachments'] {
  return ctx.db.prepare('SELECT id, name, size, mime, sha256 FROM attachments WHERE edition_id = ? ORDER BY ordering').all(editionId) as Edition['attachments'];
}

/** The decoded size, from the base64 length alone. */
function decodedSize(dataBase64: string): number {
  const padding = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  return Math.floor((dataBase64.length * 3) / 4) - padding;
}

function decode(dataBase64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(dataBase64)) throw new AppError('attachments.bad_data');
  return Buffer.from(dataBase64, 'base64');
}

export interface StoredUpload {
  sha256: string;
  name: string;
  size: number;
  mime: string;
}

/** Checks an uploaded file against the size limit and stores its bytes; the caller links the row. */
export function storeUpload(ctx: Ctx, fileName: string, dataBase64: string): StoredUpload {
  const { maxAttachmentMb } = catalogueSettings(ctx);
  // Refused by its size before it is decoded: an oversized file never takes its size again in memory.
  if (decodedSize(dataBase64) > maxAttachmentMb * 1024 * 1024) throw new AppError('attachments.too_large', { maxMb: maxAttachmentMb });
  const data = decode(dataBase64);
  if (data.length === 0) throw new AppError('attachments.empty');
  const name = safeFileName(fileName);
  return { sha256: storeBlob(ctx, data), name, size: data.length, mime: mimeOf(name) };
}

export function add(ctx: Ctx, input: ParsedInput<'attachments.add'>): CommandOutput<'attachments.add'> {
  const edition = requireDraft(ctx, input.editionId);
  const { sha256, name, size: bytes, mime } = storeUpload(ctx, input.fileName, input.dataBase64);
  ctx.db.transaction(() => {
    const { next } = ctx.db.prepare('SELECT coalesce(max(ordering), 0) + 1 AS next FROM attachments WHERE edition_id = ?').get(edition.id) as { next: number };
    const at = ctx.clock.now().toISOString();
    ctx.db
      .prepare('INSERT INTO attachments (id, edition_id, sha256, name, size, mime, ordering, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(uuidv7(), edition.id, sha256, name, bytes, mime, next, at);
    touchEdition(ctx.db, edition.id, at);
    record(ctx, 'attachments.add', { type: 'edition', id: edition.id }, `${edition.indexNumber}: ${name} (${bytes} bytes, ${sha256.slice(0, 12)})`);
  })();
  return presentEdition(ctx, findEdition(ctx.db, edition.id)!);
}

export function remove(ctx: Ctx, input: ParsedInput<'attachments.remove'>): CommandOutput<'attachments.remove'> {
  const edition = requireDraft(ctx, input.editionId);
  ctx.db.transaction(() => {
    const row = ctx.db.prepare('SELECT name FROM attachments WHERE id = ? AND edition_id = ?').get(input.attachmentId, edition.id) as { name: string } | undefined;
    if (!row) throw new AppError('attachments.not_found');
    ctx.db.prepare('DELETE FROM attachments WHERE id = ?').run(input.attachmentId);
    touchEdition(ctx.db, edition.id, ctx.clock.now().toISOString());
    record(ctx, 'attachments.remove', { type: 'edition', id: edition.id }, `${edition.indexNumber}: ${row.name}`);
  })();
  // The blob stays: other editions may share it, and published editions must keep theirs.
  return presentEdition(ctx, findEdition(ctx.db, edition.id)!);
}

/** The stored bytes of a file row (of any table with name, mime and sha256), base64 for the contract. */
export function readStored(ctx: Ctx, row: { name: string; mime: string; sha256: string } | undefined): { name: string; mime: string; dataBase64: string } {
  const { name, mime, path } = storedFile(ctx, row);
  return { name, mime, dataBase64: readFileSync(path).toString('base64') };
}

function storedFile(ctx: Ctx, row: { name: string; mime: string; sha256: string } | undefined): { name: string; mime: string; path: string } {
  if (!row) throw new AppError('attachments.not_found');
  const path = blobPath(ctx, row.sha256);
  if (!existsSync(path)) throw new AppError('attachments.missing_file', { name: row.name });
  return { name: row.name, mime: row.mime, path };
}

function storedAttachment(ctx: Ctx, id: string): { name: string; mime: string; path: string } {
  return storedFile(ctx, ctx.db.prepare('SELECT name, mime, sha256 FROM attachments WHERE id = ?').get(id) as { name: string; mime: string; sha256: string } | undefined);
}

export function read(ctx: Ctx, input: ParsedInput<'attachments.read'>): CommandOutput<'attachments.read'> {
  const { name, mime, path } = storedAttachment(ctx, input.attachmentId);
  return { name, mime, dataBase64: readFileSync(path).toString('base64') };
}

/** Opens a copy under its original name in a private temp folder: the stored blob is never handed out. */
export async function open(ctx: Ctx, input: ParsedInput<'attachments.open'>): Promise<CommandOutput<'attachments.open'>> {
  if (!ctx.platform) throw new AppError('attachments.open_unavailable');
  const { name, path } = storedAttachment(ctx, input.attachmentId);
  const folder = mkdtempSync(join(tmpdir(), 'gongkai-open-'));
  const copy = join(folder, name);
  copyFileSync(path, copy);
  await ctx.platform.openFile(copy);
  return { ok: true };
}
