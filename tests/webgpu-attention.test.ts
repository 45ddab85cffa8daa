// The attention family on webgpu beyond the op cases (tests/cases/attention.ts, run by the
// conformance and gradient suites): a small character GPT (src/cli-text.ts's model: embedding,
// learned positions, pre-norm decoder blocks, final layer norm) trained a few AdamW steps on webgpu
// gives wasm's losses step by step, with the fused kernels running on both; both program variants
// (64-wide workgroups, barrier-free lanes) against js on longer rows than the cases (several blocks
// of 64 keys, Dv over 64 columns), rows without keys and per-batch masks; the kernels leave no buffer
// behind. Runs when a WebGPU adapter exists (Node: Dawn + SwiftShader); EDGEGRAD_REQUIRE_WEBGPU=1
// makes a missing one fail. Sizes are small: SwiftShader is slow.
import { afterAll, describe, expect, it } from 'vitest';
import * as eg from '../src/index.js';
import { engine } from '../src/engine.js';
import { gpt } from '../src/cli-text.js';
import { setAttentionPath } from '../src/backends/webgpu/attention.js';
import { webgpuAdapter } from './util/backends.js';
import { Rng } from './util/ref.js';

const { adapter, reason } = await webgpuAdapter();

const V = 23, T = 24, B = 4, STEPS = 4;

/** Deterministic token windows: a noisy repeating pattern, so the loss can fall in a few steps. */
function batches(): { x: Int32Array; y: Int32Array }[] {
  const rng = new Rng(11);
  const text = Int32Array.from({ length: 600 }, (_, i) => (rng.next() < 0.1 ? rng.int(0, V) : (i * 7) % V));
  return Array.from({ length: STEPS }, () => {
    const x = new Int32Array(B * T), y = new Int32Array(B * T);
    for (let b = 0; b < B; b++) {
      const at = rng.int(0, text.length - T - 1);
      x.set(text.subarray(at, at + T), b * T);
      y.set(text.subarray(at + 1, at + T + 1), b * T);
    }
    return { x, y };
  });
}

/** Per-step losses of the small GPT (2 layers, width 32, 4 heads of 8) under AdamW, and the kernels that ran. */
async function trainGpt(backend: 'wasm' | 'webgpu'): Promise<{ losses: number[]; kernels: Set<string> }> {
  await eg.init({ backend });
  const kernels = new Set<string>();
  const { runKernel } = engine;
  engine.runKernel = function (this: typeof engine, name, ...rest) { kernels.add(name); return runKernel.call(this, name, ...rest); } as typeof engine.runKernel;
  try {
    const model = gpt(V, T, 32, 2);
    model.compile({ optimizer: eg.optimizers.adamw({ learningRate: 3e-3, weightDecay: 0.1, globalClipNorm: 1 }), loss: 'sparseCategoricalCrossentropy' });
    const losses: number[] = [];
    for (const { x, y } of batches()) {
      const xs = eg.tensor(x, [B, T], 'int32'), ys = eg.tensor(y, [B, T], 'int32');
      const h = await model.fit(xs, ys, { epochs: 1, batchSize: B, shuffle: false, verbose: 0 });
      losses.push(h.history.loss[0]);
      eg.dispose([xs, ys]);
    }
    model.dispose();
    return { losses, kernels };
  } finally {
    engine.runKernel = runKernel;
  }
}

