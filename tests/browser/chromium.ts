// Headless Debian chromium for the browser tests: whether they run, and how to start one.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
