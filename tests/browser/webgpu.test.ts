// WebGPU in a real browser: bundles tests/browser/page.ts with esbuild, serves it on 127.0.0.1 with
// COOP/COEP headers, opens it in headless Debian chromium (SwiftShader adapter) through
// playwright-core, and compares the page's webgpu results with its js results. Skips without
// /usr/bin/chromium unless EDGEGRAD_REQUIRE_WEBGPU=1.
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { browserRequired, browserWanted, launchChromium } from './chromium.js';
import { mismatches } from '../util/close.js';

/** float32 GPU vs float32 js in the page: transcendental and summation differences stay below this. */
const TOL = { rtol: 2e-5, atol: 2e-6 };

describe.skipIf(!browserWanted)('webgpu in headless chromium', () => {
  let server: Server;
  let browser: BrowserContext;
  let closeBrowser: (() => Promise<void>) | undefined;
  let url = '';

  beforeAll(async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'page.ts')], bundle: true, format: 'esm', platform: 'browser',
      write: false, logLevel: 'error',
    });
    const js = bundle.outputFiles[0].contents;
    const html = '<!doctype html><meta charset="utf-8"><title>edgegrad webgpu</title><script type="module" src="/page.js"></script>';
    server = createServer((req, res) => {
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      if (req.url === '/page.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(js);
      else if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(html);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`;
    ({ browser, close: closeBrowser } = await launchChromium('edgegrad-chromium-'));
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    if (server) await new Promise((r) => server.close(r));
  });

  it('runs a conformance subset and one training step on WebGPU, matching js', async () => {
    const page = await browser.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, null, { timeout: 120_000 });
    const r = await page.evaluate(() => (window as unknown as { __result: any }).__result);
    expect(r.ok, `${r.error}\n${logs.join('\n')}`).toBe(true);
    expect(typeof r.adapter).toBe('string');
    const problems: string[] = [];
    for (const [name, want] of Object.entries(r.js as Record<string, number[]>)) {
      const got = (r.gpu as Record<string, number[]>)[name];
      for (const m of mismatches(got, want, TOL)) problems.push(`${name}: ${m}`);
    }
    expect(problems).toEqual([]);
    expect(Object.keys(r.gpu).length).toBeGreaterThanOrEqual(20);
    expect(r.gpu['train: loss'][0]).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});

it('the browser test ran or was allowed to skip', () => {
  if (!browserWanted) expect(browserRequired).toBe(false);
});
