// The test command: type-check, check generated WASM modules are current, run vitest on the
// simd build, then the conformance and gradient suites again on the relaxed-SIMD build, and
// print one closing line with the totals.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const totals = { passed: 0, failed: 0, skipped: 0 };

const run = (title, cmd, args, env = {}) => {
  console.log(`\n== ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${title}: failed (exit ${r.status ?? r.signal})`);
    console.log(`${totals.passed} passed, ${totals.failed + 1} failed, ${totals.skipped} skipped`);
    process.exit(r.status ?? 1);
  }
};

const vitest = (title, build, files) => {
  const report = `build/vitest-${build}.json`;
  run(title, 'npx', ['vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { EDGEGRAD_WASM_BUILD: build });
  const r = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
};

mkdirSync('build', { recursive: true });
run('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('generated WASM modules are up to date', process.execPath, ['scripts/build-wasm.mjs', '--check']);
vitest('vitest, wasm simd build', 'simd', []);
vitest('vitest, wasm relaxed-simd build (conformance + gradients)', 'relaxed', ['tests/conformance.test.ts', 'tests/gradients.test.ts']);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
