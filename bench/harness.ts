// Bench harness: the one row model every suite emits, warm-up + repeated timing (median and
// spread), backend switching and labels. Browser-safe: the page (bench/web/page.ts) runs it too.
import * as eg from '../src/index.js';
import { isNode, nodeModule } from '../src/platform.js';

export interface Row {
  suite: string;
  case: string;
  /** An edgegrad backend ('js', 'wasm-simd', 'wasm-relaxed', 'webgpu (<adapter>)') or a peer ('tfjs-wasm', ...). */
  backend: string;
  /** Median seconds per call (NaN where a row is not a timing, e.g. a size). */
  seconds: number;
  /** (max - min) / median over the repetitions. */
  spread: number;
  /** The figure and its unit (GB/s, GFLOP/s, samples/s, KB gzip, ms). */
  value: number;
  unit: string;
  /** Sizes and start-up times: smaller is better. */
  lowerIsBetter?: boolean;
  /** value / the baseline's value in the same suite and case, measured in the same run. */
  ratio?: number;
  baseline?: string;
  note?: string;
}

/** What a suite is told: which edgegrad backends and peers to measure, how long, where rows go. */
export interface SuiteContext {
  /** Edgegrad backends: 'js', 'wasm-simd', 'wasm-relaxed', 'webgpu'. */
  backends: string[];
  /** Peer names wanted ('tfjs-wasm', 'tfjs-cpu', 'ort-wasm', 'jax-js', 'tfjs-webgpu'); a suite runs those it knows. */
  peers: string[];
  quick: boolean;
  log(line: string): void;
  /** Called with every row as a suite pushes it (the page's live table and chart). */
  onRow?(row: Row): void;
  /** Node: a tfjs-core with the named backend active (loaded by the runner; absent in the page). */
  tfjs?(backend: 'wasm' | 'cpu'): Promise<typeof import('@tensorflow/tfjs-core')>;
  /** The page: the bundled pool worker's URL (Node finds dist/src/worker.js itself). */
  poolWorkerUrl?: string;
}

export type Suite = (ctx: SuiteContext) => Promise<Row[]>;

/** A row list whose push also reports each row to `onRow`. */
export function liveRows(onRow?: (r: Row) => void): Row[] {
  const rows: Row[] = [];
  if (onRow) rows.push = (...items: Row[]) => { for (const r of items) { Array.prototype.push.call(rows, r); onRow(r); } return rows.length; };
  return rows;
}

/** Bench backend names: 'js', 'wasm-simd', 'wasm-relaxed' (each WASM build measured on its own), 'webgpu'. */
export async function useBackend(name: string): Promise<void> {
  if (name === 'webgpu') {
    if (isNode()) {
      // Node without a GPU: Dawn finds SwiftShader through Debian chromium's Vulkan driver
      const icd = '/usr/lib/chromium/vk_swiftshader_icd.json';
      const { existsSync } = await nodeModule<typeof import('node:fs')>('fs');
      if (!process.env.VK_ICD_FILENAMES && existsSync(icd)) process.env.VK_ICD_FILENAMES = icd;
    }
    await eg.init({ backend: 'webgpu' });
  } else if (name === 'wasm-simd' || name === 'wasm-relaxed') {
    await eg.init({ backend: 'wasm', wasmBuild: name === 'wasm-simd' ? 'simd' : 'relaxed', enableRelaxedSimdFlag: isNode() });
  } else {
    await eg.init({ backend: name as 'js' | 'wasm' });
  }
}

/** Whether a WebGPU adapter can be started here (leaves the previous backend active). */
export async function webgpuAvailable(): Promise<boolean> {
  const before = eg.backend();
  try { await useBackend('webgpu'); return true; } catch { return false; } finally { await eg.init({ backend: before }); }
}

/** A row label for a backend: webgpu says which adapter, and "software adapter" for a fallback one. */
export function backendLabel(name: string): string {
  if (name !== 'webgpu') return name;
  const f = eg.features();
  // Adapter names repeat themselves ("google swiftshader swiftshader-device-subzero- SwiftShader driver 5.0.0"):
  // keep each word once and drop the truncated ones.
  const seen = new Set<string>();
  const adapter = (f.webgpuAdapter || 'unknown adapter').split(/\s+/)
    .filter((w) => !w.endsWith('-') && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase())).join(' ');
  return `webgpu (${adapter}${f.webgpuFallback ? ', software adapter' : ''})`;
}

