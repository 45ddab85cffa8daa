// The packed package (npm pack, installed into a fresh project) in apps built the way users build
// them, opened in headless chromium (cross-origin isolated): a Vite and a webpack production build,
// an esbuild bundle and a page without a bundler, whose pages call createPool() and compare a pool
// predict with the model's own. Vite and webpack bundle the default worker themselves; the esbuild app passes the URL of `edgegrad/worker` bundled as
// an entry (the README's recipe), and an esbuild app that does not gets an immediate error naming
// `workerUrl`. The same pages check that 'auto' never downloads the webgpu chunk when there is no
// usable adapter (and says nothing when there is none), and save a model to downloads://, which the
// test serves back for loadModel over http.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserRequired, browserWanted, useBrowser } from './chromium.js';
import { installedProject } from '../util/packed.js';

const COMMON = `
import * as eg from 'edgegrad';
export async function run(poolOpts) {
  const out = {};
  await eg.init();
  out.backend = eg.backend();
  const m = eg.sequential([
    eg.layers.dense({ units: 16, inputShape: [6], activation: 'relu', seed: 1 }),
    eg.layers.dense({ units: 3, activation: 'softmax', seed: 2 }),
  ]);
  const x = eg.randn([41, 6], { seed: 3 });
  const t0 = performance.now();
  try {
    const pool = await eg.createPool({ workers: 2, ...poolOpts });
    out.mode = pool.mode;
    const p = await pool.predict(m, x);
    out.predictDiff = eg.max(eg.abs(eg.sub(p, m.predict(x)))).dataSync()[0];
    out.shape = p.shape;
    await pool.close();
  } catch (e) {
    out.poolError = e.message;
    out.poolErrorMs = performance.now() - t0;
  }
  if (location.search.includes('save')) {
    out.saved = await m.save('downloads://tiny');
    window.__reload = async () => {
      const back = await eg.loadModel(location.origin + '/models/tiny.json');
      return eg.max(eg.abs(eg.sub(back.predict(x), m.predict(x)))).dataSync()[0];
    };
  }
  return out;
}
`;
const MAIN = (opts: string) => `import { run } from './common.js';
run(${opts}).then((r) => { window.__result = { ok: true, ...r }; }, (e) => { window.__result = { ok: false, error: String(e && e.stack || e) }; });
`;
const HTML = '<!doctype html><meta charset="utf-8"><title>app</title><script type="module" src="./main.js"></script>';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm' };

