import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeBackend, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { startWordPress, type WordPressServer } from '../support/wordpress-server.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { configuredClient } from '../../electron/core/services/site-settings.js';
import { contentHash } from '../../electron/core/services/review.js';
import { findEdition } from '../../electron/core/db/items-repo.js';
import { parseMarker, postSlug } from '../../electron/core/sync/wordpress-post.js';

const APP_PASSWORD = 'abcd EFGH ijkl MNOP qrst UVWX';
let t: TestBackend;
let wp: WordPressServer;
let admin: string;
let officer: string;
let approver: string;
let reviewerId: string;

beforeEach(async () => {
  wp = await startWordPress({
    users: [
      { id: 2, username: 'gongkai', applicationPassword: APP_PASSWORD, role: 'editor' },
      { id: 3, username: 'reader', applicationPassword: 'zzzz zzzz zzzz zzzz zzzz zzzz', role: 'subscriber' },
    ],
    categories: [
      { id: 1, name: 'Uncategorized', slug: 'uncategorized', parent: 0 },
      { id: 7, name: '政府文件', slug: 'zfwj', parent: 0 },
      { id: 9, name: '政策解读', slug: 'zcjd', parent: 0 },
      // More than one page of categories (WordPress answers at most 100 per request).
      ...Array.from({ length: 150 }, (_, n) => ({ id: 1000 + n, name: `乡镇栏目${n + 1}`, slug: `xz${n + 1}`, parent: 7 })),
    ],
  });
  t = makeBackend();
  admin = await t.setup();
  officer = (await t.userWith(admin, 'xiaoli', ['officer'])).session;
  approver = (await t.userWith(admin, 'qianfa', ['approver'])).session;
  reviewerId = (await t.userWith(admin, 'zhangsh', ['reviewer'])).id;
  // The document column by WordPress category id, the interpretation column by slug: both work.
  for (const [id, columnId] of [['gov_document', '7'], ['interpretation', 'zcjd']] as const) {
    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === id)!;
    await t.ok('categories.save', { ...category, columnId }, admin);
  }
  await t.ok('publishing.configure', { siteUrl: wp.url, target: 'wordpress', username: 'gongkai', token: APP_PASSWORD }, admin);
});
afterEach(async () => {
  await wp.close();
  t.close();
});

/** The sign-off as the review screens record it (their rules are tested in review.test.ts). */
function signOff(editionId: string): void {
  const hash = contentHash(t.backend.context(null), findEdition(t.backend.db, editionId)!);
  t.backend.db.prepare("INSERT INTO reviews (edition_id, decision, reviewer_id, decided_at, content_hash) VALUES (?, 'approve', ?, ?, ?)").run(editionId, reviewerId, new Date().toISOString(), hash);
  t.backend.db.prepare("UPDATE editions SET status = 'reviewed' WHERE id = ?").run(editionId);
}

/** A document with an attachment and its interpretation, approved together. */
async function approvedPair(n: number, attachment: Buffer) {
  const d = await t.ok('items.create', { categoryId: 'gov_document', fields: fields({ title: `关于做好第${n}项工作的通知`, documentNumber: `雷府〔2026〕${n}号` }), bodyHtml: `<p>第${n}号文件正文。</p>` }, officer);
  await t.ok('attachments.add', { editionId: d.id, fileName: `第${n}号附件.pdf`, dataBase64: attachment.toString('base64') }, officer);
  const i = await t.ok('items.create', { categoryId: 'interpretation', fields: fields({ title: `第${n}号通知政策解读`, documentNumber: '' }), bodyHtml: `<p>解读第${n}号文件。</p>` }, officer);
  await t.ok('interpretations.link', { interpretationItemId: i.itemId, documentItemId: d.itemId }, officer);
  await t.ok('workflow.submit', { editionId: d.id }, officer);
  signOff(d.id);
  signOff(i.id);
  await t.ok('publishing.approve', { editionId: d.id, password: 'Passw0rd!' }, approver);
  return { document: d, interpretation: i };
}

/** Runs the worker round after round, the clock moving on, until nothing more can be sent (blocked jobs wait for a person). */
async function drain(rounds = 50): Promise<void> {
  let idle = 0;
  for (let i = 0; i < rounds && idle < 2; i++) {
    const tried = await new SyncWorker(t.backend.context(null), configuredClient(t.backend.context(null))!, { baseBackoffMs: 1, maxBackoffMs: 5 }).drain();
    idle = tried === 0 ? idle + 1 : 0;
    t.clock.advanceMinutes(1);
  }
  if (idle < 2) throw new Error('outbox did not settle');
}

