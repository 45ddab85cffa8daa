// Attention forward + backward (issue 13): eg.attention (the fused kernel; on wasm without a mask it
// picks the composed form itself, src/ops/attention.ts composedFaster) against the same math
// composed from edgegrad's own ops (matmul, mul, where, softmax, matmul: what eg.attention ran before
// the kernel), tfjs on tfjs-backend-wasm (matMul + softmax, gradients by tf.grads) and jax-js
// (nn.dotProductAttention under jit(grad)). One call: q, k, v [heads, T, D] uploaded, out and the
// three gradients computed and read back. The figure is nominal GFLOP/s: 12·heads·T²·D per call
// (two products forward, four backward), the full square even for a causal mask (the fused kernel
// skips the masked half; the composed forms compute it). Contenders alternate in interleaved rounds.
// webgpu (when in --backends) runs the fused kernel too, read back asynchronously, at T <= 128 only
// (on a software adapter the longer rows take minutes); not its composed form, whose backward takes
// about 16 s per call at 4 heads of T 64 on SwiftShader (the `where` gradient), so the suite would not end.
import * as eg from '../src/index.js';
import { attention as attentionCases } from '../tests/cases/attention.js';
import { gpt } from '../src/cli-text.js';
import { type Row, type SuiteContext, type Timing, liveRows, timeAsync, useBackend } from './harness.js';

const SHAPES = attentionCases.bench;

function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}

/** The composed form: scores by matmul, scale, masked by where (-1e9), softmax, product with v. */
function composed(q: eg.Tensor, k: eg.Tensor, v: eg.Tensor, mask: eg.Tensor | null, scale: number): eg.Tensor {
  let s = eg.mul(eg.matmul(q, k, { transposeB: true }), scale);
  if (mask) s = eg.where(mask, s, -1e9);
  return eg.matmul(eg.softmax(s, -1), v);
}

interface Contender {
  backend: string;
  start(): Promise<{ call: () => unknown; end: () => void }>;
}

