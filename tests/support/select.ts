import type { Page } from 'playwright-core';

/** Picks `name` in the Mantine Select with data-testid `selectTestId`: open it, click the option. */
export async function chooseOption(page: Page, selectTestId: string, name: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name, exact: true }).click();
}
