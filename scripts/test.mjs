// The test command: type-check, check generated WASM modules are current, run vitest on the
// default build, then the conformance and gradient suites again on the relaxed-SIMD build.
import { spawnSync } from 'node:child_process';

const run = (title, cmd, args, env = {}) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false });
  if (r.status !== 0) {
    console.error(`\n${title}: failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
};

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
run('type-check (tsc --noEmit)', npx, ['tsc', '--noEmit', '-p', '.']);
run('generated WASM modules are up to date', process.execPath, ['scripts/build-wasm.mjs', '--check']);
run('vitest, wasm simd build', npx, ['vitest', 'run'], { EDGEGRAD_WASM_BUILD: 'simd' });
run('vitest, wasm relaxed-simd build (conformance + gradients)', npx,
  ['vitest', 'run', 'tests/conformance.test.ts', 'tests/gradients.test.ts'],
  { EDGEGRAD_WASM_BUILD: 'relaxed' });