export async function attention(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const wasm = ctx.backends.filter((b) => b.startsWith('wasm'));
  const tf = ctx.peers.includes('tfjs-wasm') && ctx.tfjs
    ? await ctx.tfjs('wasm').catch((e) => { ctx.log(`attention: tfjs-wasm skipped: ${(e as Error).message}`); return undefined; }) : undefined;
  let jax: typeof import('@jax-js/jax') | undefined;
  if (ctx.peers.includes('jax-js')) {
    try {
      // NOTE: as bench/train.ts: a Worker global left by another suite's Emscripten glue breaks jax-js in Node.
      delete (globalThis as { Worker?: unknown }).Worker;
      jax = await import('@jax-js/jax');
      await jax.init('wasm' as never);
      jax.defaultDevice('wasm' as never);
    } catch (e) { ctx.log(`attention: jax-js skipped: ${(e as Error).message}`); jax = undefined; }
  }
  const rounds = ctx.quick ? 1 : 3, reps = ctx.quick ? 3 : 5, minRepMs = ctx.quick ? 20 : 40;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const shapes = ctx.quick ? SHAPES.filter((s) => s.quick) : SHAPES;

  for (const S of shapes) {
    const { heads: H, T, D, causal } = S;
    const shape = [H, T, D], n = H * T * D;
    const q = random(n, 1), k = random(n, 2), v = random(n, 3), dy = random(n, 4);
    const gflop = (12 * H * T * T * D) / 1e9;
    const scale = 1 / Math.sqrt(D);

    const ours = (backend: string, fused: boolean): Contender => ({
      backend: fused ? backend : `${backend} composed`,
      async start() {
        await useBackend(backend);
        const mask = causal && !fused ? eg.keep(eg.causalMask(T, T)) : null;
        if (backend === 'webgpu') {
          const call = async () => {
            const grads = eg.tidy(() => {
              const [a, b, c] = [eg.tensor(q, shape), eg.tensor(k, shape), eg.tensor(v, shape)];
              const f = () => eg.sum(eg.mul(fused ? eg.attention(a, b, c, { causal }) : composed(a, b, c, mask, scale), eg.tensor(dy, shape)));
              return eg.valueAndGrads(f, [a, b, c]).grads;
            });
            await Promise.all(grads.map((t) => t.data()));
            eg.dispose(grads);
          };
          return { call, end: () => { if (mask) mask.dispose(); } };
        }
        const call = () => eg.tidy(() => {
          const [a, b, c] = [eg.tensor(q, shape), eg.tensor(k, shape), eg.tensor(v, shape)];
          const f = () => eg.sum(eg.mul(fused ? eg.attention(a, b, c, { causal }) : composed(a, b, c, mask, scale), eg.tensor(dy, shape)));
          for (const t of eg.valueAndGrads(f, [a, b, c]).grads) t.dataSync();
        });
        return { call, end: () => { if (mask) mask.dispose(); } };
      },
    });
    const contenders: Contender[] = [];
    for (const b of wasm) contenders.push(ours(b, true), ours(b, false));
    if (ctx.backends.includes('webgpu') && T <= 128) contenders.push(ours('webgpu', true));
    if (tf) {
      contenders.push({
        backend: 'tfjs-wasm',
        async start() {
          const t = await ctx.tfjs!('wasm');
          // NOTE: tfjs-core's node bundle has no gradients; tfjs-layers' bundle registers them (as @tensorflow/tfjs does)
          await import('@tensorflow/tfjs-layers');
          const mask = causal ? t.linalg.bandPart(t.ones([T, T]), -1, 0) : null;
          const neg = t.scalar(-1e9);
          const f = (a: import('@tensorflow/tfjs-core').Tensor, b: import('@tensorflow/tfjs-core').Tensor, c: import('@tensorflow/tfjs-core').Tensor) => {
            let s = t.mul(t.matMul(a, b, false, true), scale);
            if (mask) s = t.where(t.cast(mask, 'bool'), s, neg);
            return t.sum(t.mul(t.matMul(t.softmax(s), c), t.tensor(dy, shape)));
          };
          const g = t.grads(f as never);
          const call = () => t.tidy(() => {
            for (const x of g([t.tensor(q, shape), t.tensor(k, shape), t.tensor(v, shape)])) x.dataSync();
          });
          return { call, end: () => { t.dispose([neg, ...(mask ? [mask] : [])]); } };
        },
      });
    }
    if (jax) {
      const J = jax;
      contenders.push({
        backend: 'jax-js-wasm',
        async start() {
          const np = J.numpy;
          // NOTE: composed as the others (nn.dotProductAttention parses an einsum with iterator helpers Node 20 lacks)
          type P = { q: any; k: any; v: any };
          const keep = causal ? np.tril(np.ones([T, T])).greater(0) : null;
          const loss = (p: P, d: any) => {
            let s = np.matmul(p.q, np.swapaxes(p.k, 1, 2)).mul(scale);
            if (keep) s = np.where(keep.ref, s, -1e9);
            return np.matmul(J.nn.softmax(s, -1), p.v).mul(d).sum();
          };
          const step = J.jit((p: P, d: any) => J.grad(loss)(p, d));
          const arr = (x: Float32Array) => np.array(x).reshape([H, T, D]);
          const call = async () => {
            const g = step({ q: arr(q), k: arr(k), v: arr(v) }, arr(dy)) as P;
            await g.q.data(); await g.k.data(); await g.v.data();
          };
          return { call, end: () => {} };
        },
      });
    }

    const timings = contenders.map((): Timing[] => []);
    const failed = new Set<number>();
    for (let round = 0; round < rounds; round++) {
      for (const [i, c] of contenders.entries()) {
        if (failed.has(i)) continue;
        try {
          const { call, end } = await c.start();
          for (const t0 = performance.now(); performance.now() - t0 < 200;) await call();
          timings[i].push(await timeAsync(call, reps, minRepMs));
          end();
        } catch (e) {
          ctx.log(`  attention ${S.label}: ${c.backend} skipped (${(e as Error).message.split('\n')[0]})`);
          failed.add(i);
        }
      }
    }
    const caseRows: Row[] = [];
    for (const [i, c] of contenders.entries()) {
      const ts = timings[i];
      if (failed.has(i) || ts.length === 0) continue;
      const t = { median: median(ts.map((x) => x.median)), min: Math.min(...ts.map((x) => x.min)), max: Math.max(...ts.map((x) => x.max)) };
      caseRows.push({
        suite: 'attention', case: `${S.label} fwd+bwd`, backend: c.backend, seconds: t.median, spread: (t.max - t.min) / t.median,
        value: gflop / t.median, unit: 'GFLOP/s',
      });
    }
    for (const r of caseRows) {
      const comp = caseRows.find((x) => x.backend === `${r.backend} composed`);
      if (comp) r.note = `${(r.value / comp.value).toFixed(2)}x composed`;
      rows.push(r);
    }
  }
  for (const b of wasm) await gptRows(ctx, b, rows);
  await useBackend(wasm[0] ?? 'wasm');
  return rows;
}

