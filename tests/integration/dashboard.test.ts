import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startReferenceSite, type ReferenceSite } from '../../electron/reference-site/site.js';
import { SyncWorker } from '../../electron/core/sync/worker.js';
import { httpSiteClient } from '../../electron/core/sync/site-client.js';
import { makeBackend, tempDir, type TestBackend } from '../support/backend.js';
import { fields } from '../support/items.js';
import { LEIZHOU_2018_PUBLISHED_BY_CATEGORY } from '../support/leizhou-2018.js';
import { signOff } from '../support/office-world.js';

let t: TestBackend;
let admin: string;
let officer: { id: string; session: string };

beforeEach(async () => {
  t = makeBackend(); // today is Monday 2026-03-02 in Shanghai
  admin = await t.setup();
  officer = await t.userWith(admin, 'xiaoli', ['officer']);
});
afterEach(() => t.close());

const ZERO_LEVELS = { national: 0, provincial: 0, municipal: 0, local: 0 };

describe('工作台 figures', () => {
  it('shows this year by the clock, all zero in a new store', async () => {
    expect(await t.ok('dashboard.summary', {}, officer.session)).toEqual({
      year: 2026,
      years: [2026],
      published: { total: 0, byCategory: [] },
      interpretations: ZERO_LEVELS,
      interviews: { held: 0, reposted: 0 },
      requests: { received: 0, closed: 0 },
      errorReports: { received: 0, handled: 0 },
      queues: { awaitingReview: 0, awaitingApproval: 0, syncFailures: 0 },
    });
  });

  it('shows the demo year’s figures for 2018, and nothing published in this year', async () => {
    await t.ok('demo.load', { name: 'leizhou-2018' }, admin);
    const year2018 = await t.ok('dashboard.summary', { year: 2018 }, officer.session);
    expect(year2018.published.total).toBe(5090);
    expect(Object.fromEntries(year2018.published.byCategory.map((c) => [c.name, c.count]))).toMatchObject(LEIZHOU_2018_PUBLISHED_BY_CATEGORY);
    expect(year2018).toMatchObject({
      year: 2018,
      interpretations: { national: 4, provincial: 16, municipal: 0, local: 2 },
      interviews: { held: 3, reposted: 3 },
      requests: { received: 0, closed: 0 },
      errorReports: { received: 1, handled: 1 },
    });
    const thisYear = await t.ok('dashboard.summary', {}, officer.session);
    expect(thisYear).toMatchObject({ year: 2026, published: { total: 0 }, errorReports: { received: 0, handled: 0 } });
    expect(thisYear.years).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018]);
    expect((await t.fails('dashboard.summary', { year: 1800 }, officer.session)).code).toBe('api.invalid_input');
  }, 120_000);

  it('counts requests received and closed, and error reports received and answered, in the year', async () => {
    const applicant = { name: '张三', idNumber: '', phone: '13800000000', address: '雷州市雷城街道', email: '' };
    const register = () =>
      t.ok(
        'requests.register',
        { channel: 'in_person', receiptFacts: { handedIn: '2026-03-02' }, applicantType: 'natural_person', applicant, subject: '2025年雷州市农村危房改造补助名单', formWanted: 'electronic', deliveryWanted: 'email', attachments: [] },
        officer.session,
      );
    const first = await register();
    await register();
    await t.ok('requests.close', { requestId: first.id, outcome: 'disclosed', replyDate: '2026-03-02', replyMethod: 'email', reason: '' }, officer.session);
    const report = (status: 'open' | 'replied', channel: 'site_error' | 'mayor_mailbox' = 'site_error') =>
      t.ok(
        'complaints.create',
        { channel, receivedOn: '2026-03-02', content: '网页链接打不开', itemId: null, assigneeId: null, fixDescription: '', replyText: status === 'replied' ? '已修复，感谢指正。' : '', repliedOn: status === 'replied' ? '2026-03-02' : null, status },
        officer.session,
      );
    await report('open');
    await report('replied');
    await report('open', 'mayor_mailbox');
    expect(await t.ok('dashboard.summary', {}, officer.session)).toMatchObject({ requests: { received: 2, closed: 1 }, errorReports: { received: 2, handled: 1 } });
    expect(await t.ok('dashboard.summary', { year: 2025 }, officer.session)).toMatchObject({ requests: { received: 0, closed: 0 }, errorReports: { received: 0, handled: 0 } });
  });
});

describe('工作台 work queues', () => {
  let site: ReferenceSite;
  afterEach(async () => site?.close());

  it('counts editions awaiting review and sign-off, and publishing jobs the website refused', async () => {
    const approver = await t.userWith(admin, 'qianfa', ['approver']);
    const reviewer = await t.userWith(admin, 'zhangsh', ['reviewer']);
    const notice = (await t.ok('categories.list', {}, admin)).find((c) => c.id === 'notice')!;
    await t.ok('categories.save', { ...notice, columnId: 'tzgg' }, admin);
    site = await startReferenceSite({ dataDir: tempDir('gongkai-site-'), token: 'the-right-token-0123456789', onError: () => undefined });
    await t.ok('publishing.configure', { siteUrl: site.url, token: 'a-wrong-token-0123456789' }, admin);

    const draft = (title: string) => t.ok('items.create', { categoryId: 'notice', fields: fields({ title, documentNumber: '' }), bodyHtml: `<p>${title}</p>` }, officer.session);
    const submitted = await draft('待审核的通知');
    const reviewed = await draft('待签发的通知');
    const refused = await draft('网站拒收的通知');
    await draft('还在起草的通知');
    for (const e of [submitted, reviewed, refused]) await t.ok('workflow.submit', { editionId: e.id }, officer.session);
    signOff(t.backend, reviewed.id, reviewer.id);
    signOff(t.backend, refused.id, reviewer.id);
    expect((await t.ok('dashboard.summary', {}, officer.session)).queues).toEqual({ awaitingReview: 1, awaitingApproval: 2, syncFailures: 0 });

    await t.ok('publishing.approve', { editionId: refused.id, password: 'Passw0rd!' }, approver.session);
    // The site answers 401 to the wrong token: the job stops and waits for someone.
    await new SyncWorker(t.backend.context(null), httpSiteClient(site.url, 'a-wrong-token-0123456789'), { baseBackoffMs: 1, maxBackoffMs: 5 }).drain();
    expect((await t.ok('dashboard.summary', {}, officer.session)).queues).toEqual({ awaitingReview: 1, awaitingApproval: 1, syncFailures: 1 });
  });
});

describe('工作台 queries', () => {
  it('read the year’s published editions through the covering index, whatever the store size', () => {
    const plan = (sql: string) => (t.backend.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2018-01-01', '2018-12-31') as { detail: string }[]).map((r) => r.detail).join('; ');
    // The statement of dashboard.ts's published(), as it is written there.
    expect(plan(`SELECT e.category_id AS categoryId, e.source_level AS level, count(*) AS n FROM editions e
       WHERE e.status = 'published' AND e.publish_date BETWEEN ? AND ? GROUP BY e.category_id, e.source_level`)).toContain(
      'USING COVERING INDEX editions_published_date',
    );
    expect(plan("SELECT count(*) FROM requests WHERE received_on BETWEEN ? AND ?")).toContain('requests_received');
    expect(plan("SELECT count(*) FROM complaints WHERE channel = 'site_error' AND received_on BETWEEN ? AND ?")).toContain('complaints_received');
    expect((t.backend.db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM outbox WHERE state IN ('failed', 'conflict')").all() as { detail: string }[])[0]!.detail).toContain('outbox_stopped');
  });
});
