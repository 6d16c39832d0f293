import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { httpSiteClient } from '../../electron/core/sync/site-client.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';

const TOKEN = 'site-token-for-tests-0123456789';
let t: TestBackend;
let site: ReferenceSite;
let admin: string;
let officer: string;
let approver: string;

beforeEach(async () => {
  t = makeBackend();
  site = await startReferenceSite({ dataDir: tempDir('gongkai-site-'), token: TOKEN, onError: () => undefined });
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
  approver = (await t.userWith(admin, 'qianfa', ['approver'])).session;
  const reviewerId = (await t.userWith(admin, 'zhangsh', ['reviewer'])).id;
  for (const [id, columnId] of [['gov_document', 'zfwj'], ['interpretation', 'zcjd']] as const) {
    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === id)!;
    await t.ok('categories.save', { ...category, columnId }, admin);
  }
  await t.ok('publishing.configure', { siteUrl: site.url, token: TOKEN }, admin);
  reviewedBy = reviewerId;
});
afterEach(async () => {
  await site.close();
  t.close();
});

let reviewedBy: string;

/**
 * A document and its interpretation, submitted together and signed off. The review screens and
 * their rules are tested in review.test.ts; here the sign-off is recorded as the review would.
 */
async function reviewedPair(n: number): Promise<{ document: string; interpretation: string }> {
  const d = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title: `关于做好第${n}项工作的通知`, normative: true, documentNumber: `雷府〔2026〕${n}号` }), bodyHtml: `<p>第${n}号文件正文。</p>` }, officer);
  const i = await t.ok('items.create', { categoryId: 'interpretation', fields: fields({ title: `《关于做好第${n}项工作的通知》政策解读`, documentNumber: '' }), bodyHtml: `<p>解读第${n}号文件的背景和要点。</p>` }, officer);
  await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
  await t.ok('workflow.submit', { editionId: d.id }, officer);
  signOff(d.id);
  signOff(i.id);
  return { document: d.id, interpretation: i.id };
}

function signOff(editionId: string): void {
  const ctx = t.backend.context(null);
  const hash = contentHash(ctx, findEdition(t.backend.db, editionId)!);
  t.backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(editionId, reviewedBy, new Date().toISOString(), hash);
  t.backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(editionId);
}

function worker(backend = t.backend) {
  return new SyncWorker(backend.context(null), httpSiteClient(site.url, TOKEN), { baseBackoffMs: 1, maxBackoffMs: 5, concurrency: 4 });
}

/** Drains with a clock moving forward, as time passes between the worker's rounds. */
async function drainAll(backend = t.backend, rounds = 400): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await worker(backend).drain();
    const { n } = backend.db.prepare("SELECT count(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number };
    if (n === 0) return;
    t.clock.advanceMinutes(1);
  }
  throw new Error('outbox did not drain');
}

