// Matrix multiply throughput (GFLOP/s) per transpose form: edgegrad's backends against the
// register-only SIMD peak and the peers tfjs-wasm and onnxruntime-web (one thread each). Every
// call uploads its inputs, multiplies and reads the result back. Prints a table with % of peak and
// ratios to each peer, checks the targets of issues 3 and 18, and writes bench/out/gemm.json. Each wasm
// build runs the register tile it timed at start (its rows say which); NN 512^3 and 1024^3 also run
// once per tile ('wasm-relaxed tile 3x12') against the same register-only peak.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as eg from '../src/index.js';
import { type Row, type SuiteContext, type Timing, backendLabel, liveRows, readOut, timeAsync, useBackend } from './harness.js';
import { type Peer, onnxruntimeWasm, tfjsCpu, tfjsWasm } from './peers.js';
import { simdPeak } from './probe.js';
import { gemm as gemmCases } from '../tests/cases/gemm.js';
import { GEMM_TILES } from '../src/backends/wasm.js';
import { isNode } from '../src/platform.js';

/** The wasm build of a row's backend label ('wasm-simd', 'wasm-relaxed tile 3x12'), or undefined. */
const buildOf = (label: string) => (label.startsWith('wasm-simd') ? 'simd' : label.startsWith('wasm-relaxed') ? 'relaxed' : undefined);

export interface GemmRow extends Row {
  /** value / the register-only peak of the row's arithmetic (mul+add for simd, relaxed_madd otherwise). */
  pctPeak?: number;
  /** value / each peer's value in the same case. */
  vs?: Record<string, number>;
}

const PEERS = ['tfjs-wasm', 'ort-wasm', 'tfjs-cpu'];
const MAKE: Record<string, () => Promise<Peer>> = { 'tfjs-wasm': tfjsWasm, 'ort-wasm': onnxruntimeWasm, 'tfjs-cpu': tfjsCpu };

function random(n: number, seed: number): Float32Array {
  const v = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; v[i] = s / 2 ** 32 - 0.5; }
  return v;
}

