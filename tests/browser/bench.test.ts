// The bench page in headless Debian chromium: serves it as `npm run bench:web` does, runs the quick
// suite and a short MNIST training in the page, and checks that wasm and webgpu rows arrive with
// finite figures and the loss curve has points. Runs with the webgpu browser test.
import { describe, expect, it } from 'vitest';
import { browserWanted, useBrowser } from './chromium.js';
import { startServer } from '../../bench/web/serve.js';

interface Row { suite: string; backend: string; value: number; seconds: number }
interface PageState { state: string; rows: Row[]; log: string[]; loss: number[]; error?: string; train?: string }

describe.skipIf(!browserWanted)('bench page in headless chromium', () => {
  const fx = useBrowser('edgegrad-bench-chromium-', () => startServer(0));

  it('runs the quick suite with wasm and webgpu rows, and trains MNIST with a loss curve', async () => {
    const page = await fx.browser.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    page.on('pageerror', (e) => logs.push(String(e)));
    await page.goto(`${fx.url}?train=quick&run=quick`);
    await page.waitForFunction(() => ['done', 'error'].includes((window as unknown as { __bench: PageState }).__bench.state), null, { timeout: 150_000 });
    const s = await page.evaluate(() => (window as unknown as { __bench: PageState }).__bench);
    expect(s.state, `${s.error}\n${s.log.join('\n')}\n${logs.join('\n')}`).toBe('done');
    expect(s.train).toBe('done');
    expect(s.loss.length).toBeGreaterThan(5);
    expect(s.loss.every(Number.isFinite)).toBe(true);
    const finite = (r: Row) => Number.isFinite(r.value) && r.value > 0 && Number.isFinite(r.seconds);
    const wasm = s.rows.filter((r) => r.backend.startsWith('wasm'));
    const gpu = s.rows.filter((r) => r.backend.startsWith('webgpu ('));
    expect(wasm.length).toBeGreaterThan(4);
    expect(gpu.length).toBeGreaterThan(2);
    expect([...wasm, ...gpu].filter((r) => !finite(r))).toEqual([]);
    expect(new Set(s.rows.map((r) => r.suite))).toEqual(new Set(['elementwise', 'gemm', 'pool']));
    expect(await page.locator('#chart svg rect').count()).toBeGreaterThan(10);
    await page.close();
  }, 180_000);
});
