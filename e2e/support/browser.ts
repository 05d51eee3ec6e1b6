import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.KEDU_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a fresh context with the given UI language preference. */
export async function newPage(browser: Browser, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1366, height: 860 } });
  const page = await context.newPage();
  // the longest a wait for a state may take: enough for a two-core machine also running other
  // work (15 s, then 30 s, each ran out once after a save on such a machine; it passes when quiet)
  page.setDefaultTimeout(60_000);
  return page;
}

const shotsDir = path.resolve(import.meta.dirname, '../../.tmp/shots');
/** Saves a screenshot under .tmp/shots for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}
