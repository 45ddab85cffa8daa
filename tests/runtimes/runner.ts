// What scripts/runtimes.mjs runs in Deno and Bun (and Node, as the control), bundled into one
// ESM file: the conformance cases of tests/cases (all families but conv, whose sweep is long) on the
// wasm simd build against their float64 references with the suite's float32 tolerances, a model's
// predict against a forward pass written out here in plain JavaScript, and the same predict through
// a 2-worker pool. Prints one JSON line of results, then "N passed, N failed".
import * as eg from '../../src/index.js';
import { TOL32 } from '../cases/case.js';
import { FAMILY_CASES } from '../cases/index.js';
import { runInstance } from '../util/cases.js';

declare const Deno: { version: { deno: string }; args: string[] } | undefined;
declare const Bun: { version: string } | undefined;

const FAMILIES = ['elementwise', 'reduce', 'softmax', 'gemm', 'layout', 'optim'];

function runtime(): string {
  if (typeof Deno !== 'undefined') return `deno ${Deno.version.deno}`;
  if (typeof Bun !== 'undefined') return `bun ${Bun.version}`;
  return `node ${process.versions.node}`;
}

/** dense(relu) -> dense(softmax) on x, in float64, from the model's weights. */
function forward(x: Float32Array, rows: number, layers: { kernel: Float32Array; bias: Float32Array; units: number }[]): Float64Array {
  let h: Float64Array = Float64Array.from(x);
  let width = x.length / rows;
  layers.forEach((l, k) => {
    const out = new Float64Array(rows * l.units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < l.units; j++) {
        let s = l.bias[j];
        for (let i = 0; i < width; i++) s += h[r * width + i] * l.kernel[i * l.units + j];
        out[r * l.units + j] = k === 0 ? Math.max(0, s) : s;
      }
      if (k === layers.length - 1) {
        const row = out.subarray(r * l.units, (r + 1) * l.units);
        const m = Math.max(...row);
        let z = 0;
        for (let j = 0; j < row.length; j++) z += (row[j] = Math.exp(row[j] - m));
        for (let j = 0; j < row.length; j++) row[j] /= z;
      }
    }
    h = out;
    width = l.units;
  });
  return h;
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

async function main(): Promise<void> {
  const workerUrl = new URL('./worker.mjs', import.meta.url);
  const t0 = performance.now();
  await eg.init({ backend: 'wasm', wasmBuild: 'simd' });
  const failures: string[] = [];
  let passed = 0;
  for (const fam of FAMILY_CASES.filter((f) => FAMILIES.includes(f.family))) {
    for (const c of fam.cases) {
      for (const i of c.instances) {
        const problems = await runInstance(eg, i, { ...TOL32[c.tol], ...i.tol32 }, false);
        if (problems.length === 0) passed++;
        else failures.push(`${fam.family} ${c.name} ${i.label}: ${problems.join('; ')}`);
      }
    }
  }
  const conformance = { passed, failed: failures.length };

  // predict, against the plain-JS forward pass
  const model = eg.sequential([
    eg.layers.dense({ units: 24, activation: 'relu', inputShape: [10], seed: 1 }),
    eg.layers.dense({ units: 4, activation: 'softmax', seed: 2 }),
  ]);
  const x = eg.randn([37, 10], { seed: 3 });
  const w = model.getWeights().map((t) => Float32Array.from(t.dataSync()));
  const want = forward(Float32Array.from(x.dataSync()), 37, [
    { kernel: w[0], bias: w[1], units: 24 }, { kernel: w[2], bias: w[3], units: 4 },
  ]);
  const predictDiff = maxDiff(model.predict(x).dataSync(), want);
  if (!(predictDiff <= 1e-5)) failures.push(`predict differs from the plain-JS forward pass by ${predictDiff}`);
  else passed++;

  // the same predict through a 2-worker pool
  let poolDiff = Infinity, poolMode = '';
  try {
    const pool = await eg.createPool({ workers: 2, workerUrl });
    poolMode = pool.mode;
    poolDiff = maxDiff((await pool.predict(model, x)).dataSync(), model.predict(x).dataSync());
    await pool.close();
  } catch (e) {
    failures.push(`pool: ${(e as Error).message}`);
  }
  if (poolDiff === 0) passed++;
  else if (poolDiff !== Infinity) failures.push(`pool predict differs from predict by ${poolDiff}`);

  const f = eg.features();
  console.log(JSON.stringify({
    runtime: runtime(), backend: eg.backend(), wasmBuild: f.wasmBuild, sharedMemory: f.sharedMemory,
    conformance, predictDiff, poolMode, poolDiff, seconds: +((performance.now() - t0) / 1000).toFixed(1), failures: failures.slice(0, 20),
  }));
  console.log(`${passed} passed, ${failures.length} failed`);
  if (failures.length) process.exitCode = 1;
}

main().then(() => process.exit(process.exitCode ?? 0), (e) => { console.error(e); process.exit(1); });
