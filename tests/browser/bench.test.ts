// The bench page in headless Debian chromium: serves it as `npm run bench:web` does, runs the quick
// suite and a short MNIST training in the page, and checks that wasm and webgpu rows arrive with
// finite figures and the loss curve has points; then the GPT panel trains a small character GPT on
// Moby-Dick for a few steps on wasm and on webgpu, and its loss falls and sampled lines appear.
// Runs with the webgpu browser test.
import { describe, expect, it } from 'vitest';
import { browserWanted, useBrowser } from './chromium.js';
import { startServer } from '../../bench/web/serve.js';

interface Row { suite: string; backend: string; value: number; seconds: number }
interface GptState { status: string; backend: string; step: number; losses: number[]; samples: { step: number; text: string }[]; error?: string }
interface PageState { state: string; rows: Row[]; log: string[]; loss: number[]; error?: string; train?: string; gpt: GptState }

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

  // NOTE: 20 steps on webgpu: chromium's SwiftShader adapter takes about 30 s for them on this 2-core machine
  for (const [backend, steps] of [['wasm-simd', 40], ['webgpu', 20]] as const) {
    it(`the GPT panel trains a character GPT on Moby-Dick on ${backend}: the loss falls and sampled lines appear`, async () => {
      const page = await fx.browser.newPage();
      const logs: string[] = [];
      page.on('console', (m) => logs.push(m.text()));
      page.on('pageerror', (e) => logs.push(String(e)));
      await page.goto(`${fx.url}?gpt=quick&gptBackend=${backend}&gptSteps=${steps}`);
      await page.waitForFunction(() => ['done', 'error'].includes((window as unknown as { __bench: PageState }).__bench.gpt.status), null, { timeout: 150_000 });
      const g = await page.evaluate(() => (window as unknown as { __bench: PageState }).__bench.gpt);
      expect(g.status, `${g.error}\n${logs.join('\n')}`).toBe('done');
      expect(g.backend).toBe(backend);
      // the quick run: batch 8 x 32 characters, a sample at the half and at the end
      expect(g.losses).toHaveLength(steps);
      expect(g.losses.every(Number.isFinite)).toBe(true);
      const tail = g.losses.slice(-5).reduce((a, b) => a + b, 0) / 5;
      expect(tail, `losses ${g.losses.map((x) => x.toFixed(2)).join(' ')}`).toBeLessThan(g.losses[0] - 0.5);
      expect(g.samples.map((x) => x.step)).toEqual([steps / 2, steps]);
      for (const x of g.samples) expect(x.text.length).toBe(16);
      expect(await page.locator('#gpt-loss svg polyline').count()).toBe(1);
      expect(await page.locator('#gpt-samples').textContent()).toContain(`step ${steps} `);
      console.log(`GPT panel on ${backend}: loss ${g.losses[0].toFixed(3)} -> ${tail.toFixed(3)} (mean of the last 5); samples ${g.samples.map((x) => JSON.stringify(x.text)).join(', ')}`);
      await page.close();
    }, 180_000);
  }
});
