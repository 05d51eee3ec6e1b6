import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Picks an option of an antd Select by its title, typing `search` first when given. The option
 * is looked for in whichever dropdown shows it (another one may still be fading out), and a long
 * virtual list is scrolled a page at a time until the option is rendered.
 */
export async function pickOption(page: Page, select: Locator, title: string, search?: string) {
  await select.click();
  if (search) await select.locator('input').pressSequentially(search);
  const option = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);
  const lists = page.locator('.ant-select-dropdown:visible .rc-virtual-list-holder');
  await expect
    .poll(async () => {
      const found = await option.count();
      if (found === 0) await lists.evaluateAll((els) => els.forEach((el) => {
          el.scrollBy({ top: el.clientHeight });
        }));
      return found;
    })
    .toBeGreaterThan(0);
  await option.first().click();
  await option.first().waitFor({ state: 'hidden' });
}
