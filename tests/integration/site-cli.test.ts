/**
 * `gongkai site` and `gongkai site import`, run as the built command, and the 离线发布包 round trip:
 * export from the app, carry the zip (or the folder) across, import it into a fresh website,
 * and read the public pages there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { GONGKAI_BIN, gongkai, requireBuiltCli } from '../support/cli.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { PackageManifestSchema } from '../../shared/publishing-api.js';

beforeAll(requireBuiltCli);

describe('gongkai site', () => {
  /** Starts the command, waits for the lines it prints, and returns them with the running child. */
  async function startSite(args: string[]) {
    const child = spawn(process.execPath, [GONGKAI_BIN, 'site', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const deadline = Date.now() + 15_000;
    while (!/^data: .+$/m.test(out)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`gongkai site did not start: ${out}`);
      await new Promise((done) => setTimeout(done, 50));
    }
    const url = /^reference site: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out)?.[1];
    const token = /^token: (\S+)$/m.exec(out)?.[1];
    const data = /^data: (.+)$/m.exec(out)?.[1];
    const stop = () => new Promise<number | null>((done) => (child.once('exit', (code) => done(code)), child.kill('SIGTERM')));
    return { url: url!, token: token!, data: data!, stop };
  }

  it('serves the API with the given token and the public pages on 127.0.0.1 until stopped', async () => {
    const dir = tempDir('gongkai-site-cli-');
    const site = await startSite(['--data-dir', dir, '--token', 'my-site-token-123']);
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.token).toBe('my-site-token-123');
    expect(site.data).toBe(dir);
    expect((await fetch(`${site.url}/api/v1/columns`)).status).toBe(401);
    const columns = await fetch(`${site.url}/api/v1/columns`, { headers: { authorization: 'Bearer my-site-token-123' } });
    expect(columns.status).toBe(200);
    expect(((await columns.json()) as { id: string }[]).map((c) => c.id)).toContain('zfwj');
    expect((await fetch(`${site.url}/`)).status).toBe(200);
    expect(await site.stop()).toBe(0);
    expect(existsSync(join(dir, 'reference-site.sqlite3'))).toBe(true);
  });

  it('makes up a strong token when none is given, and keeps its data in `site` inside the app data folder by default', async () => {
    const home = tempDir('gongkai-site-home-');
    const child = spawn(process.execPath, [GONGKAI_BIN, 'site'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GONGKAI_DATA_DIR: home } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    await expect.poll(() => out, { timeout: 15_000 }).toMatch(/^data: .+$/m);
    const token = /^token: (\S+)$/m.exec(out)![1]!;
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(/^data: (.+)$/m.exec(out)![1]).toBe(join(home, 'site'));
    await new Promise((done) => (child.once('exit', done), child.kill('SIGTERM')));
  });

  it.each([
    [['site', '--port', 'web'], 'gongkai: invalid --port: web (see gongkai --help)'],
    [['site', '--token', 'short'], 'gongkai: --token needs at least 8 characters and no spaces (see gongkai --help)'],
    [['site', 'import'], 'gongkai: missing PACKAGE (see gongkai --help)'],
  ])('refuses %j with exit code 2', (args, message) => {
    expect(gongkai(args)).toMatchObject({ code: 2, err: message });
  });
});

