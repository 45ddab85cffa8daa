// WebGPU in a real browser: bundles tests/browser/page.ts with esbuild, serves it on 127.0.0.1 with
// COOP/COEP headers, opens it in headless Debian chromium (SwiftShader adapter) through
// playwright-core, and compares the page's webgpu results with its js results. Skips without
// /usr/bin/chromium unless EDGEGRAD_REQUIRE_WEBGPU=1.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { browserRequired, browserWanted, pageResult, useBrowser } from './chromium.js';
import { mismatches } from '../util/close.js';

/** float32 GPU vs float32 js in the page: transcendental and summation differences stay below this. */
const TOL = { rtol: 2e-5, atol: 2e-6 };

describe.skipIf(!browserWanted)('webgpu in headless chromium', () => {
  const fx = useBrowser('edgegrad-chromium-', async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, 'page.ts')], bundle: true, format: 'esm', platform: 'browser',
      write: false, logLevel: 'error',
    });
    const js = bundle.outputFiles[0].contents;
    const html = '<!doctype html><meta charset="utf-8"><title>edgegrad webgpu</title><script type="module" src="/page.js"></script>';
    const server = createServer((req, res) => {
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      if (req.url === '/page.js') res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(js);
      else if (req.url === '/') res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(html);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    return { server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` };
  });

  it('runs a conformance subset and one training step on WebGPU, matching js', async () => {
    const { value: r, logs } = await pageResult<any>(fx.browser, fx.url, '__result');
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
    // NaN and -Infinity came through the page (so the edge rows above compared them)
    expect(r.gpu['softmax edge rows'][0]).toBeNaN();
    expect(r.gpu['logSoftmax edge rows'][5]).toBe(-Infinity);
  }, 180_000);
});

it('the browser test ran or was allowed to skip', () => {
  if (!browserWanted) expect(browserRequired).toBe(false);
});
