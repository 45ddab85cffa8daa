// Deno and Bun (devDependencies from npm) run the conformance cases, a predict and a pool predict:
// tests/runtimes/runner.ts and the pool's worker (src/worker.ts) are bundled with esbuild into
// build/runtimes/, then run by Node (the control), Deno and Bun. A runtime that is missing fails
// the step (EDGEGRAD_RUNTIMES=node,deno picks which run). Writes build/runtimes.json and prints
// one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'build', 'runtimes');
mkdirSync(out, { recursive: true });
const bundle = (entry, file) => build({
  entryPoints: [join(root, entry)], outfile: join(out, file), bundle: true, format: 'esm', platform: 'node',
  logLevel: 'error', write: true,
});
await Promise.all([bundle('tests/runtimes/runner.ts', 'runner.mjs'), bundle('src/worker.ts', 'worker.mjs')]);

/** The runtime's binary: $DENO / $BUN, then the npm platform package's binary (it needs no install script), then PATH. */
function binary(name) {
  const env = process.env[name.toUpperCase()];
  if (env) return env;
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const candidates = name === 'deno'
    ? [`node_modules/@deno/linux-${arch}-glibc/deno`, `node_modules/@deno/darwin-${arch}/deno`]
    : [`node_modules/@oven/bun-linux-${arch === 'arm64' ? 'aarch64' : 'x64'}/bin/bun`, `node_modules/@oven/bun-linux-${arch === 'arm64' ? 'aarch64' : 'x64'}-baseline/bin/bun`,
      `node_modules/@oven/bun-darwin-${arch === 'arm64' ? 'aarch64' : 'x64'}/bin/bun`];
  for (const c of candidates) if (existsSync(join(root, c))) return join(root, c);
  const which = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const runner = join(out, 'runner.mjs');
const RUNTIMES = {
  node: () => [process.execPath, [runner]],
  deno: (bin) => [bin, ['run', '--allow-read', '--allow-env', '--allow-sys', runner]],
  bun: (bin) => [bin, [runner]],
};
const wanted = (process.env.EDGEGRAD_RUNTIMES ?? 'node,deno,bun').split(',').map((s) => s.trim()).filter(Boolean);
const totals = { passed: 0, failed: 0 };
const results = [];
for (const name of wanted) {
  if (!RUNTIMES[name]) throw new Error(`EDGEGRAD_RUNTIMES: unknown runtime '${name}'; expected node, deno or bun`);
  const bin = name === 'node' ? process.execPath : binary(name);
  if (!bin) {
    console.log(`${name}: not found (npm ci installs it as a devDependency; or set ${name.toUpperCase()}=/path/to/${name})`);
    totals.failed++;
    results.push({ runtime: name, error: 'not found' });
    continue;
  }
  const [cmd, args] = RUNTIMES[name](bin);
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
  const lines = `${r.stdout ?? ''}`.trim().split('\n');
  const closing = /^(\d+) passed, (\d+) failed$/.exec(lines.at(-1) ?? '');
  let res;
  try { res = JSON.parse(lines.at(-2) ?? ''); } catch { res = null; }
  if (!closing || !res || r.status !== 0) {
    console.log(`${name}: failed (exit ${r.status ?? r.signal})\n${r.stdout}\n${r.stderr}`);
    totals.passed += closing ? Number(closing[1]) : 0;
    totals.failed += closing ? Math.max(1, Number(closing[2])) : 1;
    results.push({ runtime: name, error: `exit ${r.status ?? r.signal}`, ...(res ?? {}) });
    continue;
  }
  totals.passed += Number(closing[1]);
  totals.failed += Number(closing[2]);
  results.push(res);
  console.log(`${res.runtime}: ${res.conformance.passed}/${res.conformance.passed + res.conformance.failed} conformance instances, `
    + `predict max diff ${res.predictDiff.toExponential(2)} vs plain JS, pool (${res.poolMode}) diff ${res.poolDiff}, ${res.seconds} s`);
}
writeFileSync(join(root, 'build', 'runtimes.json'), JSON.stringify({ ...totals, results }, null, 2));
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