describe('离线发布包: export from the app, gongkai site import, the pages show the items', () => {
  let t: TestBackend;
  let site: ReferenceSite | null = null;
  afterEach(async () => {
    await site?.close();
    site = null;
    t?.close();
  });

  /** A document with an attachment and its interpretation, reviewed and approved: two jobs waiting. */
  async function approvedPair() {
    t = makeBackend();
    const admin = await t.setup();
    const officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
    const approver = (await t.userWith(admin, 'qianfa', ['approver'])).session;
    const reviewer = (await t.userWith(admin, 'zhangsh', ['reviewer'])).id;
    for (const [id, columnId] of [['gov_document', 'zfwj'], ['interpretation', 'zcjd']] as const) {
      const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === id)!;
      await t.ok('categories.save', { ...category, columnId }, admin);
    }
    const pdf = Buffer.from('%PDF-1.7\n% 实施方案\n');
    const d = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title: '关于推进离线发布试点的通知', normative: true, documentNumber: '雷府〔2026〕9号' }), bodyHtml: '<p>离线发布试点正文。</p>' }, officer);
    await t.ok('attachments.add', { editionId: d.id, fileName: '实施方案.pdf', dataBase64: pdf.toString('base64') }, officer);
    const i = await t.ok('items.create', { categoryId: 'interpretation', fields: fields({ title: '《关于推进离线发布试点的通知》解读', documentNumber: '' }), bodyHtml: '<p>解读正文。</p>' }, officer);
    await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
    await t.ok('workflow.submit', { editionId: d.id }, officer);
    for (const id of [d.id, i.id]) {
      const hash = contentHash(t.backend.context(null), findEdition(t.backend.db, id)!);
      t.backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(id, reviewer, new Date().toISOString(), hash);
      t.backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(id);
    }
    await t.ok('publishing.approve', { editionId: d.id, password: 'Passw0rd!' }, approver);
    return { admin, officer, approver, document: d.itemId, interpretation: i.itemId, pdf };
  }

  async function exportZip(session: string): Promise<string> {
    const result = await t.ok('publishing.exportPackage', {}, session);
    const file = join(tempDir('gongkai-carry-'), result.fileName);
    writeFileSync(file, Buffer.from(result.dataBase64, 'base64'));
    return file;
  }

  function unpack(zip: string): string {
    const dir = tempDir('gongkai-unpacked-');
    for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
    return dir;
  }

  it('exports the waiting items as JSON, HTML, attachments and a manifest of SHA-256 sums', async () => {
    const pair = await approvedPair();
    const result = await t.ok('publishing.exportPackage', {}, pair.approver);
    expect(result).toMatchObject({ fileName: expect.stringMatching(/^offline-package-\d{8}-\d{6}\.zip$/), items: 2, withdrawals: 0, attachments: 1 });
    const files = unzipSync(Buffer.from(result.dataBase64, 'base64'));
    const manifest = PackageManifestSchema.parse(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')));
    expect(manifest.items.map((i) => i.itemId)).toEqual([pair.document, pair.interpretation]);
    expect(manifest.items[1]!.related).toEqual([{ itemId: pair.document, relation: 'interprets' }]);
    expect(Object.keys(files).sort()).toEqual(
      ['manifest.json', ...manifest.attachments.map((a) => `attachments/${a.sha256}`), ...manifest.files.map((f) => f.path)].sort(),
    );
    expect(manifest.files.map((f) => f.path)).toEqual([`items/${pair.document}-1.json`, `items/${pair.document}-1.html`, `items/${pair.interpretation}-1.json`, `items/${pair.interpretation}-1.html`]);
    expect(Buffer.from(files[`attachments/${manifest.attachments[0]!.sha256}`]!)).toEqual(pair.pdf);
    expect(Buffer.from(files[`items/${pair.document}-1.html`]!).toString('utf8')).toContain('<h1>关于推进离线发布试点的通知</h1>');
    // Exporting leaves the outbox as it was; an officer may not export.
    expect(await t.ok('publishing.status', {}, pair.officer)).toMatchObject({ queued: 2 });
    expect((await t.fails('publishing.exportPackage', {}, pair.officer)).code).toBe('auth.forbidden');

    // Items scheduled for later stay behind (they would go live on import); nothing left: a clear refusal.
    const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    t.backend.db.prepare("UPDATE editions SET status = 'scheduled' WHERE item_id IN (?, ?)").run(pair.document, pair.interpretation);
    t.backend.db.prepare('UPDATE outbox SET next_attempt_at = ?').run(later);
    expect(await t.fails('publishing.exportPackage', {}, pair.approver)).toEqual({ code: 'publishing.package_empty' });
  });

  it('round trip: the zip imported with gongkai site import shows the document and its interpretation, linked both ways', async () => {
    const pair = await approvedPair();
    const zip = await exportZip(pair.approver);
    const siteDir = tempDir('gongkai-fresh-site-');
    const imported = gongkai(['site', 'import', zip, '--data-dir', siteDir, '--json']);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(imported.out)).toEqual({ published: 2, alreadyPublished: 0, attachments: 1, withdrawals: 0 });
    expect(readdirSync(join(siteDir, 'tmp'))).toEqual([]);

    site = await startReferenceSite({ dataDir: siteDir, token: 'any-token-0123456789' });
    const doc = await (await fetch(`${site.url}/items/${pair.document}`)).text();
    expect(doc).toContain('关于推进离线发布试点的通知');
    expect(doc).toContain('雷府〔2026〕9号');
    expect(doc).toContain(`<a href="/items/${pair.interpretation}">《关于推进离线发布试点的通知》解读</a>`);
    const interp = await (await fetch(`${site.url}/items/${pair.interpretation}`)).text();
    expect(interp).toContain(`<a href="/items/${pair.document}">关于推进离线发布试点的通知</a>`);
    const sha = site.store.itemPage(pair.document)!.current.attachments[0]!.sha256;
    const download = await fetch(`${site.url}/attachments/${sha}/${encodeURIComponent('实施方案.pdf')}`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pair.pdf);

    await site.close();
    site = null;
    // The same package again changes nothing.
    expect(JSON.parse(gongkai(['site', 'import', zip, '--data-dir', siteDir, '--json']).out)).toEqual({ published: 0, alreadyPublished: 2, attachments: 0, withdrawals: 0 });
  });

  it('imports the unpacked folder too, and refuses the whole package when one sum is wrong', async () => {
    const pair = await approvedPair();
    const folder = unpack(await exportZip(pair.admin));
    const html = join(folder, 'items', `${pair.interpretation}-1.html`);
    const good = readFileSync(html);
    writeFileSync(html, Buffer.concat([good.subarray(0, -2), Buffer.from('!\n')])); // same size, other bytes

    const siteDir = tempDir('gongkai-fresh-site-');
    const refused = gongkai(['site', 'import', folder, '--data-dir', siteDir]);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(new RegExp(`^gongkai: offline package refused, nothing imported: items/${pair.interpretation}-1\\.html: the bytes hash to [0-9a-f]{64}, the manifest says [0-9a-f]{64}$`));
    site = await startReferenceSite({ dataDir: siteDir, token: 'any-token-0123456789' });
    expect(site.store.editionCount(pair.document)).toBe(0);
    await site.close();
    site = null;

    writeFileSync(html, good);
    expect(gongkai(['site', 'import', folder, '--data-dir', siteDir])).toMatchObject({ code: 0, out: `imported ${folder}: 2 published, 0 already on the site, 1 attachments, 0 withdrawals` });
  });

  it('refuses a zip holding a file a package may not hold, and a file that is no package', async () => {
    const pair = await approvedPair();
    const zip = await exportZip(pair.admin);
    const { zipSync } = await import('fflate');
    const entries = unzipSync(readFileSync(zip));
    writeFileSync(zip, zipSync({ ...entries, '../evil.txt': Buffer.from('x') }));
    const siteDir = tempDir('gongkai-fresh-site-');
    expect(gongkai(['site', 'import', zip, '--data-dir', siteDir])).toMatchObject({ code: 1, err: 'gongkai: offline package refused, nothing imported: ../evil.txt: not a file a package may hold' });
    expect(gongkai(['site', 'import', GONGKAI_BIN, '--data-dir', siteDir])).toMatchObject({ code: 1, err: `gongkai: offline package refused, nothing imported: ${GONGKAI_BIN}: neither a folder nor a zip file` });
    expect(gongkai(['site', 'import', join(siteDir, 'nothing-here'), '--data-dir', siteDir]).code).toBe(1);
  });
});