const postOf = (itemId: string) => wp.posts.filter((p) => p.slug === postSlug(itemId));

describe('publishing to WordPress', () => {
  it('publishes documents with attachments and their interpretations exactly once, through dropped answers and errors', async () => {
    const shared = Buffer.from('%PDF-1.4 shared attachment');
    const pairs = [];
    for (let n = 1; n <= 3; n++) pairs.push(await approvedPair(n, n === 3 ? Buffer.from('%PDF-1.4 third') : shared));
    // The first media upload and the first two new posts are written, but the answers are lost; then the site has a bad moment.
    wp.dropAfterCommit(1, '/wp-json/wp/v2/media');
    await new SyncWorker(t.backend.context(null), configuredClient(t.backend.context(null))!, { baseBackoffMs: 1, maxBackoffMs: 5, concurrency: 1 }).drain(1);
    wp.dropAfterCommit(2, '/wp-json/wp/v2/posts');
    await new SyncWorker(t.backend.context(null), configuredClient(t.backend.context(null))!, { baseBackoffMs: 1, maxBackoffMs: 5, concurrency: 1 }).drain(3);
    wp.failNext(3, 503);
    await drain();
    const lost = t.backend.db.prepare("SELECT count(*) AS n FROM outbox_attempts WHERE outcome = 'retry' AND status IS NULL").get() as { n: number };
    expect(lost.n).toBe(3);
    expect(wp.requests.filter((r) => r === 'POST /wp-json/wp/v2/posts')).toHaveLength(6);

    expect(t.backend.db.prepare("SELECT state, count(*) AS n FROM outbox GROUP BY state").all()).toEqual([{ state: 'done', n: 6 }]);
    expect(wp.posts).toHaveLength(6);
    // One file attached to two items is one media item.
    expect(wp.media.map((m) => m.title).sort()).toEqual(['第1号附件.pdf', '第3号附件.pdf']);
    for (const { document, interpretation } of pairs) {
      const [doc] = postOf(document.itemId);
      const [interp] = postOf(interpretation.itemId);
      expect(postOf(document.itemId)).toHaveLength(1);
      expect(postOf(interpretation.itemId)).toHaveLength(1);
      expect(doc!.status).toBe('publish');
      expect(doc!.categories).toEqual([7]);
      expect(interp!.categories).toEqual([9]);
      expect(doc!.title).toBe(document.title);
      expect(parseMarker(doc!.content)).toEqual({ itemId: document.itemId, edition: 1, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      // The catalogue header above the body.
      for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '发文字号', '发布日期', '有效性']) expect(doc!.content).toContain(`<th scope="row">${label}</th>`);
      expect(doc!.content).toContain(`<td>${document.indexNumber}</td>`);
      expect(doc!.content.indexOf('gk-catalogue')).toBeLessThan(doc!.content.indexOf('gk-body'));
      // The attachment links to its media file, which serves the bytes.
      const href = /<ul class="gk-attachments"><li><a href="([^"]+)">/.exec(doc!.content)![1]!;
      expect(Buffer.from(await (await fetch(href)).arrayBuffer()).subarray(0, 8).toString()).toBe('%PDF-1.4');
      // 解读 → 文件 links to the document's post; 文件 → 解读 resolves to the interpretation's post.
      expect(interp!.content).toContain(`<a href="${wp.url}/?p=${doc!.id}">${document.title}</a>`);
      const back = /<ul class="gk-related gk-interpreted-by"><li><a href="([^"]+)">/.exec(doc!.content)![1]!;
      const followed = await fetch(back, { redirect: 'manual' });
      expect(followed.headers.get('location') ?? back).toBe(`${wp.url}/?p=${interp!.id}`);
    }
    // The local state records each post's address.
    const urls = t.backend.db.prepare('SELECT url FROM site_items').all() as { url: string }[];
    expect(urls.map((u) => u.url).sort()).toEqual(wp.posts.map((p) => `${wp.url}/?p=${p.id}`).sort());
  });

  it('updates the same post for a new edition, and withdraws it to draft with the reason', async () => {
    const { document } = await approvedPair(1, Buffer.from('%PDF-1.4 one'));
    await drain();
    const [post] = postOf(document.itemId);
    const next = await t.ok('items.newEdition', { itemId: document.itemId }, officer);
    await t.ok('items.saveDraft', { editionId: next.id, categoryId: 'gov_document', fields: fields({ title: '关于做好第1项工作的通知（修订）', documentNumber: '雷府〔2026〕1号' }), bodyHtml: '<p>修订后的正文。</p>' }, officer);
    await t.ok('items.setChangeNote', { editionId: next.id, changeNote: '修订正文表述', minorChange: false }, officer);
    await t.ok('workflow.submit', { editionId: next.id }, officer);
    signOff(next.id);
    await t.ok('publishing.approve', { editionId: next.id, password: 'Passw0rd!' }, approver);
    await drain();
    expect(postOf(document.itemId)).toEqual([post]);
    expect(post).toMatchObject({ title: '关于做好第1项工作的通知（修订）', status: 'publish' });
    expect(parseMarker(post!.content)!.edition).toBe(2);
    expect(post!.content).toContain('修订后的正文。');

    await t.ok('publishing.withdraw', { editionIds: [next.id], reason: 'expired_or_repealed', replacedByItemId: null, note: '该文件已于2026年3月废止。', password: 'Passw0rd!', confirmed: false }, approver);
    wp.dropAfterCommit(1);
    await drain();
    expect(postOf(document.itemId)).toHaveLength(1);
    expect(post!.status).toBe('draft');
    expect(post!.content).toContain('该信息已撤回：已失效或废止');
    expect(post!.content).toContain('该文件已于2026年3月废止。');
    expect(post!.content.match(/gk-withdrawn/g)).toHaveLength(1);
  });

  it('shows a post changed elsewhere as a conflict instead of overwriting it', async () => {
    const { document } = await approvedPair(1, Buffer.from('%PDF-1.4 one'));
    await drain();
    const [post] = postOf(document.itemId);
    post!.content = post!.content.replace(/edition=1 hash=[0-9a-f]+/, 'edition=2 hash=abcdef');
    // A replay of edition 1 now meets a post that claims edition 2.
    t.backend.db.prepare("UPDATE outbox SET state = 'pending', next_attempt_at = '2000-01-01T00:00:00Z'").run();
    t.backend.db.prepare('DELETE FROM site_items').run();
    await drain();
    const job = t.backend.db.prepare("SELECT state, last_error FROM outbox WHERE edition_id = ?").get(document.id) as { state: string; last_error: string };
    expect(job.state).toBe('conflict');
    expect(job.last_error).toContain('"edition":2');
    expect(post!.content).toContain('hash=abcdef');
  });

  it('stops with WordPress own message on a refused credential or an unknown category, and says so in the connection test', async () => {
    const listed = await t.ok('publishing.testConnection', {}, admin);
    expect(listed.columns).toEqual([
      { id: '1', name: 'Uncategorized', parentId: null },
      { id: '7', name: '政府文件', parentId: null },
      { id: '9', name: '政策解读', parentId: null },
      ...Array.from({ length: 150 }, (_, n) => ({ id: String(1000 + n), name: `乡镇栏目${n + 1}`, parentId: '7' })),
    ]);

    await t.ok('publishing.configure', { siteUrl: wp.url, target: 'wordpress', username: 'reader', token: 'zzzz zzzz zzzz zzzz zzzz zzzz' }, admin);
    await approvedPair(1, Buffer.from('%PDF-1.4 one'));
    await drain();
    const failed = t.backend.db.prepare("SELECT state, last_error FROM outbox ORDER BY id").all() as { state: string; last_error: string }[];
    expect(failed[0]).toEqual({ state: 'failed', last_error: 'Sorry, you are not allowed to upload media on this site.' });

    await t.ok('publishing.configure', { siteUrl: wp.url, target: 'wordpress', username: 'gongkai', token: 'wrong wrong wrong wrong' }, admin);
    expect(await t.fails('publishing.testConnection', {}, admin)).toEqual({
      code: 'publishing.connection_rejected',
      params: { status: 401, detail: 'The provided password is an invalid application password.' },
    });

    await t.ok('publishing.configure', { siteUrl: wp.url, target: 'wordpress', username: 'gongkai', token: APP_PASSWORD }, admin);
    const category = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'gov_document')!;
    await t.ok('categories.save', { ...category, columnId: '99' }, admin);
    t.backend.db.prepare("UPDATE outbox SET state = 'cancelled'").run();
    await approvedPair(2, Buffer.from('%PDF-1.4 two'));
    await drain();
    const last = t.backend.db.prepare("SELECT state, last_error FROM outbox WHERE state <> 'cancelled' ORDER BY id LIMIT 1").get();
    expect(last).toEqual({ state: 'failed', last_error: 'WordPress category "99": Term does not exist.' });
  });
});