/**
 * The reference model (src/cli-text.ts gpt: 4 layers, 4 heads, width 128, 65 characters)
 * on one wasm build: a training step of 12 x 64 tokens (AdamW, fit on 4 batches per call), in
 * tokens/s, on one thread and (not quick) with two pool workers; and generation at context 256
 * (a 192-token prompt, 64 new tokens) with the KV cache and without it (each token reruns the prefix).
 */
async function gptRows(ctx: SuiteContext, backend: string, rows: Row[]): Promise<void> {
  await useBackend(backend);
  const V = 65, T = 64, B = 12, steps = 4;
  let s = 7;
  const ids = (n: number) => Int32Array.from({ length: n }, () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % V);
  const x = eg.keep(eg.tensor(ids(steps * B * T), [steps * B, T], 'int32')), y = eg.keep(eg.tensor(ids(steps * B * T), [steps * B, T], 'int32'));
  const compiled = () => {
    const m = gpt(V, T);
    m.compile({ optimizer: eg.optimizers.adamw({ learningRate: 1e-3, weightDecay: 0.1, beta2: 0.99, globalClipNorm: 1 }), loss: 'sparseCategoricalCrossentropy' });
    return m;
  };
  const reps = ctx.quick ? 2 : 4;
  /** Times fit calls by the clock and by this process's CPU time (the machine may be shared: its note). */
  const trainRow = async (label: string, fit: () => Promise<unknown>) => {
    await fit();
    const walls: number[] = [];
    let cpu = 0;
    for (let r = 0; r < reps; r++) {
      const c0 = process.cpuUsage(), t0 = performance.now();
      await fit();
      walls.push((performance.now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu += (c.user + c.system) / 1e6;
    }
    walls.sort((a, b) => a - b);
    const med = walls[walls.length >> 1], tokens = steps * B * T;
    rows.push({
      suite: 'attention', case: label, backend, seconds: med / steps, spread: (walls[walls.length - 1] - walls[0]) / med,
      value: tokens / med, unit: 'tokens/s', note: `${Math.round((reps * tokens) / cpu)} tokens per CPU-second of this process`,
    });
    ctx.log(`  ${label} on ${backend}: ${Math.round(tokens / med)} tokens/s (clock), ${rows[rows.length - 1].note}`);
  };
  const model = compiled();
  try {
    await trainRow('gpt train step b12 T64, one thread', () => model.fit(x, y, { epochs: 1, batchSize: B, shuffle: false, verbose: 0 }));
    if (!ctx.quick) {
      try {
        const pool = await eg.createPool({ workers: 2 });
        try {
          await trainRow('gpt train step b12 T64, 2 workers', () => model.fit(x, y, { epochs: 1, batchSize: B, shuffle: false, verbose: 0, pool }));
        } finally { await pool.close(); }
      } catch (e) { ctx.log(`  gpt with 2 workers on ${backend}: skipped (${(e as Error).message.split('\n')[0]})`); }
    }
  } finally { model.dispose(); eg.dispose([x, y]); }

  const gen = gpt(V, 256);
  try {
    const prompt = Array.from(ids(192)), n = 64;
    const timed: Record<string, Timing> = {};
    for (const useCache of [true, false]) {
      timed[String(useCache)] = await timeAsync(() => eg.generate(gen, prompt, { maxNewTokens: n, useCache, seed: 1 }), ctx.quick ? 1 : 3, 0, 1);
    }
    for (const useCache of [true, false]) {
      const t = timed[String(useCache)];
      rows.push({
        suite: 'attention', case: 'gpt generate 64 tokens after 192 (context 256)', backend: useCache ? backend : `${backend} no cache`,
        seconds: t.median, spread: (t.max - t.min) / t.median, value: n / t.median, unit: 'tokens/s',
        note: useCache ? `${(timed.false.median / t.median).toFixed(2)}x without the cache` : undefined,
      });
      if (useCache) ctx.log(`  generation at context 256 on ${backend}: the KV cache is ${(timed.false.median / t.median).toFixed(2)}x faster than rerunning the prefix`);
    }
  } finally { gen.dispose(); }
}