export async function gemm(ctx: SuiteContext): Promise<Row[]> {
  const { backends, quick } = ctx;
  const rows: GemmRow[] = liveRows(ctx.onRow);
  const relaxed = backends.includes('wasm-relaxed');
  // NOTE: V8 first runs wasm in its baseline tier; warm every build up before timing anything.
  for (const backend of backends.filter((b) => b.startsWith('wasm'))) {
    await useBackend(backend);
    const x = eg.randn([128, 128]);
    for (const t0 = performance.now(); performance.now() - t0 < 300;) eg.matmul(x, x, { transposeB: true }).dispose();
    x.dispose();
  }
  const peak = await simdPeak(relaxed);
  const peakOf = (backend: string) => (buildOf(backend) === 'simd' ? peak.mulAdd : Number.isNaN(peak.madd) ? peak.mulAdd : peak.madd);
  // The tile each build chose at start (eg.features()), for the log and the rows.
  const chosen: Record<string, string> = {};
  for (const backend of backends.filter((b) => b.startsWith('wasm'))) {
    await useBackend(backend);
    const f = eg.features();
    chosen[backend] = String(f.gemmTile);
    ctx.log(`gemm: ${backend} runs register tile ${f.gemmTile} (${f.gemmTileChoice})`);
  }
  const probe = (backend: string, value: number): GemmRow => ({
    suite: 'gemm', case: 'register-only peak', backend, seconds: NaN, spread: 0, value, unit: 'GFLOP/s',
  });
  rows.push(probe('probe mul+add', peak.mulAdd));
  if (relaxed) rows.push(probe('probe relaxed_madd', peak.madd));

  const peers: Peer[] = [];
  for (const name of PEERS.filter((p) => ctx.peers.includes(p))) {
    try { peers.push(await MAKE[name]()); } catch (e) { ctx.log(`gemm: peer ${name} skipped: ${(e as Error).message}`); }
  }

  // [M, K, N] and the forms measured: the gemm case file's bench list (the MLP step's shapes, then square sizes).
  const cases = quick ? gemmCases.bench.quick : gemmCases.bench.full;
  // NOTE: the machine is shared and noisy: every contender runs in `rounds` interleaved rounds and a
  // row keeps the median of the rounds' medians.
  const rounds = quick ? 1 : 3, reps = 3, minRepMs = quick ? 20 : 30;
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];

  for (const [M, K, N, forms] of cases) {
    for (const form of forms) {
      const ta = form === 'TN', tb = form === 'NT';
      const aShape = ta ? [K, M] : [M, K], bShape = tb ? [N, K] : [K, N];
      const a = random(M * K, 1), b = random(K * N, 2);
      const name = `${form} ${M}x${K}x${N}`, gflop = (2 * M * N * K) / 1e9;
      const contenders: { backend: string; setup?: () => Promise<void>; call: () => unknown }[] = [];
      for (const backend of backends) {
        // The js reference (and a software WebGPU adapter) are too slow for the larger shapes to be worth waiting for.
        if (backend === 'js' && M * N * K > 2 ** 22) continue;
        if (backend === 'webgpu' && M * N * K > 2 ** 27) continue;
        await useBackend(backend);
        contenders.push({
          backend: backendLabel(backend),
          setup: () => useBackend(backend),
          call: backend === 'webgpu' ? async () => {
            const ta_ = eg.tensor(a, aShape), tb_ = eg.tensor(b, bShape);
            const c = eg.matmul(ta_, tb_, { transposeA: ta, transposeB: tb });
            await readOut(c);
            eg.dispose([ta_, tb_, c]);
          } : () => {
            const ta_ = eg.tensor(a, aShape), tb_ = eg.tensor(b, bShape);
            const c = eg.matmul(ta_, tb_, { transposeA: ta, transposeB: tb });
            c.dataSync();
            eg.dispose([ta_, tb_, c]);
          },
        });
      }
      // Every register tile of each wasm build at the square sizes the targets name.
      if (form === 'NN' && M === K && K === N && (M === 512 || M === 1024)) {
        for (const backend of backends.filter((b) => b.startsWith('wasm-'))) {
          for (const tile of GEMM_TILES) {
            const setup = () => eg.init({ backend: 'wasm', wasmBuild: buildOf(backend), enableRelaxedSimdFlag: isNode(), gemmTile: tile });
            await setup();
            // NOTE: a fresh backend starts in V8's baseline tier: warm it up as the others were.
            const x = eg.randn([128, 128]);
            for (const t0 = performance.now(); performance.now() - t0 < 300;) eg.matmul(x, x).dispose();
            x.dispose();
            contenders.push({
              backend: `${backend} tile ${tile}`, setup,
              call: () => {
                const ta_ = eg.tensor(a, aShape), tb_ = eg.tensor(b, bShape);
                const c = eg.matmul(ta_, tb_);
                c.dataSync();
                eg.dispose([ta_, tb_, c]);
              },
            });
          }
        }
      }
      for (const peer of peers) if (peer.name !== 'tfjs-cpu' || M * N * K <= 2 ** 27) contenders.push({ backend: peer.name, call: await peer.prepare(M, K, N, ta, tb).then((f) => () => f(a, b)) });
      const timings = contenders.map((): Timing[] => []);
      for (let round = 0; round < rounds; round++) {
        for (const [i, c] of contenders.entries()) {
          // A contender at over 0.3 s a call (tfjs-wasm's transposed forms) is timed once.
          if (round > 0 && timings[i][0].median > 0.3) continue;
          await c.setup?.();
          timings[i].push(await timeAsync(c.call, reps, minRepMs));
        }
      }
      for (const [i, c] of contenders.entries()) {
        const ts = timings[i];
        const t = { median: median(ts.map((x) => x.median)), min: Math.min(...ts.map((x) => x.min)), max: Math.max(...ts.map((x) => x.max)), reps: reps * rounds };
        rows.push({
          suite: 'gemm', case: name, backend: c.backend, seconds: t.median, spread: (t.max - t.min) / t.median, value: gflop / t.median, unit: 'GFLOP/s',
        });
      }
    }
  }

  // The dense layer's forward: one fusedMatmul against matmul + add + relu.
  const [M, K, N] = [64, 784, 128];
  const x = random(M * K, 3), w = random(K * N, 4), bias = random(N, 5);
  for (const backend of backends.filter((b) => b.startsWith('wasm'))) {
    await useBackend(backend);
    for (const fused of [true, false]) {
      const t = await timeAsync(() => eg.tidy(() => {
        const tx = eg.tensor(x, [M, K]), tw = eg.tensor(w, [K, N]), tb = eg.tensor(bias, [N]);
        const y = fused ? eg.fusedMatmul(tx, tw, tb, { activation: 'relu' }) : eg.relu(eg.add(eg.matmul(tx, tw), tb));
        y.dataSync();
      }), reps, minRepMs);
      rows.push({
        suite: 'gemm', case: `dense relu ${M}x${K}x${N} ${fused ? 'fused' : 'composed'}`, backend, seconds: t.median,
        spread: (t.max - t.min) / t.median, value: (2 * M * N * K) / 1e9 / t.median, unit: 'GFLOP/s',
      });
    }
  }

  // The peak once more: a busy machine lowers a single probe, and a peak is the best seen.
  const again = await simdPeak(relaxed);
  peak.mulAdd = Math.max(peak.mulAdd, again.mulAdd);
  peak.madd = Math.max(peak.madd, again.madd);
  for (const r of rows) {
    if (r.backend === 'probe mul+add') r.value = peak.mulAdd;
    if (r.backend === 'probe relaxed_madd') r.value = peak.madd;
  }
  for (const r of rows) {
    if (r.backend.startsWith('probe')) continue;
    if (r.backend.startsWith('wasm')) r.pctPeak = r.value / peakOf(r.backend);
    for (const p of PEERS) {
      const other = rows.find((x) => x.case === r.case && x.backend === p);
      if (other && other !== r) (r.vs ??= {})[p] = r.value / other.value;
    }
  }
  ctx.log(gemmTable(rows, peak));
  ctx.log(targets(rows, peak, chosen).join('\n'));
  mkdirSync('bench/out', { recursive: true });
  writeFileSync('bench/out/gemm.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, peak, rows }, null, 2));
  ctx.log('wrote bench/out/gemm.json');
  return rows;
}

