import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { chooseOption } from '../support/select.js';
import { fields } from '../support/items.js';

let app: RunningApp;
let page: Page;
let item: { itemId: string; indexNumber: string; title: string };
let request: { id: string; number: string };

const ITEM_TITLE = '雷州市人民政府办公室关于做好2026年春耕生产工作的通知';
const SUBJECT = '2025年雷州市城市道路维修资金使用情况';

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() }); // today: Monday 2 March 2026
  await app.setUpOffice([{ username: 'xiaoli', displayName: '李小丽', roles: ['officer'] }]);
  const { sessionId: officer } = await app.call<{ sessionId: string }>('auth.login', { username: 'xiaoli', password: PASSWORD });
  // The typical report: a published item showing the wrong 发布日期.
  item = await app.call('items.create', { categoryId: 'notice', fields: fields({ title: ITEM_TITLE, publishDate: '2026-02-01' }), bodyHtml: '<p>春耕通知正文。</p>' }, officer);
  request = await app.call(
    'requests.register',
    {
      channel: 'in_person',
      receiptFacts: { handedIn: '2026-03-02' },
      applicantType: 'natural_person',
      applicant: { name: '张三丰', idNumber: '', phone: '13800138000', address: '', email: '' },
      subject: SUBJECT,
      formWanted: 'electronic',
      deliveryWanted: 'email',
      attachments: [],
    },
    officer,
  );
  await app.call('requests.close', { requestId: request.id, outcome: 'partial', replyDate: '2026-03-02', replyMethod: 'email', reason: '' }, officer);

  page = await app.openAs('xiaoli');
  await page.getByTestId('nav-requests').click();
}, 60_000);
afterAll(async () => app?.close());

const choose = (selectTestId: string, name: string) => chooseOption(page, selectTestId, name);

describe('网民纠错与留言', () => {
  const row = () => page.getByTestId('complaint-row').first();

  it('records a 我为政府网站找错 report about an item with a wrong publish date', async () => {
    await page.getByTestId('requests-tab-complaints').click();
    await page.getByTestId('complaint-add').click();
    await page.getByTestId('complaint-content').fill('《关于做好2026年春耕生产工作的通知》发布日期显示为2026年2月1日，早于成文日期，应有误。');
    await choose('complaint-item-select', `${item.indexNumber} ${ITEM_TITLE}`);
    await choose('complaint-assignee', '李小丽');
    await page.getByTestId('complaint-submit').click();
    await expect.poll(() => row().getByTestId('complaint-status').textContent()).toBe('处理中');
    expect(await row().getByTestId('complaint-item').textContent()).toContain(ITEM_TITLE);
    expect(await row().textContent()).toContain('我为政府网站找错');
    // Received today, 3 working days to reply.
    expect(await row().getByTestId('complaint-due').textContent()).toBe('剩余 3 个工作日');
  });

  it('marks it fixed, then replied', async () => {
    await row().getByTestId('complaint-edit').click();
    await choose('complaint-status-select', '已整改待答复');
    await page.getByTestId('complaint-submit').click();
    // Fixed needs the fix described: refused before anything is sent.
    await expect.poll(() => page.getByTestId('complaint-form').textContent()).toContain('请填写此项');
    await page.getByTestId('complaint-fix').fill('已将发布日期更正为2026年2月27日。');
    await page.getByTestId('complaint-submit').click();
    await expect.poll(() => row().getByTestId('complaint-status').textContent()).toBe('已整改待答复');

    await row().getByTestId('complaint-edit').click();
    await choose('complaint-status-select', '已答复');
    expect(await page.getByTestId('complaint-replied-on').inputValue()).toBe('2026-03-02');
    await page.getByTestId('complaint-reply').fill('感谢您的反馈，该信息的发布日期已更正。');
    await page.getByTestId('complaint-submit').click();
    await expect.poll(() => row().getByTestId('complaint-status').textContent()).toBe('已答复');
    expect(await row().getByTestId('complaint-due').count()).toBe(0);
  });
});

describe('行政复议', () => {
  it('adds a reconsideration case to a request', async () => {
    await page.getByTestId('requests-tab-appeals').click();
    await page.getByTestId('appeal-add').click();
    await choose('appeal-request', `${request.number} ${SUBJECT}`);
    await page.getByTestId('appeal-filed-on').fill('2026-03-02');
    await page.getByTestId('appeal-body').fill('湛江市人民政府');
    await page.getByTestId('appeal-case-number').fill('湛府行复〔2026〕15号');
    // A decided result needs its decision date.
    await choose('appeal-result-select', '结果维持');
    await page.getByTestId('appeal-submit').click();
    await expect.poll(() => page.getByTestId('appeal-form').textContent()).toContain('请填写此项');
    await choose('appeal-result-select', '尚未审结');
    await page.getByTestId('appeal-submit').click();
    const row = page.getByTestId('appeal-row').first();
    await expect.poll(() => row.getByTestId('appeal-result').textContent()).toBe('尚未审结');
    expect(await row.textContent()).toContain(request.number);
    expect(await row.textContent()).toContain('行政复议');
    expect(await row.textContent()).toContain('湛府行复〔2026〕15号');
  });
});

describe('告知书', () => {
  it('generates the reply letter of a closed request as a .docx download', async () => {
    await page.getByTestId('requests-tab-list').click();
    await page.getByTestId('requests-filter').getByText('已办结', { exact: true }).click();
    await page.locator(`[data-testid="request-row"][data-request-id="${request.id}"]`).getByTestId('request-open').click();
    await page.getByTestId('letter-button').click();
    // Only the letter of its outcome: nothing was recorded for the notices.
    await expect.poll(() => page.getByTestId('letter-menu').textContent()).toBe('答复告知书（部分公开）');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-reply_partial').click()]);
    expect(download.suggestedFilename()).toBe(`政府信息公开申请答复告知书-${request.number}.docx`);
    const { value: text } = await mammoth.extractRawText({ path: (await download.path())! });
    expect(text).toContain('张三丰：');
    expect(text).toContain(SUBJECT);
    expect(text).toContain('本机关决定部分公开');
    expect(text).toContain('60日内向湛江市人民政府申请行政复议');
  });
});

describe('告知书模板', () => {
  it('refuses an unknown placeholder by name, saves an edited template, and restores the default', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-letters').click();
    await choose('letter-template-kind', '答复告知书（部分公开）');
    await expect.poll(() => page.getByTestId('letter-template-state').textContent()).toBe('默认模板');
    const body = page.getByTestId('letter-template-body');
    const original = await body.inputValue();
    await body.fill('{申请人姓名}：\n您的申请已办结。');
    await page.getByTestId('letter-template-save').click();
    await expect.poll(() => page.getByTestId('letter-template-form').getByTestId('error-alert').textContent()).toContain('{申请人姓名}');
    await body.fill('{申请人}：\n您的申请已办结：');
    await page.getByTestId('letter-placeholder-决定').click();
    expect(await body.inputValue()).toBe('{申请人}：\n您的申请已办结：{决定}');
    await page.getByTestId('letter-template-save').click();
    await expect.poll(() => page.getByTestId('letter-template-state').textContent()).toBe('已修改');
    await page.getByTestId('letter-template-reset').click();
    await expect.poll(() => page.getByTestId('letter-template-state').textContent()).toBe('默认模板');
    expect(await body.inputValue()).toBe(original);
  });
});
