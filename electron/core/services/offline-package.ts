/**
 * 离线发布包: for a website on a network this PC cannot reach, the items waiting in the outbox are
 * written as a package (format in shared/publishing-api.ts, docs/publishing-api.md §4) that is
 * carried across and imported there (`gongkai site import`). The bodies are the ones fixed at
 * approval, so the package publishes exactly what was signed; the outbox itself is left as it is.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Zippable } from 'fflate';
import type { Ctx } from '../context.js';
import type { CommandOutput, ParsedInput } from '../../../shared/contract.js';
import { AppError } from '../../../shared/errors.js';
import { MANIFEST_FILE, PACKAGE_FORMAT, type PackageManifest, type PutItem } from '../../../shared/publishing-api.js';
import { blobPath } from './attachments.js';
import { record } from './audit-trail.js';

interface PendingJob {
  id: number;
  kind: 'publish' | 'withdraw';
  item_id: string;
  payload: string;
}

type PackageItem = PackageManifest['items'][number];

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A readable page of one item for whoever carries the package; the site renders its own. */
function itemHtml(item: PackageItem): string {
  const c = item.catalogue;
  const rows: [string, string][] = [
    ['索引号', c.indexNumber],
    ['主题分类', c.topic],
    ['发布机构', c.publisher],
    ['成文日期', c.writtenDate ?? ''],
    ['发文字号', c.documentNumber],
    ['发布日期', c.publishDate ?? ''],
    ['版次', String(item.edition)],
  ];
  const table = rows.map(([k, v]) => `<tr><th>${k}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const files = item.attachments.map((a) => `<li>${escapeHtml(a.name)} (${a.size} B, <a href="../attachments/${a.sha256}">${a.sha256}</a>)</li>`).join('');
  // bodyHtml was sanitised when it was saved; the page has a CSP that forbids any script anyway.
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"><title>${escapeHtml(item.title)}</title></head><body><table>${table}</table><h1>${escapeHtml(item.title)}</h1>${item.bodyHtml}${files ? `<ul>${files}</ul>` : ''}</body></html>\n`;
}

/** The package's files by name, manifest first; exported for the tests that check the format. */
export function buildOfflinePackage(ctx: Ctx): { files: Map<string, Uint8Array>; manifest: PackageManifest } {
  // 定时发布 not yet due stays behind: carried across, it would go live before its time.
  const jobs = ctx.db
    .prepare(
      `SELECT o.id, o.kind, o.item_id, o.payload FROM outbox o JOIN editions e ON e.id = o.edition_id
       WHERE o.state = 'pending' AND NOT (e.status = 'scheduled' AND o.next_attempt_at > ?) ORDER BY o.id`,
    )
    .all(ctx.clock.now().toISOString()) as PendingJob[];
  if (!jobs.length) throw new AppError('publishing.package_empty');
  const siteEdition = ctx.db.prepare('SELECT edition FROM site_items WHERE item_id = ?');
  // Editions of one item chain within the package; the first follows what the site is known to have.
  const latest = new Map<string, number>();
  const previous = (itemId: string) => latest.get(itemId) ?? (siteEdition.get(itemId) as { edition: number } | undefined)?.edition ?? null;
  const manifest: PackageManifest = { format: PACKAGE_FORMAT, version: 1, createdAt: ctx.clock.now().toISOString(), attachments: [], files: [], items: [], withdrawals: [] };
  const files = new Map<string, Uint8Array>();
  const add = (path: string, data: Uint8Array) => {
    files.set(path, data);
    return { sha256: sha256(data), size: data.length };
  };
  for (const job of jobs) {
    if (job.kind === 'withdraw') {
      manifest.withdrawals.push({ itemId: job.item_id, ...(JSON.parse(job.payload) as Omit<PackageManifest['withdrawals'][number], 'itemId'>) });
      continue;
    }
    const body = JSON.parse(job.payload) as Omit<PutItem, 'previousEdition'>;
    const item: PackageItem = { itemId: job.item_id, ...body, previousEdition: previous(job.item_id) };
    latest.set(job.item_id, item.edition);
    manifest.items.push(item);
    for (const a of item.attachments) {
      const path = `attachments/${a.sha256}`;
      if (!files.has(path)) manifest.attachments.push(add(path, readFileSync(blobPath(ctx, a.sha256))));
    }
    const base = `items/${item.itemId}-${item.edition}`;
    manifest.files.push({ path: `${base}.json`, ...add(`${base}.json`, Buffer.from(`${JSON.stringify(item, null, 2)}\n`)) });
    manifest.files.push({ path: `${base}.html`, ...add(`${base}.html`, Buffer.from(itemHtml(item))) });
  }
  return { files: new Map([[MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)], ...files]), manifest };
}

/** 导出离线发布包 as a .zip download; attachments are stored, not recompressed (PDFs, images). */
export async function exportPackage(ctx: Ctx, _input: ParsedInput<'publishing.exportPackage'>): Promise<CommandOutput<'publishing.exportPackage'>> {
  const { files, manifest } = buildOfflinePackage(ctx);
  const entries: Zippable = {};
  for (const [path, data] of files) entries[path] = [data, { level: path.startsWith('attachments/') ? 0 : 6 }];
  const { zipSync } = await import('fflate');
  const zip = zipSync(entries);
  const stamp = manifest.createdAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  record(ctx, 'publishing.exportPackage', { type: 'outbox', id: 'package' }, `${manifest.items.length} items, ${manifest.withdrawals.length} withdrawals, ${manifest.attachments.length} attachments, sha256 ${sha256(zip)}`);
  return {
    fileName: `offline-package-${stamp}.zip`,
    dataBase64: Buffer.from(zip).toString('base64'),
    items: manifest.items.length,
    withdrawals: manifest.withdrawals.length,
    attachments: manifest.attachments.length,
  };
}