/** A tensor's values, awaited where the backend reads asynchronously (webgpu). */
export async function readOut(t: { dataSync(): unknown; data(): Promise<unknown> }): Promise<void> {
  if (eg.backend() === 'webgpu') await t.data();
  else t.dataSync();
}

export interface Timing { median: number; min: number; max: number; reps: number }

export interface TimeOptions { warmup?: number; reps?: number; minRepMs?: number }

function summarize(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  return { median: samples[samples.length >> 1], min: samples[0], max: samples[samples.length - 1], reps: samples.length };
}

/** Times `fn` (one call = one unit of work): warm-up, then batches of calls until each rep lasts `minRepMs`. */
export function time(fn: () => void, opts: TimeOptions = {}): Timing {
  const warmup = opts.warmup ?? 3, reps = opts.reps ?? 7, minRepMs = opts.minRepMs ?? 50;
  for (let i = 0; i < warmup; i++) fn();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 20) break;
    inner *= 2;
  }
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) fn();
    samples.push((performance.now() - t0) / 1000 / inner);
  }
  return summarize(samples);
}

/** As time(), for calls that may return a promise (awaited one by one). */
export async function timeAsync(fn: () => unknown, reps: number, minRepMs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  let inner = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    if (performance.now() - t0 >= minRepMs || inner >= 1 << 16) break;
    inner *= 2;
  }
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < inner; i++) await fn();
    samples.push((performance.now() - t0) / 1000 / inner);
  }
  return summarize(samples);
}

/** A throughput row: `work` units per call (GB, GFLOP, samples) over the median time. */
export function row(suite: string, name: string, backend: string, t: Timing, work: number, unit: string): Row {
  return {
    suite, case: name, backend, seconds: t.median, spread: (t.max - t.min) / t.median,
    value: work / t.median, unit,
  };
}

/** Fills `ratio` (where a suite has not) against the row of the suite's baseline in the same case. */
export function addRatios(rows: Row[], baselines: Record<string, string>): void {
  for (const r of rows) {
    const base = baselines[r.suite];
    if (r.ratio !== undefined || !base || r.backend === base) continue;
    const b = rows.find((x) => x.suite === r.suite && x.case === r.case && x.unit === r.unit && x.backend === base);
    if (b && Number.isFinite(b.value) && b.value > 0) { r.ratio = r.value / b.value; r.baseline = base; }
  }
}

/** The rate of a training function that runs one epoch over n samples: median samples/s over
 * `epochs` timed epochs after `warmup` untimed ones; `seconds` per batch of `batch`. */
export async function measureEpochs(runEpoch: () => Promise<void> | void, n: number, epochs: number, batch: number, warmup = 1): Promise<{ rate: number; spread: number; seconds: number }> {
  for (let w = 0; w < warmup; w++) await runEpoch(); // JIT, allocation, kernel compilation
  const rates: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const t0 = performance.now();
    await runEpoch();
    rates.push(n / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  const med = rates[rates.length >> 1];
  return { rate: med, spread: (rates[rates.length - 1] - rates[0]) / med, seconds: batch / med };
}

/** A figure with 3 significant digits. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
}

/** The ratio cell: "2.31x tfjs-wasm" (for lower-is-better rows, how many times smaller/faster). */
export function ratioCell(r: Row): string {
  if (r.ratio === undefined) return '';
  return `${fmt(r.ratio)}x ${r.baseline}`;
}

export function table(rows: Row[]): string {
  const head = ['suite', 'case', 'backend', 'median', '± spread', 'figure', 'ratio'];
  const body = rows.map((r) => [
    r.suite, r.case, r.backend, Number.isFinite(r.seconds) ? `${fmt(r.seconds * 1e3)} ms` : '', `±${(r.spread * 50).toFixed(0)}%`,
    `${fmt(r.value)} ${r.unit}${r.lowerIsBetter ? ' ↓' : ''}`, ratioCell(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
