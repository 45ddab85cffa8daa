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

const vitest = (title, build, files, env = {}, tag = build) => {
  const report = `build/vitest-${tag}.json`;
  run(title, 'npx', ['vitest', 'run', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    { EDGEGRAD_WASM_BUILD: build, ...env });
  const r = JSON.parse(readFileSync(report, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
};

mkdirSync('build', { recursive: true });
run('type-check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('generated WASM modules are up to date', process.execPath, ['scripts/build-wasm.mjs', '--check']);
vitest('vitest, wasm simd build', 'simd', []);
vitest('vitest, wasm relaxed-simd build (conformance + edge values + op fuzz + gradients + optimizers + metrics + gemm + conv + int8 + packed cache + compiled steps)', 'relaxed',
  ['tests/conformance.test.ts', 'tests/edge-values.test.ts', 'tests/fuzz/ops.fuzz.test.ts', 'tests/gradients.test.ts', 'tests/optimizers.test.ts',
    'tests/metrics.test.ts', 'tests/gemm.test.ts', 'tests/conv.test.ts', 'tests/wasm-conv.test.ts',
    'tests/quantize.test.ts', 'tests/packed-cache.test.ts',
    'tests/compiled.test.ts',
  ]);
// WebGPU on a real (software) adapter: Dawn + SwiftShader in Node, then headless chromium. A missing
// adapter fails (EDGEGRAD_REQUIRE_WEBGPU=1), so this step can never pass by skipping.
// The fuzz suites (tests/fuzz/*.fuzz.test.ts) run in the simd step through vitest's include
// pattern (wasm vs js); listed here they fuzz webgpu against js, with fewer runs.
vitest('vitest, webgpu backend and the browser (conformance + edge values + hardening + v1 models + gradients + gemm + optimizers + layers + memory + errors + fuzz + webgpu + conv + models + nested models + datasets and fitDataset + tfjs import + onnx + int8 + compiled steps + attention + step caches + browser webgpu, pool, bench page)', 'simd',
  [
    'tests/conformance.test.ts',
    'tests/edge-values.test.ts',
    'tests/hardening.test.ts',
    'tests/compat-v1.test.ts',
    'tests/gradients.test.ts',
    'tests/gemm.test.ts',
    'tests/optimizers.test.ts',
    'tests/layers.test.ts',
    'tests/memory.test.ts',
    'tests/errors.test.ts',
    'tests/fuzz/ops.fuzz.test.ts',
    'tests/fuzz/grad.fuzz.test.ts',
    'tests/webgpu.test.ts',
    'tests/conv.test.ts',
    'tests/webgpu-conv.test.ts',
    'tests/webgpu-model.test.ts',
    'tests/webgpu-step.test.ts',
    'tests/webgpu-attention.test.ts',
    'tests/graph-nested.test.ts',
    'tests/dataset.test.ts',
    'tests/tfjs-import.test.ts',
    'tests/tfjs-ops.test.ts',
    'tests/onnx-torch.test.ts',
    'tests/quantize.test.ts',
    'tests/compiled.test.ts',
    'tests/browser/webgpu.test.ts',
    'tests/browser/pool.test.ts',
    'tests/browser/bench.test.ts',
    'tests/browser/bundlers.test.ts',
  ],
  { EDGEGRAD_TEST_BACKENDS: 'webgpu', EDGEGRAD_REQUIRE_WEBGPU: '1' }, 'webgpu');
// Deno and Bun (devDependencies): the conformance cases, a predict and a pool predict in each.
run('Deno and Bun (scripts/runtimes.mjs: conformance cases, predict, pool predict; Node as the control)', process.execPath, ['scripts/runtimes.mjs']);
{
  const r = JSON.parse(readFileSync('build/runtimes.json', 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
