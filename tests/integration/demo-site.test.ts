/**
 * 本地演示网站: the reference site run by the app itself on 127.0.0.1, publishing pointed at it,
 * started again with the app while configured, stopped with the backend.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/core/backend.js';
import { ADMIN, makeBackend, silentLog, TestClock, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';
import { configuredClient, siteToken, siteUrl } from '../../electron/core/services/site-settings.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';

let t: TestBackend;
const opened: Backend[] = [];
afterEach(() => {
  for (const b of opened.splice(0)) b.close();
});

const reachable = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
    (r) => r.status,
    () => null,
  );

/** The app started again on the same data folder, as the desktop app starts (with its background work). */
async function restart(dataDir: string): Promise<{ backend: Backend; admin: string }> {
  const backend = openBackend({ dataDir, mode: 'browser', sync: true, clock: new TestClock(), log: silentLog });
  opened.push(backend);
  const login = await backend.call('auth.login', { username: ADMIN.username, password: ADMIN.password }, null);
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  return { backend, admin: (login.value as { sessionId: string }).sessionId };
}

async function demoState(backend: Backend, session: string) {
  const result = await backend.call('publishing.demoSite', {}, session);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as { inUse: boolean; running: boolean; url: string | null };
}

describe('本地演示网站', () => {
  it('runs on loopback, receives what is approved, comes back with the app and stops with it', { timeout: 60_000 }, async () => {
    t = makeBackend();
    const admin = await t.setup();
    const officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
    const approver = (await t.userWith(admin, 'qianfa', ['approver'])).session;
    const reviewer = (await t.userWith(admin, 'zhangsh', ['reviewer'])).id;
    expect(await t.ok('publishing.demoSite', {}, officer)).toEqual({ inUse: false, running: false, url: null });
    expect((await t.fails('publishing.useDemoSite', { enabled: true }, officer)).code).toBe('auth.forbidden');

    const demo = await t.ok('publishing.useDemoSite', { enabled: true }, admin);
    expect(demo).toEqual({ inUse: true, running: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
    expect(await t.ok('publishing.settings', {}, admin)).toMatchObject({ siteUrl: demo.url, tokenSet: true, target: 'publishing_api' });
    expect(await reachable(`${demo.url}/`)).toBe(200);
    expect(await reachable(`${demo.url}/api/v1/columns`)).toBe(401);
    expect(siteToken(t.backend.context(null))!.length).toBeGreaterThanOrEqual(32);
    // Asking again while it runs changes nothing.
    expect(await t.ok('publishing.useDemoSite', { enabled: true }, admin)).toEqual(demo);

    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
    await t.ok('categories.save', { ...category, columnId: 'tzgg' }, admin);
    const e = await t.ok('items.create', { categoryId: 'notice', fields: fields({ title: '演示网站上的第一条通知', documentNumber: '' }), bodyHtml: '<p>正文</p>' }, officer);
    await t.ok('workflow.submit', { editionId: e.id }, officer);
    const hash = contentHash(t.backend.context(null), findEdition(t.backend.db, e.id)!);
    t.backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(e.id, reviewer, new Date().toISOString(), hash);
    t.backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(e.id);
    await t.ok('publishing.approve', { editionId: e.id, password: 'Passw0rd!' }, approver);
    const ctx = t.backend.context(null);
    await new SyncWorker(ctx, configuredClient(ctx)!).drain();
    const link = await t.ok('publishing.websiteLink', { itemId: e.itemId }, officer);
    expect(link).toEqual({ url: `${demo.url}/items/${e.itemId}`, edition: 1, publishedAt: expect.any(String) });
    expect(await (await fetch(link!.url)).text()).toContain('演示网站上的第一条通知');
    expect(await t.ok('publishing.published', {}, officer)).toEqual([
      { itemId: e.itemId, editionId: e.id, title: '演示网站上的第一条通知', indexNumber: e.indexNumber, url: link!.url, edition: 1, publishedAt: link!.publishedAt },
    ]);

    // Closing the backend stops the site; the next start of the app brings it back on the same address.
    t.backend.close();
    await expect.poll(() => reachable(`${demo.url}/`), { timeout: 10_000 }).toBeNull();
    const again = await restart(t.dataDir);
    await expect.poll(() => demoState(again.backend, again.admin), { timeout: 10_000 }).toEqual(demo);
    expect(await (await fetch(link!.url)).text()).toContain('演示网站上的第一条通知');

    // Stopped on request: not used, not running, and not started with the app any more.
    expect(await demoState(again.backend, again.admin)).toEqual(demo);
    const result = await again.backend.call('publishing.useDemoSite', { enabled: false }, again.admin);
    expect(result).toEqual({ ok: true, value: { inUse: false, running: false, url: null } });
    expect(await reachable(`${demo.url}/`)).toBeNull();
    again.backend.close();
    opened.length = 0;
    const third = await restart(t.dataDir);
    await new Promise((done) => setTimeout(done, 300));
    expect(await demoState(third.backend, third.admin)).toEqual({ inUse: false, running: false, url: null });
  });

  it('moves to a free port when its own is taken, and points publishing there', { timeout: 60_000 }, async () => {
    t = makeBackend();
    const admin = await t.setup();
    const first = await t.ok('publishing.useDemoSite', { enabled: true }, admin);
    t.backend.close();
    await expect.poll(() => reachable(`${first.url}/`), { timeout: 10_000 }).toBeNull();
    // Someone else takes the port while the app is closed.
    const { createServer } = await import('node:http');
    const squatter = createServer((_req, res) => res.end('not the demo site'));
    await new Promise<void>((done) => squatter.listen(Number(new URL(first.url!).port), '127.0.0.1', done));
    try {
      const again = await restart(t.dataDir);
      await expect.poll(() => demoState(again.backend, again.admin).then((s) => s.running), { timeout: 10_000 }).toBe(true);
      const moved = await demoState(again.backend, again.admin);
      expect(moved.url).not.toBe(first.url);
      expect(moved.inUse).toBe(true);
      expect(siteUrl(again.backend.context(null))).toBe(moved.url);
      expect(await reachable(`${moved.url}/`)).toBe(200);
    } finally {
      squatter.close();
    }
  });
});
