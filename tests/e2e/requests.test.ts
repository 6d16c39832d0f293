import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { PASSWORD, startApp, type RunningApp } from '../support/app.js';
import { TestClock } from '../support/backend.js';
import { chooseOption } from '../support/select.js';

let app: RunningApp;
let page: Page;

/** Password checks (scrypt) and saves on a busy two-core machine. */
const SLOW = { timeout: 10_000 };
const SUBJECT = '2025年雷州市城区道路改造项目的招标文件及中标结果';

beforeAll(async () => {
  app = await startApp({ clock: new TestClock() }); // today: Monday 2 March 2026
  await app.setUpOffice([
    { username: 'xiaoli', displayName: '李小丽', roles: ['officer'] },
    { username: 'fuzeren', displayName: '王主任', roles: ['approver'] },
  ]);
  page = await app.openAs('xiaoli');
  await page.getByTestId('nav-requests').click();
}, 60_000);
afterAll(async () => app?.close());

const choose = (selectTestId: string, name: string) => chooseOption(page, selectTestId, name);

const due = () => page.getByTestId('request-due').getAttribute('data-due');
const lastEvent = () => page.getByTestId('request-event').last();

async function recordEvent(action: string, date: string, reason: string, extra: () => Promise<void> = async () => undefined): Promise<void> {
  await page.getByTestId(`request-action-${action}`).click();
  await page.getByTestId('request-event-date').fill(date);
  await page.getByTestId('request-event-reason').fill(reason);
  await extra();
  await page.getByTestId('request-event-submit').click();
  await expect.poll(() => page.getByTestId('request-event-dialog').count(), SLOW).toBe(0);
  await expect.poll(() => lastEvent().getAttribute('data-type')).toBe(action);
}

describe('an officer handles a request from registration to a 部分公开 reply', () => {
  it('registers a request handed in on 2 February; the reply is due 20 working days later, across Spring Festival', async () => {
    await page.getByTestId('requests-tab-register').click();
    await page.getByTestId('request-received').fill('2026-02-02');
    await page.getByTestId('request-name').fill('张三');
    await page.getByTestId('request-id-number').fill('440882199001011234');
    await page.getByTestId('request-phone').fill('13812345678');
    await page.getByTestId('request-subject').fill(SUBJECT);
    await choose('request-delivery-wanted', '电子邮件');
    await page.getByTestId('request-register-submit').click();

    await expect.poll(() => page.getByTestId('request-number').textContent(), SLOW).toBe('依申〔2026〕1号');
    expect(await due()).toBe('2026-03-06');
    // The officer handles requests: the detail shows the applicant in full.
    expect(await page.getByTestId('request-detail-phone').textContent()).toBe('13812345678');
    expect(await page.getByTestId('request-masked').count()).toBe(0);
    // Refusals are visible before anyone clicks.
    expect(await page.getByTestId('request-action-correction_received').getAttribute('data-reasons')).toBe('clock.event_not_allowed');
  });

  it('explains the deadline day by day, with the holiday and the 调休 Saturdays', async () => {
    await page.getByTestId('request-explain-open').click();
    await expect.poll(() => page.getByTestId('request-explain-due').getAttribute('data-due')).toBe('2026-03-06');
    const day = (date: string) => page.locator(`[data-testid="request-explain-day"][data-date="${date}"]`);
    expect(await day('2026-02-14').textContent()).toContain('调休上班（春节）');
    expect(await day('2026-02-14').getAttribute('data-counted')).toBe('true');
    expect(await day('2026-02-17').textContent()).toContain('节假日（春节）');
    expect(await day('2026-02-17').getAttribute('data-counted')).toBe('false');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('request-explain').count()).toBe(0);
  });

  it('sends a 补正 notice, which stops the clock; a second one is refused before it is tried', async () => {
    await recordEvent('correction_requested', '2026-02-04', '请补充项目名称或文号', async () => {
      await page.getByTestId('request-event-workdays').fill('15');
    });
    await expect.poll(() => page.getByTestId('request-detail-state').textContent()).toBe('等待补正');
    expect(await due()).toBe('');
    expect(await lastEvent().getByTestId('request-event-due').textContent()).toBe('答复期限 2026-03-06 → 无');
    expect(await page.getByTestId('request-action-correction_requested').getAttribute('data-reasons')).toBe('clock.correction_already_requested');
  });

  it('records the corrected application, which restarts the 20 working days', async () => {
    await recordEvent('correction_received', '2026-02-10', '申请人已补正');
    await expect.poll(() => due()).toBe('2026-03-16');
    expect(await lastEvent().getByTestId('request-event-due').textContent()).toBe('答复期限 无 → 2026-03-16');
  });

  it('extends the reply period with the office head’s approval, refused first with a wrong password', async () => {
    const approve = (password: string) => async () => {
      await page.getByTestId('request-event-workdays').fill('20');
      await page.getByTestId('request-event-approver').fill('fuzeren');
      await page.getByTestId('request-event-approver-password').fill(password);
    };
    await page.getByTestId('request-action-extended').click();
    await page.getByTestId('request-event-date').fill('2026-02-12');
    await page.getByTestId('request-event-reason').fill('需调取城建档案');
    await approve('not-the-password')();
    await page.getByTestId('request-event-submit').click();
    await expect.poll(() => page.getByTestId('request-refusal').getAttribute('data-code'), SLOW).toBe('auth.wrong_password');
    await page.getByTestId('request-event-approver-password').fill(PASSWORD);
    await page.getByTestId('request-event-submit').click();
    await expect.poll(() => page.getByTestId('request-event-dialog').count(), SLOW).toBe(0);

    await expect.poll(() => lastEvent().getAttribute('data-type')).toBe('extended');
    expect(await lastEvent().textContent()).toContain('批准人：王主任');
    expect(await lastEvent().textContent()).toContain('经办人：李小丽');
    const extended = (await due())!;
    expect(extended > '2026-04-01').toBe(true);
    expect(await lastEvent().getByTestId('request-event-due').textContent()).toBe(`答复期限 2026-03-16 → ${extended}`);
    expect(await page.getByTestId('request-action-extended').getAttribute('data-reasons')).toBe('clock.extension_already_granted');
  });

  it('closes the request as 部分公开 with its article and the reply date', async () => {
    await page.getByTestId('request-action-close').click();
    await choose('request-close-outcome', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(await page.getByTestId('request-close-basis').textContent()).toBe('依据：条例第三十七条');
    await page.getByTestId('request-close-date').fill('2026-03-02');
    await page.getByTestId('request-close-submit').click();
    await expect.poll(() => page.getByTestId('request-detail-state').textContent(), SLOW).toBe('已办结');
    expect(await page.getByTestId('request-outcome').getAttribute('data-outcome')).toBe('partial');
    expect(await lastEvent().getAttribute('data-type')).toBe('closed');
    expect(await page.getByTestId('request-actions').count()).toBe(0);
  });

  it('opens the generated reply letter', async () => {
    await page.getByTestId('letter-button').click();
    await expect.poll(() => page.getByTestId('letter-reply_partial').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('letter-reply_partial').click()]);
    const { value: text } = await mammoth.extractRawText({ path: (await download.path())! });
    expect(text).toContain('张三');
    expect(text).toContain(SUBJECT);
  });

  it('lists the request in the register with the applicant masked', async () => {
    await page.getByTestId('request-back').click();
    const row = page.getByTestId('request-row').first();
    await expect.poll(() => row.getByTestId('request-applicant').textContent()).toBe('张*');
    expect(await row.getByTestId('request-state').getAttribute('data-state')).toBe('closed');
  });
});
