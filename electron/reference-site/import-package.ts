/**
 * 离线发布包: for sites on a separate network (政务外网 / 互联网 split) the app writes a folder or a
 * zip that is carried across and imported. The format (shared/publishing-api.ts) is in
 * docs/publishing-api.md:
 *
 *   manifest.json            { format, version, createdAt, attachments: [{ sha256, size }],
 *                              files: [{ path, sha256, size }], items: [{ itemId, ...PUT body }],
 *                              withdrawals: [{ itemId, ...body }] }
 *   attachments/<sha256>     the bytes, named by their hash
 *   items/<itemId>-<n>.json  readable copies of each item (the PUT body; a page in .html)
 *
 * All or nothing: every file is hashed and every item checked before anything is written; any
 * problem refuses the whole package, listing every problem found. Items go through the same
 * exactly-once rules as PUT, in one transaction, so importing a package twice changes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { MANIFEST_FILE, PACKAGE_ENTRY, PackageManifestSchema, type PackageManifest } from '../../shared/publishing-api.js';
import { SiteError } from './store.js';
import type { ReferenceSite } from './site.js';

export { MANIFEST_FILE };
const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;

export interface PackageProblem {
  /** Where: 'manifest.json', 'attachments/<sha256>', 'items[3].attachments[0].sha256' … */
  path: string;
  code: string;
  message: string;
}