describe.skipIf(!browserWanted)('the packed package in Vite, webpack, esbuild and unbundled apps, headless chromium', () => {
  const apps: Record<string, string> = {};
  const downloads = new Map<string, Buffer>();
  // NOTE: packing (a tsc build) and the app builds take minutes on a loaded machine: a hook of their
  // own, before useBrowser's (which has a fixed timeout), builds them.
  beforeAll(async () => {
    const { dir } = await installedProject('edgegrad-bundlers-');
    const src = (name: string, main: string) => {
      const d = join(dir, name);
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'common.js'), COMMON);
      writeFileSync(join(d, 'main.js'), main);
      writeFileSync(join(d, 'index.html'), HTML);
      return d;
    };
    // Vite, production build, no configuration but `base` (the test serves each app under a folder): the default createPool()
    const { build: vite } = await import('vite');
    const viteSrc = src('vite-app', MAIN('{}'));
    apps.vite = join(dir, 'out-vite');
    await vite({ root: viteSrc, configFile: false, logLevel: 'silent', base: './', build: { outDir: apps.vite, emptyOutDir: true } });
    // esbuild: the worker as an entry of its own, its URL passed to createPool
    const { build: esbuild } = await import('esbuild');
    const es = async (name: string, main: string, worker: boolean) => {
      const d = src(name, main);
      const outdir = join(dir, `out-${name}`);
      const r = await esbuild({
        entryPoints: { main: join(d, 'main.js'), ...(worker ? { 'edgegrad-worker': 'edgegrad/worker' } : {}) },
        absWorkingDir: dir, bundle: true, format: 'esm', splitting: true, minify: true, platform: 'browser',
        outdir, logLevel: 'silent', write: true,
      });
      expect(r.warnings.map((w) => w.text)).toEqual([]);
      writeFileSync(join(outdir, 'index.html'), HTML);
      return outdir;
    };
    apps.esbuild = await es('esbuild-app', MAIN("{ workerUrl: new URL('./edgegrad-worker.js', import.meta.url) }"), true);
    apps.esbuildDefault = await es('esbuild-default', MAIN('{}'), false);
    // webpack 5, production mode, no configuration of the pool: the default createPool()
    const { default: webpack } = await import('webpack');
    const wpSrc = src('webpack-app', MAIN('{}'));
    apps.webpack = join(dir, 'out-webpack');
    const stats = await new Promise<import('webpack').Stats>((done, fail) => {
      const c = webpack({ mode: 'production', context: wpSrc, entry: './main.js', target: 'web', devtool: false,
        output: { path: apps.webpack, filename: 'main.js' } });
      c.run((err, st) => { c.close(() => {}); if (err || !st) fail(err); else done(st); });
    });
    const info = stats.toJson({ all: false, errors: true, warnings: true });
    expect(info.errors?.map((e) => e.message)).toEqual([]);
    expect(info.warnings?.map((w) => w.message).filter((m) => /Critical dependency|Module not found/.test(m))).toEqual([]);
    writeFileSync(join(apps.webpack, 'index.html'), HTML.replace('<script type="module" src="./main.js">', '<script src="./main.js">'));
    // No bundler: the package's files through an import map, and the worker bundled once (a module
    // worker does not get the page's import map)
    const IMPORTS = '<script type="importmap">{ "imports": { "edgegrad": "/plain/node_modules/edgegrad/dist/src/index.js", '
      + '"comlink": "/plain/node_modules/comlink/dist/esm/comlink.mjs", "comlink/": "/plain/node_modules/comlink/" } }</script>';
    for (const [name, opts] of [['plain-app', "{ workerUrl: new URL('./edgegrad-worker.js', import.meta.url) }"], ['plain-default', '{}']]) {
      const d = src(name, MAIN(opts));
      writeFileSync(join(d, 'index.html'), HTML.replace('<script type="module"', `${IMPORTS}<script type="module"`));
    }
    const w = await esbuild({ entryPoints: ['edgegrad/worker'], absWorkingDir: dir, bundle: true, format: 'esm', platform: 'browser',
      outfile: join(dir, 'plain-app', 'edgegrad-worker.js'), logLevel: 'silent', write: true });
    expect(w.warnings.map((x) => x.text)).toEqual([]);
    apps.plain = dir;
  }, 900_000);

  const fx = useBrowser('edgegrad-chromium-bundlers-', async () => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
      const model = /^\/models\/([\w.-]+)$/.exec(url.pathname);
      if (model) {
        const body = downloads.get(model[1]);
        if (body) res.writeHead(200, headers).end(body);
        else res.writeHead(404, headers).end();
        return;
      }
      const [, app, rest] = /^\/([\w-]+)(\/.*)$/.exec(url.pathname) ?? [];
      if (!app || !apps[app]) { res.writeHead(404).end(); return; }
      const file = normalize(join(apps[app], rest.endsWith('/') ? `${rest}index.html` : rest));
      try {
        if (!file.startsWith(apps[app])) throw new Error('outside');
        res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    return { server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
  });

  /** Opens an app page (after `init`, an init script); returns its result, console and the URLs it requested. */
  const open = async (app: string, opts: { query?: string; init?: string; keep?: (p: Page) => Promise<void> } = {}) => {
    const page = await fx.browser.newPage();
    const logs: { type: string; text: string }[] = [];
    const requests: string[] = [];
    page.on('console', (m) => logs.push({ type: m.type(), text: m.text() }));
    page.on('pageerror', (e) => logs.push({ type: 'pageerror', text: String(e) }));
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const saving: Promise<void>[] = [];
    page.on('download', (d) => { saving.push(d.path().then((f) => { downloads.set(d.suggestedFilename(), readFileSync(f)); })); });
    try {
      if (opts.init) await page.addInitScript(opts.init);
      await page.goto(`${fx.url}/${app}/${opts.query ?? ''}`);
      await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: 120_000 });
      const r = await page.evaluate(() => (window as unknown as { __result: Record<string, unknown> }).__result);
      if (opts.keep) {
        const deadline = Date.now() + 30_000;
        while (saving.length < 2 && Date.now() < deadline) await page.waitForTimeout(100);
        await Promise.all(saving);
        await opts.keep(page);
      }
      return { r, logs, requests };
    } finally {
      await page.close();
    }
  };

  /** The files of an app's build that hold the webgpu backend (not an entry or a worker that inlines everything). */
  const webgpuChunks = (app: string) => {
    const out: string[] = [];
    const walk = (d: string, rel: string) => {
      for (const f of readdirSync(d, { withFileTypes: true })) {
        if (f.isDirectory()) walk(join(d, f.name), `${rel}${f.name}/`);
        else if (f.name.endsWith('.js') && !/^(main|edgegrad-worker|worker)\b/.test(f.name)
          && readFileSync(join(d, f.name), 'utf8').includes('requestDevice')) out.push(`/${app}/${rel}${f.name}`);
      }
    };
    walk(apps[app], '');
    return out;
  };

  it('Vite production build: the default createPool() starts its bundled workers and predicts as the model does', async () => {
    const { r, requests } = await open('vite');
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.poolError).toBeUndefined();
    expect(r).toMatchObject({ backend: 'wasm', mode: 'shared', predictDiff: 0, shape: [41, 3] });
    // the workers loaded a bundled worker file, not a data: URL of the unbundled one
    expect(requests.some((p) => /\/vite\/assets\/worker-[\w-]+\.js$/.test(p)), requests.join('\n')).toBe(true);
    expect(webgpuChunks('vite').length).toBe(1);
  }, 180_000);

  it('webpack 5 production build: the default createPool() starts its bundled workers and predicts as the model does', async () => {
    const { r } = await open('webpack');
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.poolError).toBeUndefined();
    expect(r).toMatchObject({ backend: 'wasm', mode: 'shared', predictDiff: 0, shape: [41, 3] });
  }, 180_000);

  it('esbuild bundle with edgegrad/worker as an entry and workerUrl: the pool predicts as the model does', async () => {
    const { r } = await open('esbuild');
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.poolError).toBeUndefined();
    expect(r).toMatchObject({ backend: 'wasm', mode: 'shared', predictDiff: 0, shape: [41, 3] });
  }, 180_000);

  it('esbuild bundle without workerUrl: createPool() fails at once, saying what to pass', async () => {
    const { r } = await open('esbuildDefault');
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.poolError).toMatch(/could not load the package's worker script .*createPool\(\{ workerUrl \}\).*edgegrad\/worker/);
    expect(r.poolErrorMs).toBeLessThan(10_000);
  }, 180_000);

  it('no bundler (an import map, the worker bundled once): workerUrl gives a working pool, the default fails at once', async () => {
    const { r } = await open('plain', { query: 'plain-app/' });
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.poolError).toBeUndefined();
    expect(r).toMatchObject({ backend: 'wasm', mode: 'shared', predictDiff: 0, shape: [41, 3] });
    const { r: d } = await open('plain', { query: 'plain-default/' });
    expect(d.ok, String(d.error)).toBe(true);
    expect(d.poolError).toMatch(/workerUrl/);
    expect(d.poolErrorMs).toBeLessThan(10_000);
  }, 180_000);

  it("'auto' downloads no webgpu chunk without navigator.gpu, without an adapter, or with a software one; silent when there is none", async () => {
    for (const app of ['vite', 'esbuild']) {
      const chunks = webgpuChunks(app);
      expect(chunks.length, app).toBe(1);
      const cases = {
        absent: "Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });",
        noAdapter: 'if (navigator.gpu) navigator.gpu.requestAdapter = async () => null;',
        software: undefined,
      };
      for (const [name, init] of Object.entries(cases)) {
        const { r, logs, requests } = await open(app, { init });
        expect(r.ok, `${app} ${name}: ${r.error}`).toBe(true);
        expect(r.backend, `${app} ${name}`).toBe('wasm');
        expect(requests.filter((p) => chunks.includes(p)), `${app} ${name}`).toEqual([]);
        if (name !== 'software') expect(logs.filter((l) => l.type !== 'log'), `${app} ${name}`).toEqual([]);
      }
    }
  }, 300_000);

  it('downloads:// saves model.json and the weights as two downloads; served over http, loadModel reads them back', async () => {
    const { r } = await open('esbuild', {
      query: '?save',
      keep: async (page) => {
        // open() waited for the two downloads save() started
        expect([...downloads.keys()].sort()).toEqual(['tiny.json', 'tiny.safetensors']);
        const diff = await page.evaluate(() => (window as unknown as { __reload: () => Promise<number> }).__reload());
        expect(diff).toBe(0);
      },
    });
    expect(r.ok, String(r.error)).toBe(true);
    expect(r.saved).toMatchObject({ url: 'downloads://tiny' });
  }, 180_000);
});

it('the bundlers browser test ran or was allowed to skip', () => {
  if (!browserWanted) expect(browserRequired).toBe(false);
});