function gemmTable(rows: GemmRow[], peak: { mulAdd: number; madd: number }): string {
  const head = ['case', 'backend', 'GFLOP/s', '±', '% peak', ...PEERS.map((p) => `vs ${p}`)];
  const body = rows.map((r) => [
    r.case, r.backend, r.value.toFixed(1), `${(r.spread * 50).toFixed(0)}%`,
    r.pctPeak === undefined ? '' : `${(r.pctPeak * 100).toFixed(0)}%`,
    ...PEERS.map((p) => (r.vs?.[p] === undefined ? '' : `${r.vs[p].toFixed(2)}x`)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    `gemm: register-only peak mul+add ${peak.mulAdd.toFixed(1)}, relaxed_madd ${peak.madd.toFixed(1)} GFLOP/s ` +
      '(% peak: simd rows against mul+add, the others against relaxed_madd)',
    line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line),
  ].join('\n');
}

/** The targets of issue 3, each with the figure reached in this run. */
function targets(rows: GemmRow[], peak: { mulAdd: number; madd: number }, chosen: Record<string, string>): string[] {
  const get = (c: string, b: string) => rows.find((r) => r.case === c && r.backend === b)?.value;
  const out: string[] = ['gemm targets (this run):'];
  const check = (what: string, got: number | undefined, want: number, unit: string) => {
    if (got === undefined || Number.isNaN(got)) return;
    out.push(`  ${got >= want ? 'met ' : 'MISS'}  ${what}: ${got.toFixed(3)}${unit} (target ${want}${unit})`);
  };
  const ratio = (x?: number, y?: number) => (x === undefined || y === undefined ? undefined : x / y);
  for (const s of ['512x512x512', '1024x1024x1024']) {
    check(`NN ${s} simd vs tfjs-wasm`, ratio(get(`NN ${s}`, 'wasm-simd'), get(`NN ${s}`, 'tfjs-wasm')), 1.5, 'x');
    check(`NN ${s} relaxed (tile ${chosen['wasm-relaxed'] ?? '?'}) vs relaxed_madd peak`, ratio(get(`NN ${s}`, 'wasm-relaxed'), peak.madd), 0.9, 'x');
    check(`NN ${s} simd (tile ${chosen['wasm-simd'] ?? '?'}) vs mul+add peak`, ratio(get(`NN ${s}`, 'wasm-simd'), peak.mulAdd), 0.92, 'x');
  }
  for (const build of ['wasm-simd', 'wasm-relaxed']) {
    for (const s of ['512x512x512', '1024x1024x1024']) {
      for (const f of ['NT', 'TN']) check(`${f} ${s} ${build} vs NN`, ratio(get(`${f} ${s}`, build), get(`NN ${s}`, build)), 0.9, 'x');
    }
    check(`TN 784x64x128 ${build} vs NN`, ratio(get('TN 784x64x128', build), get('NN 784x64x128', build)), 0.9, 'x');
    check(`NT 64x128x784 ${build} vs NN`, ratio(get('NT 64x128x784', build), get('NN 64x128x784', build)), 0.9, 'x');
    check(`NN 64x784x128 ${build} vs tfjs-wasm`, ratio(get('NN 64x784x128', build), get('NN 64x784x128', 'tfjs-wasm')), 1.5, 'x');
    check(`NN 64x128x10 ${build} vs tfjs-wasm`, ratio(get('NN 64x128x10', build), get('NN 64x128x10', 'tfjs-wasm')), 2, 'x');
  }
  return out;
}
