// What a compiled step gets on the webgpu device side (issue 16), measured on the eager fit path:
// the same fit epochs of an MLP 784-128-10 and a small CNN, interleaved in one process, in three
// modes: 'eager' (a fresh bind group and a params-ring slot per dispatch, a submit every 64
// dispatches: the runtime before the cache), 'cached' (bind groups and params buffers cached per
// binding site) and 'cached + one submit' (also beginStep/endStep around each batch, from an
// onBatchBegin callback, so each step is one submit). A replayed step calls the same kernels with
// the same buffers, so this is what the replay gets on the device; the JS it removes is not here.
// Wall time (samples/s) and process CPU time (JS + SwiftShader's threads) per mode; ratios to eager.
//   npm run build && node dist/bench/webgpu-step.js [rounds]        (standalone, prints the table)
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import type { GpuRuntime } from '../src/backends/webgpu/runtime.js';
import { loadMnist } from '../src/data/mnist.js';
import { type Row, backendLabel, useBackend } from './harness.js';

type Digits = Awaited<ReturnType<typeof loadMnist>>['train'];
type Mode = 'eager' | 'cached' | 'cached + one submit';
const MODES: Mode[] = ['eager', 'cached', 'cached + one submit'];

interface Case { name: string; model: () => eg.Sequential; shape: number[]; n: number; batch: number }

/**
 * Per mode: median and least wall seconds per epoch (GPU work included; the least is the one the
 * machine's load disturbed least), median CPU seconds per epoch (the process: JS and SwiftShader's
 * threads), the host time of a step (from one batch's start to the next: the JS, the Dawn calls
 * that encode, and submit; not the GPU's work, which SwiftShader runs on its own threads) as the
 * least and median over every timed step, and per-step counters of the last epoch.
 */
interface Measured {
  wall: number; wallMin: number; cpu: number; spread: number; hostMin: number; hostMed: number;
  perStep: { dispatches: number; submits: number; bindGroups: number };
}

const mlp = (inputs: number, hidden: number) => () => eg.sequential([
  eg.layers.dense({ units: hidden, activation: 'relu', inputShape: [inputs], seed: 1 }),
  eg.layers.dense({ units: 10, activation: 'softmax', seed: 2 }),
]);

function cases(quick: boolean): Case[] {
  return [
    // the issue's model: on SwiftShader its GEMMs (the GPU's share, run on the CPU) dominate the step
    { name: 'fit 784-128-10 b64 adam', shape: [784], n: quick ? 256 : 512, batch: 64, model: mlp(784, 128) },
    // a small MLP: per-dispatch costs dominate, as in a model of many small kernels
    { name: 'fit 49-32-10 b16 adam', shape: [49], n: quick ? 256 : 512, batch: 16, model: mlp(49, 32) },
    {
      // a small CNN: conv 8x3x3 + pool + conv 16x3x3 + pool + dense on 14x14 digits (downsampled)
      name: 'fit cnn 14x14 c8-c16 b32 adam', shape: [14, 14, 1], n: quick ? 128 : 256, batch: 32,
      model: () => eg.sequential([
        eg.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [14, 14, 1], seed: 1 }),
        eg.layers.maxPooling2d({ poolSize: 2 }),
        eg.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', seed: 2 }),
        eg.layers.maxPooling2d({ poolSize: 2 }),
        eg.layers.flatten(),
        eg.layers.dense({ units: 10, activation: 'softmax', seed: 3 }),
      ]),
    },
  ];
}

/** The digits as the case's input: whole images, 14x14 (every other pixel), or 7x7 flattened. */
function inputs(c: Case, d: Digits): Float32Array {
  if (c.shape[0] === 784) return d.images.subarray(0, c.n * 784);
  const side = c.shape[0] === 49 ? 7 : 14, step = 28 / side;
  const out = new Float32Array(c.n * side * side);
  for (let s = 0; s < c.n; s++) {
    for (let i = 0; i < side; i++) {
      for (let j = 0; j < side; j++) out[(s * side + i) * side + j] = d.images[s * 784 + (step * i) * 28 + step * j];
    }
  }
  return out;
}

