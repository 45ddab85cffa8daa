// Headless Debian chromium for the browser tests: whether they run, and how to start one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.EDGEGRAD_CHROMIUM ?? '/usr/bin/chromium';
/** EDGEGRAD_REQUIRE_WEBGPU=1: a missing browser or adapter is a failure, never a skip. */
export const browserRequired = process.env.EDGEGRAD_REQUIRE_WEBGPU === '1';
// The browser tests run when webgpu is asked for (EDGEGRAD_TEST_BACKENDS includes it, or it is required).
const WANTED = browserRequired || (process.env.EDGEGRAD_TEST_BACKENDS ?? '').split(',').includes('webgpu');
if (!existsSync(CHROMIUM) && browserRequired) throw new Error(`EDGEGRAD_REQUIRE_WEBGPU=1 but there is no browser at ${CHROMIUM}`);
export const browserWanted = WANTED && existsSync(CHROMIUM);

const FLAGS = [
  '--enable-unsafe-webgpu', '--no-sandbox', '--headless', '--disable-gpu-sandbox',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Starts chromium with a fresh profile (playwright passes it as --user-data-dir); close() removes it. */
export async function launchChromium(prefix: string): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * For a describe block: starts a server (`serve` returns it and the page URL) and a chromium before
 * its tests, and stops both after them. Read `url` and `browser` inside the tests.
 */
export function useBrowser(prefix: string, serve: () => Promise<{ server: Server; url: string }>): { url: string; browser: BrowserContext } {
  const fx = { url: '', browser: undefined as unknown as BrowserContext };
  let server: Server | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ server, url: fx.url } = await serve());
    ({ browser: fx.browser, close } = await launchChromium(prefix));
  }, 120_000);
  afterAll(async () => {
    await close?.();
    if (server) await new Promise((r) => server!.close(r));
  });
  return fx;
}

/** Opens `url`, waits for the page to set `window[global]`, and returns it with the page's console. */
export async function pageResult<T>(browser: BrowserContext, url: string, global: string, timeout = 120_000): Promise<{ value: T; logs: string[] }> {
  const page = await browser.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(String(e)));
  try {
    await page.goto(url);
    await page.waitForFunction((g) => (window as unknown as Record<string, unknown>)[g] !== undefined, global, { timeout });
    return { value: await page.evaluate((g) => (window as unknown as Record<string, T>)[g], global), logs };
  } finally {
    await page.close();
  }
}