describe.skipIf(!adapter)(`attention on webgpu (${adapter?.name ?? `no adapter: ${reason}`})`, () => {
  afterAll(async () => { await eg.init({ backend: 'js' }); });

  it('a small GPT trains on webgpu with the fused kernels and gives wasm\'s loss at every step', async () => {
    const wasm = await trainGpt('wasm');
    const gpu = await trainGpt('webgpu');
    console.log(`GPT losses, wasm ${wasm.losses.map((x) => x.toFixed(5)).join(' ')}; webgpu ${gpu.losses.map((x) => x.toFixed(5)).join(' ')}`);
    for (const k of ['attention', 'attentionGrad', 'layerNorm', 'layerNormGrad']) {
      expect(wasm.kernels.has(k), `${k} on wasm`).toBe(true);
      expect(gpu.kernels.has(k), `${k} on webgpu`).toBe(true);
    }
    expect(gpu.losses).toHaveLength(STEPS);
    gpu.losses.forEach((v, i) => {
      expect(Number.isFinite(v)).toBe(true);
      expect(Math.abs(v - wasm.losses[i]), `step ${i}: webgpu ${v} vs wasm ${wasm.losses[i]}`).toBeLessThanOrEqual(1e-3 * Math.abs(wasm.losses[i]));
    });
    // the first step starts within a nat of log(V) (near-uniform guesses); training lowers it
    expect(Math.abs(wasm.losses[0] - Math.log(V))).toBeLessThan(1);
    expect(gpu.losses[STEPS - 1]).toBeLessThan(gpu.losses[0]);
  });

  // Both program variants on this one adapter: the 64-wide workgroups (hardware adapters) and the
  // barrier-free lanes (software adapters, so the conformance suite on SwiftShader runs those).
  const FORMS: { label: string; q: number[]; k: number[]; v: number[]; causal: boolean; mask?: number[] }[] = [
    { label: 'rows of 3 key blocks, Dv 65 (2 columns per invocation), causal + padding mask', q: [2, 70, 72], k: [2, 131, 72], v: [2, 131, 65], causal: true, mask: [2, 1, 131] },
    { label: 'Tq 9 > Tk 5 causal (rows without keys: mean of v)', q: [3, 9, 8], k: [3, 5, 8], v: [3, 5, 6], causal: true },
    { label: 'a mask per batch [2,6,7] with a fully masked row, not causal', q: [2, 6, 5], k: [2, 7, 5], v: [2, 7, 3], causal: false, mask: [2, 6, 7] },
    { label: 'T 1, D 1', q: [1, 1, 1], k: [1, 1, 1], v: [1, 1, 1], causal: false },
  ];
  for (const path of ['workgroup', 'lanes'] as const) {
    it(`the ${path} programs: forward and gradients as js (${FORMS.map((f) => f.label).join('; ')})`, async () => {
      for (const F of FORMS) {
        const rng = new Rng(3);
        const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
        const rand = (s: number[]) => Float32Array.from({ length: size(s) }, () => rng.uniform(-1, 1));
        const data = { q: rand(F.q), k: rand(F.k), v: rand(F.v) };
        const mask = F.mask && Float32Array.from({ length: size(F.mask) }, (_, i) => +(rng.next() < 0.8 && !(F.mask!.length === 3 && F.mask![1] > 1 && Math.floor(i / F.mask![2]) === 2)));
        const dyv = rand([F.q[0], F.q[1], F.v[2]]);
        const run = async (backend: 'js' | 'webgpu') => {
          await eg.init({ backend });
          const [q, k, v] = (['q', 'k', 'v'] as const).map((n) => eg.tensor(data[n], F[n]));
          const m = mask ? eg.tensor(mask, F.mask!) : null, dy = eg.tensor(dyv, [F.q[0], F.q[1], F.v[2]]);
          const opts = { causal: F.causal, mask: m };
          const g = eg.valueAndGrads(() => eg.sum(eg.mul(eg.attention(q, k, v, opts), dy)), [q, k, v]);
          const out = eg.attention(q, k, v, opts);
          const vals = await Promise.all([out, ...g.grads].map((t) => t.data()));
          eg.dispose([q, k, v, dy, out, g.value, ...g.grads, ...(m ? [m] : [])]);
          return vals as Float32Array[];
        };
        const want = await run('js');
        setAttentionPath(path);
        let got: Float32Array[];
        try { got = await run('webgpu'); } finally { setAttentionPath(null); }
        ['out', 'dq', 'dk', 'dv'].forEach((name, n) => {
          let worst = 0;
          got[n].forEach((x, i) => { worst = Math.max(worst, Math.abs(x - want[n][i]) / (1e-4 + Math.abs(want[n][i]))); });
          expect(worst, `${F.label}: ${name}`).toBeLessThan(2e-3);
        });
      }
    });
  }

  it('the fused kernels leave no GPU buffer behind (the backward\'s scratch rows return to the pool)', async () => {
    await eg.init({ backend: 'webgpu' });
    const q = eg.randn([3, 9, 8], { seed: 1 }), x = eg.randn([5, 70], { seed: 2 });
    const step = async () => {
      const g = eg.valueAndGrads(() => eg.add(eg.sum(eg.attention(q, q, q, { causal: true })), eg.sum(eg.layerNorm(x))), [q, x]);
      await g.value.data();
      eg.dispose([g.value, ...g.grads]);
    };
    await step();
    const gpuBytes = () => (engine.backend!.memory() as { bytes: number }).bytes;
    const before = eg.memory(), liveBefore = gpuBytes();
    for (let i = 0; i < 3; i++) await step();
    const after = eg.memory();
    expect(after.tensors).toBe(before.tensors);
    expect(after.bytes).toBe(before.bytes);
    // the GPU buffers in use (the runtime's count, scratch buffers included)
    expect(gpuBytes()).toBe(liveBefore);
    eg.dispose([q, x]);
  });
});
