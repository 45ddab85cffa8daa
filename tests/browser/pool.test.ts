// The worker pool in a real browser: tests/browser/pool-page.ts and src/worker.ts bundled with
// esbuild and served on 127.0.0.1, opened in headless Debian chromium through playwright-core.
// Cross-origin isolated (COOP/COEP) the page's workers share its WebAssembly.Memory; without those
// headers there is no SharedArrayBuffer and the pool copies. Both must give in-page results.
// Runs where the browser tests run (see chromium.ts); skips without /usr/bin/chromium unless required.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { browserRequired, browserWanted, pageResult, useBrowser } from './chromium.js';

describe.skipIf(!browserWanted)('worker pool in headless chromium', () => {
  const fx = useBrowser('edgegrad-chromium-pool-', async () => {
    const bundle = async (entry: string) => (await build({
      entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'error',
    })).outputFiles[0].contents;
    const page = await bundle(join(import.meta.dirname, 'pool-page.ts'));
    const worker = await bundle(join(import.meta.dirname, '../../src/worker.ts'));
    const html = '<!doctype html><meta charset="utf-8"><title>edgegrad pool</title><script type="module" src="/page.js"></script>';
    const server = createServer((req, res) => {
      // /isolated/... is served cross-origin isolated, /plain/... is not
      const isolated = req.url?.startsWith('/isolated');
      const headers: Record<string, string> = isolated
        ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
      const path = req.url?.replace(/^\/(isolated|plain)/, '');
      if (path === '/page.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(page);
      else if (path === '/worker.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(worker);
      else if (path === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(html);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    return { server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
  });

  // NOTE: the page asks for worker.js relative to its URL, so the worker gets the page's headers
  const open = async (base: string) => {
    const { value: r, logs } = await pageResult<any>(fx.browser, `${fx.url}${base}/`, '__result');
    expect(r.ok, `${r.error}\n${logs.join('\n')}`).toBe(true);
    return r;
  };

  const agrees = (r: any) => {
    expect(r.size).toBe(2);
    expect(r.matmul).toBeLessThanOrEqual(1e-5);
    expect(r.matmulNT).toBeLessThanOrEqual(1e-5);
    expect(r.predict).toBeLessThanOrEqual(1e-6);
    expect(r.lossPool).toHaveLength(2);
    r.lossPool.forEach((l: number, i: number) => expect(Math.abs(l - r.lossRef[i])).toBeLessThanOrEqual(1e-5 * Math.abs(r.lossRef[i])));
    expect(r.predictAfterFit).toBeLessThanOrEqual(1e-6);
  };

  it('cross-origin isolated: module workers share the page\'s wasm memory and agree with in-page results', async () => {
    const r = await open('/isolated');
    expect(r).toMatchObject({ crossOriginIsolated: true, sharedMemory: true, poolMemory: 'shared', mode: 'shared' });
    agrees(r);
  }, 180_000);

  it('not isolated: no SharedArrayBuffer, the pool copies (transfer) and still agrees', async () => {
    const r = await open('/plain');
    expect(r).toMatchObject({ crossOriginIsolated: false, sharedMemory: false, poolMemory: 'transfer', mode: 'transfer' });
    agrees(r);
  }, 180_000);
});

it('the browser pool test ran or was allowed to skip', () => {
  if (!browserWanted) expect(browserRequired).toBe(false);
});
