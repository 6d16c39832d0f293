import type { Page } from 'playwright-core';

/**
 * Walks the first-run wizard the way a new office does: the unit (雷州市人民政府办公室, with its
 * website when given), the first administrator admin / 王管理 / Admin12345, then the last step,
 * ticking "load the demo data" when asked. The caller waits for the outcome it expects.
 */
export async function walkSetupWizard(page: Page, options: { website?: { name: string; url: string }; loadDemo?: boolean } = {}): Promise<void> {
  await page.getByTestId('unit-name').fill('雷州市人民政府办公室');
  await page.getByTestId('unit-code').fill('11441700007280420Y');
  await page.getByTestId('unit-parentName').fill('湛江市人民政府');
  if (options.website) {
    await page.getByTestId('unit-websiteName').fill(options.website.name);
    await page.getByTestId('unit-websiteUrl').fill(options.website.url);
  }
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('setup-username').fill('admin');
  await page.getByTestId('setup-display-name').fill('王管理');
  await page.getByTestId('setup-password').fill('Admin12345');
  await page.getByTestId('setup-password-confirm').fill('Admin12345');
  await page.getByTestId('setup-submit').click();
  if (options.loadDemo) await page.getByTestId('setup-load-demo').check();
  await page.getByTestId('setup-submit').click();
}