describe('approval and publishing', () => {
  it('refuses approval by the author, without a valid sign-off, or without a website column, listing every reason', async () => {
    const both = await t.userWith(admin, 'wangwu', ['officer', 'approver']);
    const d = await t.ok('items.create', { categoryId: 'notice', fields: fields({ documentNumber: '' }), bodyHtml: '<p>正文</p>' }, both.session);
    await t.ok('workflow.submit', { editionId: d.id }, both.session);
    const refused = await t.fails('publishing.approve', { editionId: d.id, password: 'Passw0rd!' }, both.session);
    expect(refused).toEqual({
      code: 'approval.refused',
      params: { count: 3 },
      reasons: [
        { code: 'approval.not_reviewed', params: { title: d.title, status: 'submitted' } },
        { code: 'approval.own_edition', params: { title: d.title } },
        { code: 'approval.no_column', params: { title: d.title } },
      ],
    });
    signOff(d.id);
    t.backend.db.prepare("UPDATE edition_bodies SET body_html = '<p>签字后改过的正文</p>' WHERE edition_id = ?").run(d.id);
    expect((await t.fails('publishing.approve', { editionId: d.id, password: 'Passw0rd!' }, approver)).reasons).toContainEqual({ code: 'approval.signoff_invalid', params: { title: d.title } });
  });

  it('writes the state change, the outbox job and the audit entry together', async () => {
    const pair = await reviewedPair(1);
    expect(await t.ok('publishing.approve', { editionId: pair.document, password: 'Passw0rd!' }, approver)).toEqual({ queued: [pair.document, pair.interpretation] });
    const jobs = t.backend.db.prepare('SELECT edition_id, state, after_job FROM outbox ORDER BY id').all();
    expect(jobs).toEqual([
      { edition_id: pair.document, state: 'pending', after_job: null },
      { edition_id: pair.interpretation, state: 'pending', after_job: expect.any(Number) },
    ]);
    expect((await t.ok('items.edition', { editionId: pair.interpretation }, officer)).status).toBe('queued');
    expect((await t.ok('audit.list', { limit: 2 }, admin)).entries.map((e) => e.action)).toEqual(['publishing.approve', 'publishing.approve']);
    expect(await t.ok('publishing.status', {}, officer)).toMatchObject({ configured: true, queued: 2, failed: 0 });
  });

  it('publishes 1,000 items exactly once, documents before interpretations, through 20% faults and a restart', { timeout: 300_000 }, async () => {
    const pairs: { document: string; interpretation: string }[] = [];
    for (let n = 1; n <= 500; n++) pairs.push(await reviewedPair(n));
    for (const p of pairs) await t.ok('publishing.approve', { editionId: p.document, password: 'Passw0rd!' }, approver);
    site.setFaults({ errorRate: 0.1, rate429: 0.05, commitThenDrop: 0.05, seed: 7 });

    // Part of the way, then the app stops and starts again on the same data.
    await worker().drain(300);
    const part = t.backend.db.prepare("SELECT state, count(*) AS n FROM outbox GROUP BY state ORDER BY state").all() as { state: string; n: number }[];
    expect(part.find((r) => r.state === 'done')!.n).toBeGreaterThan(100);
    expect(part.find((r) => r.state === 'pending')!.n).toBeGreaterThan(500);
    const dataDir = t.dataDir;
    const clock = t.clock;
    t.backend.close();
    const restarted = makeBackend(dataDir);
    restarted.clock.advanceMinutes((clock.now().getTime() - restarted.clock.now().getTime()) / 60_000);
    t = restarted;
    await drainAll();

    const db = t.backend.db;
    expect(db.prepare("SELECT state, count(*) AS n FROM outbox GROUP BY state").all()).toEqual([{ state: 'done', n: 1000 }]);
    expect(db.prepare("SELECT status, count(*) AS n FROM editions GROUP BY status").all()).toEqual([{ status: 'published', n: 1000 }]);
    const order = new Map((site.store.db.prepare('SELECT item_id, rowid FROM editions').all() as { item_id: string; rowid: number }[]).map((r) => [r.item_id, r.rowid]));
    expect(order.size).toBe(1000);
    for (const p of pairs) {
      const d = findEdition(db, p.document)!;
      const i = findEdition(db, p.interpretation)!;
      expect(site.store.editionCount(d.itemId)).toBe(1);
      expect(site.store.editionCount(i.itemId)).toBe(1);
      expect(order.get(d.itemId)!).toBeLessThan(order.get(i.itemId)!);
    }
    const faults = db.prepare("SELECT count(*) AS n FROM outbox_attempts WHERE outcome = 'retry'").get() as { n: number };
    expect(faults.n).toBeGreaterThan(100);
    const local = db.prepare('SELECT item_id AS itemId, edition, content_hash AS hash FROM site_items').all() as { itemId: string; edition: number; hash: string }[];
    for (const row of local) expect(site.store.state(row.itemId)).toMatchObject({ edition: row.edition, contentHash: row.hash });
  });

  it('shows a stale-edition conflict instead of overwriting what the website has', async () => {
    const pair = await reviewedPair(1);
    await t.ok('publishing.approve', { editionId: pair.document, password: 'Passw0rd!' }, approver);
    await drainAll();
    const d = findEdition(t.backend.db, pair.document)!;
    // Someone changes the page on the website itself, as edition 2.
    const live = site.store.state(d.itemId)!;
    const changed = await fetch(`${site.url}/api/v1/items/${d.itemId}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...live, edition: 2, previousEdition: 1, title: '网站上直接改过的标题', contentHash: 'f'.repeat(64), review: { ...live.review, contentHash: 'f'.repeat(64) }, approval: { ...live.approval, contentHash: 'f'.repeat(64) }, bodyHtml: '<p>改</p>' }),
    });
    expect(changed.status).toBe(201);

    const next = await t.ok('items.newEdition', { itemId: d.itemId }, officer);
    await t.ok('items.saveDraft', { editionId: next.id, categoryId: 'gov_document', fields: { ...fields({ title: '我们修订后的标题', normative: true, documentNumber: '雷府〔2026〕1号' }) }, bodyHtml: '<p>修订后的正文。</p>' }, officer);
    // An update needs its 更正说明 (or to be marked minor) before it can go to review.
    expect((await t.fails('workflow.submit', { editionId: next.id }, officer)).reasons).toEqual([{ code: 'workflow.change_note_required' }]);
    await t.ok('items.setChangeNote', { editionId: next.id, changeNote: '修订标题和正文表述', minorChange: false }, officer);
    await t.ok('workflow.submit', { editionId: next.id }, officer);
    signOff(next.id);
    await t.ok('publishing.approve', { editionId: next.id, password: 'Passw0rd!' }, approver);
    await drainAll();
    expect((await t.ok('items.edition', { editionId: next.id }, officer)).status).toBe('conflict');
    const [job] = await t.ok('publishing.jobs', { state: 'conflict' }, officer);
    expect(job!.lastError).toContain('网站上直接改过的标题');
    expect(site.store.state(d.itemId)).toMatchObject({ edition: 2, title: '网站上直接改过的标题' });
    expect(await t.ok('publishing.status', {}, officer)).toMatchObject({ conflicts: 1 });
  });

  it('withdraws with a typed reason: the website keeps the page with a notice', async () => {
    const pair = await reviewedPair(1);
    await t.ok('publishing.approve', { editionId: pair.document, password: 'Passw0rd!' }, approver);
    await drainAll();
    const d = findEdition(t.backend.db, pair.document)!;
    const withdraw = (input: Record<string, unknown>) =>
      t.backend.call('publishing.withdraw', { editionIds: [pair.document], reason: 'expired_or_repealed', replacedByItemId: null, note: '已被新办法废止', password: 'Passw0rd!', confirmed: false, ...input }, approver);
    expect(await withdraw({ reason: 'superseded' })).toMatchObject({ ok: false, error: { code: 'withdrawal.refused', reasons: [{ code: 'withdrawal.replacement_required' }] } });
    expect(await withdraw({})).toEqual({ ok: true, value: { queued: [pair.document] } });
    expect((await t.ok('items.edition', { editionId: pair.document }, officer)).status).toBe('withdrawn');
    await drainAll();
    expect(site.store.state(d.itemId)!.withdrawal).toMatchObject({ reason: 'expired_or_repealed', note: '已被新办法废止' });
    const page = await (await fetch(`${site.url}/items/${d.itemId}`)).text();
    expect(page).toContain('已被新办法废止');
    expect((await withdraw({})).ok).toBe(false); // already withdrawn
  });

  it('asks for confirmation before withdrawing more than five items at once', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 6; n++) {
      const pair = await reviewedPair(n);
      await t.ok('publishing.approve', { editionId: pair.document, password: 'Passw0rd!' }, approver);
      ids.push(pair.document);
    }
    await drainAll();
    const input = { editionIds: ids, reason: 'published_in_error' as const, replacedByItemId: null, note: '批量误发', password: 'Passw0rd!' };
    expect(await t.fails('publishing.withdraw', { ...input, confirmed: false }, approver)).toEqual({
      code: 'withdrawal.refused',
      params: { count: 1 },
      reasons: [{ code: 'withdrawal.mass_unconfirmed', params: { count: 6, threshold: 5 } }],
    });
    expect((await t.ok('items.edition', { editionId: ids[0]! }, officer)).status).toBe('published');
    expect((await t.ok('publishing.withdraw', { ...input, confirmed: true }, approver)).queued).toHaveLength(6);
  });

  it('publishes a scheduled item only from its time on, even if that time passed while the app was closed', async () => {
    const pair = await reviewedPair(1);
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    expect(await t.fails('publishing.approve', { editionId: pair.document, password: 'Passw0rd!', scheduledAt: past }, approver)).toEqual({
      code: 'approval.refused',
      params: { count: 1 },
      reasons: [{ code: 'approval.schedule_past' }],
    });
    const at = new Date(t.clock.now().getTime() + 2 * 3600_000).toISOString();
    await t.ok('publishing.approve', { editionId: pair.document, password: 'Passw0rd!', scheduledAt: at }, approver);
    expect((await t.ok('items.edition', { editionId: pair.document }, officer)).status).toBe('scheduled');
    await worker().drain();
    expect(site.store.state(findEdition(t.backend.db, pair.document)!.itemId)).toBeNull();
    // The app is closed over the scheduled time and opened again later.
    const dataDir = t.dataDir;
    const later = t.clock.now().getTime() + 3 * 3600_000;
    t.backend.close();
    t = makeBackend(dataDir);
    t.clock.advanceMinutes((later - t.clock.now().getTime()) / 60_000);
    await worker().drain();
    const document = findEdition(t.backend.db, pair.document)!;
    expect(document.status).toBe('published');
    expect(site.store.editionCount(document.itemId)).toBe(1);
    await worker().drain(); // running again changes nothing
    expect(site.store.editionCount(document.itemId)).toBe(1);
  });
});