async function measure(c: Case, d: Digits, rounds: number, log: (l: string) => void): Promise<Record<Mode, Measured>> {
  const rt = (engine.backend as unknown as { runtime: GpuRuntime }).runtime;
  const back = engine.backend!;
  const x = eg.tensor(inputs(c, d), [c.n, ...c.shape]), y = eg.tensor(d.labels.subarray(0, c.n), [c.n], 'int32');
  const model = c.model();
  model.compile({ optimizer: eg.optimizers.adam({ learningRate: 1e-3 }), loss: 'sparseCategoricalCrossentropy' });
  let open = false;
  let hooks = false;
  let marks: number[] = [];
  // the same callback in every mode (fit's per-batch path alike); only 'one submit' calls the hooks
  const callbacks = {
    onBatchBegin: () => {
      marks.push(performance.now());
      if (!hooks) return;
      if (open) back.endStep!();
      back.beginStep!();
      open = true;
    },
    onEpochEnd: () => { if (open) { back.endStep!(); open = false; } },
  };
  const epoch = async (mode: Mode) => {
    rt.caching = mode !== 'eager';
    hooks = mode === 'cached + one submit';
    try {
      await model.fit(x, y, { epochs: 1, batchSize: c.batch, verbose: 0, seed: 1, shuffle: false, callbacks });
    } finally {
      if (open) { back.endStep!(); open = false; }
      rt.caching = true;
    }
  };
  const times = {} as Record<Mode, { wall: number[]; cpu: number[]; host: number[] }>;
  for (const mode of MODES) times[mode] = { wall: [], cpu: [], host: [] };
  const perStep = {} as Record<Mode, Measured['perStep']>;
  // warm-up: pipelines compiled, the pool filled, the cache's sites made
  for (const mode of MODES) { await epoch(mode); await epoch(mode); }
  const steps = Math.ceil(c.n / c.batch);
  for (let r = 0; r < rounds; r++) {
    // rotate the order each round so drift in the machine's load falls on every mode alike
    for (let k = 0; k < MODES.length; k++) {
      const mode = MODES[(k + r) % MODES.length];
      const c0 = { d: rt.dispatches, s: rt.submits, b: rt.bindGroupsCreated };
      const cpu0 = process.cpuUsage();
      marks = [];
      const t0 = performance.now();
      await epoch(mode);
      for (let i = 1; i < marks.length; i++) times[mode].host.push((marks[i] - marks[i - 1]) / 1000);
      await rt.sync();
      const wall = (performance.now() - t0) / 1000;
      const cu = process.cpuUsage(cpu0);
      times[mode].wall.push(wall);
      times[mode].cpu.push((cu.user + cu.system) / 1e6);
      perStep[mode] = { dispatches: (rt.dispatches - c0.d) / steps, submits: (rt.submits - c0.s) / steps, bindGroups: (rt.bindGroupsCreated - c0.b) / steps };
    }
  }
  model.dispose(); x.dispose(); y.dispose();
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
  const out = {} as Record<Mode, Measured>;
  for (const mode of MODES) {
    const w = times[mode].wall;
    out[mode] = {
      wall: med(w), wallMin: Math.min(...w), cpu: med(times[mode].cpu), spread: (Math.max(...w) - Math.min(...w)) / med(w),
      hostMin: Math.min(...times[mode].host), hostMed: med(times[mode].host), perStep: perStep[mode],
    };
    const o = out[mode], p = perStep[mode];
    const ms = (v: number) => (1000 * v).toFixed(2);
    log(`  ${c.name} [${mode}]: wall ${ms(o.wall / steps)} ms/step (least ${ms(o.wallMin / steps)}), cpu ${ms(o.cpu / steps)} ms/step, `
      + `host ${ms(o.hostMin)} ms/step least, ${ms(o.hostMed)} median; `
      + `per step ${p.dispatches.toFixed(0)} dispatches, ${p.submits.toFixed(2)} submits, ${p.bindGroups.toFixed(2)} bind groups made`);
  }
  return out;
}

/** The rows: one per case and mode, samples/s (wall), ratio to 'eager' of the same case and run. */
export async function webgpuStepRows(opts: { quick: boolean; rounds?: number; log(l: string): void }): Promise<Row[]> {
  await useBackend('webgpu');
  const label = backendLabel('webgpu');
  const { train: digits } = await loadMnist({ train: 1024, test: 0, seed: 1 });
  const rows: Row[] = [];
  for (const c of cases(opts.quick)) {
    const m = await measure(c, digits, opts.rounds ?? (opts.quick ? 3 : 5), opts.log);
    for (const mode of MODES) {
      const r = m[mode];
      rows.push({
        suite: 'train', case: `webgpu step: ${c.name}`, backend: `${label} ${mode}`, seconds: r.wall * c.batch / c.n,
        spread: r.spread, value: c.n / r.wall, unit: 'samples/s',
        ...(mode === 'eager' ? {} : { ratio: m.eager.wall / r.wall, baseline: `${label} eager` }),
        note: `least wall ${(m.eager.wallMin / r.wallMin).toFixed(2)}x, cpu ${(m.eager.cpu / r.cpu).toFixed(2)}x, `
          + `host time per step least ${(m.eager.hostMin / r.hostMin).toFixed(2)}x, median ${(m.eager.hostMed / r.hostMed).toFixed(2)}x eager `
          + `(${(1000 * r.hostMin).toFixed(2)} ms); per step ${r.perStep.dispatches.toFixed(0)} dispatches, `
          + `${r.perStep.submits.toFixed(2)} submits, ${r.perStep.bindGroups.toFixed(2)} bind groups made`,
      });
    }
  }
  return rows;
}

// standalone: node dist/bench/webgpu-step.js [rounds]
const self = typeof process !== 'undefined' && process.argv[1]?.endsWith('webgpu-step.js');
if (self) {
  const rounds = Number(process.argv[2] ?? 5);
  const rows = await webgpuStepRows({ quick: false, rounds, log: (l) => console.log(l) });
  for (const r of rows) {
    console.log(`${r.case.padEnd(44)} ${r.backend.slice(-20).padStart(20)} ${r.value.toFixed(0).padStart(7)} samples/s`
      + `${r.ratio ? `  ${r.ratio.toFixed(2)}x eager (wall)` : ''}  ${r.note}`);
  }
  await eg.init({ backend: 'js' });
}