export class PackageRejected extends Error {
  constructor(readonly problems: PackageProblem[]) {
    super(`offline package refused, nothing imported: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

export interface ImportSummary {
  /** Editions newly published. */
  published: number;
  /** Editions the site already had with the same contentHash. */
  alreadyPublished: number;
  /** Attachments newly stored. */
  attachments: number;
  withdrawals: number;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

async function readManifest(dir: string): Promise<PackageManifest> {
  const file = join(dir, MANIFEST_FILE);
  const stat = await lstat(file).catch(() => null);
  if (!stat?.isFile()) throw new PackageRejected([{ path: MANIFEST_FILE, code: 'missing', message: 'no manifest.json in the folder' }]);
  if (stat.size > MAX_MANIFEST_BYTES) throw new PackageRejected([{ path: MANIFEST_FILE, code: 'too_large', message: `larger than ${MAX_MANIFEST_BYTES} bytes` }]);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new PackageRejected([{ path: MANIFEST_FILE, code: 'not_json', message: 'manifest.json is not JSON' }]);
  }
  const parsed = PackageManifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new PackageRejected(
      parsed.error.issues.slice(0, 50).map((issue) => ({
        path: issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || MANIFEST_FILE,
        code: 'invalid',
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}

/** Copies a verified file into the site's blob store, hashing again on the way (it may have changed since). */
async function place(site: Pick<ReferenceSite, 'store'>, source: string, sha256: string): Promise<void> {
  const { store } = site;
  const tmp = join(store.tmpDir, `${sha256}.${randomUUID()}.part`);
  const hash = createHash('sha256');
  const out = await open(tmp, 'wx');
  try {
    try {
      for await (const chunk of createReadStream(source) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        await out.write(chunk);
      }
      await out.datasync();
    } finally {
      await out.close();
    }
    if (hash.digest('hex') !== sha256) throw new PackageRejected([{ path: `attachments/${sha256}`, code: 'changed', message: 'the file changed while it was imported' }]);
    await mkdir(store.blobFolder(sha256), { recursive: true });
    await rename(tmp, store.blobPath(sha256));
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

export async function importOfflinePackage(site: Pick<ReferenceSite, 'store' | 'now'>, dir: string): Promise<ImportSummary> {
  const { store } = site;
  const manifest = await readManifest(dir);
  const problems: PackageProblem[] = [];

  // 1. Every listed file: present, a plain file (no links out of the folder), right size, right hash.
  const listed = new Map<string, number>();
  for (const [i, a] of manifest.attachments.entries()) {
    if (listed.has(a.sha256)) problems.push({ path: `attachments[${i}]`, code: 'duplicate', message: `${a.sha256} is listed twice` });
    listed.set(a.sha256, a.size);
  }
  const files = [...[...listed].map(([sha256, size]) => ({ path: `attachments/${sha256}`, sha256, size })), ...manifest.files];
  for (const { path, sha256, size } of files) {
    const file = join(dir, ...path.split('/'));
    const stat = await lstat(file).catch(() => null);
    if (!stat) problems.push({ path, code: 'missing', message: 'listed in the manifest but not in the package' });
    else if (!stat.isFile()) problems.push({ path, code: 'not_a_file', message: 'not a plain file' });
    else if (stat.size !== size) problems.push({ path, code: 'size_mismatch', message: `${stat.size} bytes, the manifest says ${size}` });
    else {
      const actual = await sha256Of(file);
      if (actual !== sha256) problems.push({ path, code: 'hash_mismatch', message: `the bytes hash to ${actual}, the manifest says ${sha256}` });
    }
  }

  // 2. Every attachment an item names is in the package or already on the site, with that size.
  manifest.items.forEach((item, i) =>
    item.attachments.forEach((a, j) => {
      const size = listed.get(a.sha256) ?? store.attachment(a.sha256)?.size;
      if (size === undefined) problems.push({ path: `items[${i}].attachments[${j}].sha256`, code: 'attachment_missing', message: `${a.sha256} is neither in the package nor on the site` });
      else if (size !== a.size) problems.push({ path: `items[${i}].attachments[${j}].size`, code: 'attachment_size_mismatch', message: `the file is ${size} bytes, the item says ${a.size}` });
    }),
  );
  if (problems.length) throw new PackageRejected(problems);

  // 3. Bytes into the store (content-addressed, so harmless until a row names them), then every
  //    row in one transaction; if that fails, the bytes this import added are removed again.
  const placed: string[] = [];
  try {
    for (const sha256 of listed.keys()) {
      if (existsSync(store.blobPath(sha256))) continue;
      await place(site, join(dir, 'attachments', sha256), sha256);
      placed.push(sha256);
    }
    const at = site.now();
    return store.db.transaction((): ImportSummary => {
      const summary: ImportSummary = { published: 0, alreadyPublished: 0, attachments: 0, withdrawals: 0 };
      for (const [sha256, size] of listed) if (store.recordAttachment(sha256, size, at)) summary.attachments++;
      manifest.items.forEach(({ itemId, ...body }, i) => {
        try {
          if (store.publish(itemId, body, at).created) summary.published++;
          else summary.alreadyPublished++;
        } catch (error) {
          throw asProblem(error, `items[${i}]`);
        }
      });
      manifest.withdrawals.forEach(({ itemId, ...body }, i) => {
        try {
          if (store.withdraw(itemId, body, at).created) summary.withdrawals++;
        } catch (error) {
          throw asProblem(error, `withdrawals[${i}]`);
        }
      });
      return summary;
    })();
  } catch (error) {
    for (const sha256 of placed) if (!store.attachment(sha256)) await rm(store.blobPath(sha256), { force: true });
    throw error;
  }
}

/**
 * A package as carried: a folder, or the same files in a .zip. A zip is unpacked into the site's
 * temp folder (only the names a package may hold, so nothing lands outside it) and removed after.
 */
export async function importOfflinePackageFrom(site: Pick<ReferenceSite, 'store' | 'now'>, path: string): Promise<ImportSummary> {
  const stat = await lstat(path).catch(() => null);
  if (!stat) throw new PackageRejected([{ path, code: 'missing', message: 'no such file or folder' }]);
  if (stat.isDirectory()) return importOfflinePackage(site, path);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(path)));
  } catch {
    throw new PackageRejected([{ path, code: 'not_a_package', message: 'neither a folder nor a zip file' }]);
  }
  const names = Object.keys(entries).filter((name) => !name.endsWith('/'));
  const strays = names.filter((name) => !PACKAGE_ENTRY.test(name));
  if (strays.length) throw new PackageRejected(strays.slice(0, 50).map((name) => ({ path: name, code: 'unexpected_file', message: 'not a file a package may hold' })));
  const dir = await mkdtemp(join(site.store.tmpDir, 'package-'));
  try {
    for (const name of names) {
      const file = join(dir, ...name.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, entries[name]!);
    }
    return await importOfflinePackage(site, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function asProblem(error: unknown, path: string): unknown {
  if (!(error instanceof SiteError)) return error;
  return new PackageRejected([{ path: error.extra.field ? `${path}.${error.extra.field}` : path, code: error.code, message: error.message }]);
}
